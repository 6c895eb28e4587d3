import { Option } from 'commander';
import { printable } from '../../printable.js';
import { plural } from '../../words.js';

/**
 * How a command prints rows, the same on every command: `table` aligned for people to read,
 * `csv` (RFC 4180), `json` (one array), `jsonl` (one object a line).
 */
export type OutputFormat = 'table' | 'csv' | 'json' | 'jsonl';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['table', 'csv', 'json', 'jsonl'];

export type Row = Record<string, unknown>;

/** The `--format` option of a command that prints rows: the formats it offers, and its default. */
export function formatOption(formats: readonly OutputFormat[], fallback: OutputFormat): Option {
  return new Option('--format <format>', 'output format: table (aligned), csv, json (one array) or jsonl (one object a line)')
    .choices(formats)
    .default(fallback);
}

/** How many rows a table measures its column widths on before it starts printing. */
const TABLE_SAMPLE_ROWS = 1000;
const MAX_TABLE_CELL = 60;
/** Output is written in pieces of about this many characters. */
const CHUNK = 64 * 1024;

/**
 * Writes rows to `out` as they come, in `format`, waiting whenever the reader is behind: memory
 * holds a chunk of output (and a table's first rows), not the result. Returns the rows written.
 */
export async function writeRows(
  rows: Iterable<Row>,
  columns: readonly string[],
  format: OutputFormat,
  out: NodeJS.WritableStream = process.stdout,
): Promise<number> {
  const writer = new ChunkWriter(out);
  let count = 0;
  if (format === 'table') {
    const sample: Row[] = [];
    let layout: TableLayout | null = null;
    for (const row of rows) {
      count++;
      if (layout) {
        if (writer.add(layout.line(row))) await writer.flush();
        continue;
      }
      sample.push(row);
      if (sample.length === TABLE_SAMPLE_ROWS) layout = startTable(writer, sample, columns);
    }
    if (!layout) startTable(writer, sample, columns);
    writer.add(`(${plural(count, 'row')})\n`);
  } else {
    if (format === 'csv') writer.add(`${columns.map(csvCell).join(',')}\r\n`);
    for (const row of rows) {
      const text =
        format === 'csv'
          ? `${columns.map((c) => csvCell(row[c])).join(',')}\r\n`
          : format === 'jsonl'
            ? `${JSON.stringify(row)}\n`
            : `${count === 0 ? '[\n' : ',\n'}${JSON.stringify(row, null, 2).replace(/^/gm, '  ')}`;
      count++;
      if (writer.add(text)) await writer.flush();
    }
    if (format === 'json') writer.add(count === 0 ? '[]\n' : '\n]\n');
  }
  await writer.flush();
  return count;
}

/** Measures the table on its first rows and writes its header and those rows. */
function startTable(writer: ChunkWriter, sample: readonly Row[], columns: readonly string[]): TableLayout {
  const layout = new TableLayout(sample, columns);
  writer.add(layout.header() + sample.map((r) => layout.line(r)).join(''));
  return layout;
}

/** Gathers output into chunks and writes each, waiting for the reader to drain a full pipe. */
class ChunkWriter {
  private pending = '';

  constructor(private readonly out: NodeJS.WritableStream) {}

  /** Adds text; true when a chunk is full and should be flushed before more is added. */
  add(text: string): boolean {
    this.pending += text;
    return this.pending.length >= CHUNK;
  }

  async flush(): Promise<void> {
    const text = this.pending;
    this.pending = '';
    if (text === '' || this.out.write(text)) return;
    // A reader that has gone (EPIPE) ends the process from the stream's error handler.
    await new Promise<void>((resolve) => this.out.once('drain', resolve));
  }
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

/**
 * Columns padded to their widest cell among the first rows; long text is cut with "…" so a row
 * stays on one line. A later, wider cell is printed whole and pushes its line out of step.
 */
class TableLayout {
  private readonly widths: number[];
  private readonly numeric: boolean[];

  constructor(
    sample: readonly Row[],
    private readonly columns: readonly string[],
  ) {
    const cells = sample.map((r) => this.cells(r));
    this.widths = columns.map((c, i) => cells.reduce((w, row) => Math.max(w, row[i]!.length), c.length));
    this.numeric = columns.map((c) => sample.length > 0 && sample.every((r) => r[c] === null || typeof r[c] === 'number'));
  }

  header(): string {
    return `${this.join([...this.columns])}\n${this.widths.map((w) => '-'.repeat(w)).join('  ')}\n`;
  }

  line(row: Row): string {
    return `${this.join(this.cells(row))}\n`;
  }

  private cells(row: Row): string[] {
    return this.columns.map((c) => {
      const text = printable(cellText(row[c]).replace(/[\r\n\t]+/g, ' '));
      return text.length > MAX_TABLE_CELL ? `${text.slice(0, MAX_TABLE_CELL - 1)}…` : text;
    });
  }

  private join(cells: readonly string[]): string {
    return cells
      .map((text, i) => (this.numeric[i] ? text.padStart(this.widths[i]!) : text.padEnd(this.widths[i]!)))
      .join('  ')
      .trimEnd();
  }
}

/**
 * A reader that stops early (`| head -1`) closes the pipe: the command's output is done, not
 * failed, so the process ends quietly with status 0, as Unix tools do.
 */
export function endQuietlyWhenStdoutCloses(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}
