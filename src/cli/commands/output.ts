import { Option } from 'commander';
import { printable } from '../../printable.js';
import { plural } from '../../words.js';
import { outputProblem, say } from './userError.js';

/**
 * How a command prints rows, the same on every command: `table` aligned for people to read,
 * `csv` (RFC 4180), `json` (one array), `jsonl` (one object a line).
 */
export type OutputFormat = 'table' | 'csv' | 'json' | 'jsonl';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['table', 'csv', 'json', 'jsonl'];

export type Row = Record<string, unknown>;

const FORMAT_HELP: Record<OutputFormat, string> = { table: 'table (aligned)', csv: 'csv', json: 'json (one array)', jsonl: 'jsonl (one object a line)' };

/** The `--format` option of a command that prints rows: the formats it offers (and its help names only those), and its default. */
export function formatOption(formats: readonly OutputFormat[], fallback: OutputFormat): Option {
  const named = formats.map((f) => FORMAT_HELP[f]);
  const list = named.length > 1 ? `${named.slice(0, -1).join(', ')} or ${named[named.length - 1]!}` : named.join('');
  return new Option('--format <format>', `output format: ${list}`).choices(formats).default(fallback);
}

/** Output that could not be written (a full disk, a file that cannot be made): `where` says which. */
export class OutputError extends Error {
  override readonly name = 'OutputError';
  constructor(
    readonly where: string,
    override readonly cause: NodeJS.ErrnoException,
  ) {
    super(`cannot write ${where}: ${cause.message}`);
  }
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

/**
 * Gathers output into chunks and writes each, waiting for the reader to drain a full pipe. A
 * stream that fails (a full disk) fails the next flush with an `OutputError`.
 */
class ChunkWriter {
  private pending = '';
  private failure: NodeJS.ErrnoException | undefined;

  constructor(private readonly out: NodeJS.WritableStream) {
    out.on('error', (error: NodeJS.ErrnoException) => {
      this.failure ??= error;
    });
  }

  /** Adds text; true when a chunk is full and should be flushed before more is added. */
  add(text: string): boolean {
    this.pending += text;
    return this.pending.length >= CHUNK;
  }

  async flush(): Promise<void> {
    const text = this.pending;
    this.pending = '';
    this.throwIfFailed();
    if (text === '') return;
    const written = this.out.write(text);
    // A write's failure is reported after the call returns, whether or not the buffer is full.
    await new Promise<void>((resolve) => {
      const done = () => {
        this.out.off('drain', done).off('error', done);
        resolve();
      };
      if (written) setImmediate(done);
      else this.out.once('drain', done).once('error', done);
    });
    this.throwIfFailed();
  }

  private throwIfFailed(): void {
    if (this.failure) throw new OutputError('the output', this.failure);
  }
}

/**
 * One CSV cell (RFC 4180). Text a spreadsheet would run as a formula (it begins with `=`, `+`,
 * `-`, `@`, a tab or a CR) is written after a `'`, which spreadsheets show as text; numbers, and
 * text that is a number as written (`-8`, `+1.5`), are written as they are. See docs/queries.md.
 */
export function csvCell(value: unknown): string {
  const raw = cellText(value);
  const text = typeof value === 'string' && FORMULA_START.test(raw) && !NUMBER.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

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
 * failed, so the process ends quietly with status 0, as Unix tools do. Output that cannot be
 * written (stdout on a full disk) is one line and status 1.
 */
export function endQuietlyWhenStdoutCloses(command: string): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    if (command === '') process.stderr.write(`rolepages: ${outputProblem('the output', error)}\n`);
    else say(command, outputProblem('the output', error));
    process.exit(1);
  });
}
