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
  const cells: string[] = [];
  let cell = '';
  for (let i = 0; i < t.length; i++) {
    const ch = t[i]!;
    if (ch === '\\' && t[i + 1] === '|') {
      cell += '|';
      i++;
    } else if (ch === '|') {
      cells.push(cell);
      cell = '';
    } else {
      cell += ch;
    }
  }
  cells.push(cell);
  if (hasLead) cells.shift();
  if (hasTrail) cells.pop();
  const trimmed = cells.map((c) => c.replace(/[\s\u00a0]+/g, ' ').trim());
  return trimmed.length >= 2 ? trimmed : null;
}

/** Markdown's header separator (`| --- | :---: |`) carries no content. */
export function isSeparatorRow(cells: string[]): boolean {
  return cells.every((c) => /^:?-{3,}:?$/.test(c));
}
