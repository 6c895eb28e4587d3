import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { constants } from 'node:os';
import { fileURLToPath } from 'node:url';
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { Statement } from 'better-sqlite3';
import { plural } from '../../words.js';
import { COMMAND_HELP } from '../commandHelp.js';
import { dbOption } from './defaults.js';
import { formatOption, OUTPUT_FORMATS, writeRows, type OutputFormat, type Row } from './output.js';
import { isSqliteError, withReadOnlyDb } from './readOnly.js';
import { fail } from './userError.js';

export const DEFAULT_QUERY_SECONDS = 60;

/** The process that runs one statement; see `runQuery`. */
const QUERY_PROCESS = fileURLToPath(new URL('../queryProcess.js', import.meta.url));

const FORWARDED: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

interface QueryOptions {
  db: string;
  format: OutputFormat;
  timeout: number;
}

export function registerQuery(program: Command): void {
  program
    .command('query')
    .description(COMMAND_HELP.query.description)
    .argument('<sql>', 'one SQL statement, e.g. "SELECT key, yearly_salary FROM roles ORDER BY yearly_salary DESC"')
    .addOption(dbOption())
    .addOption(formatOption(OUTPUT_FORMATS, 'table'))
    .addOption(
      new Option('--timeout <seconds>', 'stop a statement still running after this many seconds (0: no limit)')
        .argParser(seconds)
        .default(DEFAULT_QUERY_SECONDS),
    )
    .action((sql: string, options: QueryOptions) => queryWithTimeLimit(sql, options));
}

/**
 * SQLite cannot be interrupted through better-sqlite3, and a thread stuck in a statement cannot
 * be stopped either, so the statement runs in a process of its own that is killed at the limit.
 * It reads the statement on its stdin (a statement of any length) and writes its rows and
 * messages straight to this process's stdout and stderr.
 */
async function queryWithTimeLimit(sql: string, options: QueryOptions): Promise<void> {
  const child = spawn(process.execPath, [QUERY_PROCESS, options.db, options.format], { stdio: ['pipe', 'inherit', 'inherit'] });
  // A process that fails before reading the statement closes its stdin; its own message says why.
  child.stdin.on('error', () => undefined);
  child.stdin.end(sql);
  let timedOut = false;
  const timer =
    options.timeout > 0
      ? setTimeout(() => {
          timedOut = true;
          child.kill('SIGKILL');
        }, options.timeout * 1000)
      : undefined;
  // The statement's process would outlive this one stopped alone (`timeout 5 rolepages query …`).
  let stoppedBy: NodeJS.Signals | null = null;
  const stop = (signal: NodeJS.Signals) => {
    stoppedBy = signal;
    child.kill('SIGKILL');
  };
  for (const signal of FORWARDED) process.once(signal, stop);
  let code: number | null = null;
  try {
    [code] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
  } catch (error) {
    fail('query', `cannot start the process that runs the statement (${(error as NodeJS.ErrnoException).code ?? String(error)}); check that ${process.execPath} can be run`);
    return;
  } finally {
    clearTimeout(timer);
    for (const signal of FORWARDED) process.off(signal, stop);
  }
  if (stoppedBy !== null) {
    process.exitCode = 128 + constants.signals[stoppedBy];
    return;
  }
  if (timedOut) {
    fail(
      'query',
      `stopped after ${plural(options.timeout, 'second')}, the time limit; narrow the statement, or raise the limit with --timeout SECONDS (0 for none)`,
    );
    return;
  }
  process.exitCode = code ?? 2;
}

/** Runs one statement and writes its rows as they come; a write, or any error, is one line and status 2. */
export async function runQuery(sql: string, file: string, format: OutputFormat): Promise<void> {
  await withReadOnlyDb('query', file, async (db) => {
    if (SETS_PRAGMA.test(withoutLeadingComments(sql))) {
      fail('query', refusal(sql));
      return;
    }
    let statement: Statement;
    try {
      statement = db.prepare(sql);
    } catch (error) {
      // Every error preparing a statement is about its text (better-sqlite3 throws a RangeError for more than one).
      fail('query', `SQL error: ${(error as Error).message}`);
      return;
    }
    if (!statement.reader) {
      fail('query', refusal(sql));
      return;
    }
    let rows: IterableIterator<Row>;
    try {
      rows = statement.iterate() as IterableIterator<Row>;
    } catch (error) {
      // better-sqlite3 refuses a statement with placeholders run without values: a RangeError
      // for `?`, a TypeError for `:name`; nothing else can fail before the first row.
      if (!(error instanceof RangeError || error instanceof TypeError)) throw error;
      fail('query', `SQL error: ${error.message}: query takes no values for ? or :name placeholders; write the values into the statement`);
      return;
    }
    try {
      const columns = statement.columns().map((c) => c.name);
      await writeRows(rows, columns, format);
    } catch (error) {
      if (!isSqliteError(error)) throw error;
      // A statement that returns rows and writes (INSERT … RETURNING, a pragma that changes the
      // journal) fails on the read-only connection only once it runs.
      const refused = error.code.startsWith('SQLITE_READONLY') || (error.code.startsWith('SQLITE_IOERR') && verbOf(sql) === 'PRAGMA');
      fail('query', refused ? refusal(sql) : `SQL error: ${error.message}`);
    }
  });
}

/** `PRAGMA name = value` sets the pragma: a write, whatever the pragma. */
const SETS_PRAGMA = /^PRAGMA\s+[\w."]+\s*=/i;

function withoutLeadingComments(sql: string): string {
  return sql.replace(/^(?:\s+|--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)*/, '');
}

function refusal(sql: string): string {
  const verb = verbOf(sql);
  return verb === 'PRAGMA'
    ? `query is read-only: setting a pragma (${oneLine(sql)}) is refused`
    : `query is read-only: ${verb} is refused`;
}

/** The statement's kind, as its first keyword says (for WITH …, the write it leads to). */
function verbOf(sql: string): string {
  const body = withoutLeadingComments(sql);
  const first = /^[A-Za-z]+/.exec(body)?.[0]?.toUpperCase() ?? oneLine(body);
  if (first !== 'WITH') return first;
  return /\b(INSERT|UPDATE|DELETE|REPLACE)\b/i.exec(body)?.[1]?.toUpperCase() ?? first;
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}

function seconds(text: string): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || n < 0) {
    throw new InvalidArgumentError(`Expected \`--timeout\` to be a number of seconds from 0 up (0: no limit), got \`${text}\``);
  }
  return n;
}
