/** Rows as analysts read them: an aligned table, CSV (RFC 4180) or JSON. */
export type OutputFormat = 'table' | 'csv' | 'json';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['table', 'csv', 'json'];

export type Row = Record<string, unknown>;

export function formatRows(rows: readonly Row[], columns: readonly string[], format: OutputFormat): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(rows, null, 2)}\n`;
    case 'csv':
      return [columns.map(csvCell).join(','), ...rows.map((r) => columns.map((c) => csvCell(r[c])).join(','))]
        .map((line) => `${line}\r\n`)
        .join('');
    case 'table':
      return formatTable(rows, columns);
  }
}

/** One JSON object per line, for `export --format jsonl`. */
export function formatJsonLines(rows: readonly Row[]): string {
  return rows.map((r) => `${JSON.stringify(r)}\n`).join('');
}

export function csvCell(value: unknown): string {
  const text = cellText(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return Buffer.isBuffer(value) ? value.toString('hex') : JSON.stringify(value);
  return String(value);
}

const MAX_TABLE_CELL = 60;

/** Columns padded to their widest cell; long text is cut with "…" so a row stays on one line. */
function formatTable(rows: readonly Row[], columns: readonly string[]): string {
  const cells = rows.map((r) =>
    columns.map((c) => {
      const text = cellText(r[c]).replace(/[\r\n\t]+/g, ' ');
      return text.length > MAX_TABLE_CELL ? `${text.slice(0, MAX_TABLE_CELL - 1)}…` : text;
    }),
  );
  const widths = columns.map((c, i) => cells.reduce((widest, row) => Math.max(widest, row[i]!.length), c.length));
  const numeric = columns.map((c) => rows.length > 0 && rows.every((r) => r[c] === null || typeof r[c] === 'number'));
  const line = (row: readonly string[]) =>
    row
      .map((text, i) => (numeric[i] ? text.padStart(widths[i]!) : text.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const out = [line(columns), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)];
  out.push(`(${rows.length} row${rows.length === 1 ? '' : 's'})`);
  return `${out.join('\n')}\n`;
}
