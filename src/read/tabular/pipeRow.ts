/**
 * One line of a tabular capture as table cells, or null when the line is not a table row.
 * Rows come as `| a | b | c |` or, in the older layout, without the leading pipe:
 * `Yearly Salary | $39,873 | $31,163 |`. Markdown's escaped pipe (`\|`) stays inside its cell.
 */
export function parsePipeRow(line: string): string[] | null {
  const t = line.trim();
  if (!t.includes('|')) return null;
  const hasLead = t.startsWith('|');
  const hasTrail = t.endsWith('|') && !t.endsWith('\\|');
  if (!hasLead && !hasTrail) return null; // a sentence that merely contains "|"
  // Cells are sliced between pipes, not built a character at a time: appending to a cell of a
  // megabyte-long row took time growing with the square of its length.
  const cells: string[] = [];
  let start = 0;
  for (let i = t.indexOf('|'); i !== -1; i = t.indexOf('|', i + 1)) {
    if (t[i - 1] === '\\') continue;
    cells.push(unescapePipes(t.slice(start, i)));
    start = i + 1;
  }
  cells.push(unescapePipes(t.slice(start)));
  if (hasLead) cells.shift();
  if (hasTrail) cells.pop();
  const trimmed = cells.map((c) => c.replace(/[\s\u00a0]+/g, ' ').trim());
  return trimmed.length >= 2 ? trimmed : null;
}

const unescapePipes = (cell: string): string => (cell.includes('\\|') ? cell.replaceAll('\\|', '|') : cell);

/** Markdown's header separator (`| --- | :---: |`) carries no content. */
export function isSeparatorRow(cells: string[]): boolean {
  return cells.every((c) => /^:?-{3,}:?$/.test(c));
}
