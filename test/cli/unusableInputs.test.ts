import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../src/store/migrations.js';
import { openReadOnly } from '../../src/store/openDatabase.js';
import { RoleStore } from '../../src/store/roleStore.js';
import { StoreError } from '../../src/store/storeError.js';
import { registerCheck } from '../../src/cli/commands/check.js';
import { registerIngest } from '../../src/cli/commands/ingest.js';
import { withReadOnlyDb } from '../../src/cli/commands/readOnly.js';
import { PageError } from '../../src/errors.js';
import { extractFile } from '../../src/extract/extractFile.js';
import { ReportError } from '../../src/report/reportError.js';
import { writeReport } from '../../src/report/writeReport.js';
import { commandOutput } from '../support/commandOutput.js';
import { rolepagesAsync, tempDir } from '../faults/support.js';
import { runCommand } from '../support/runCommand.js';

/** Every command that reads a database, with the arguments it needs besides `--db`. */
const READERS: Array<[string, string[]]> = [
  ['query', ['SELECT 1']],
  ['roles', []],
  ['show', ['collections-coordinator']],
  ['export', []],
  ['report', ['--out', join(tempDir('rolepages-out-'), 'report.html')]],
];

let dir: string;
const files: Record<string, string> = {};
beforeAll(() => {
  dir = tempDir('rolepages-unusable-');
  files.missing = join(dir, 'none.db');
  files.text = join(dir, 'notes.txt');
  writeFileSync(files.text, 'Collections Coordinator vs Account Specialist\n'.repeat(50));
  files.empty = join(dir, 'empty.db');
  writeFileSync(files.empty, '');
  files.other = join(dir, 'other.db');
  new Database(files.other).exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)').close();
  files.newer = join(dir, 'newer.db');
  RoleStore.open(files.newer).close();
  const newer = new Database(files.newer);
  newer.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
  newer.close();
  files.folder = join(dir, 'a-folder.db');
  mkdirSync(files.folder);
});

const CASES: Array<[string, (file: string) => string]> = [
  ['missing', (f) => `${f}: no such database; run "rolepages ingest PATH --db ${f}" first`],
  ['/etc/passwd', (f) => `${f}: not a SQLite database; check the --db path (rolepages ingest makes the database)`],
  ['text', (f) => `${f}: not a SQLite database; check the --db path (rolepages ingest makes the database)`],
  [
    'empty',
    (f) =>
      `${f}: an empty file, not a rolepages database (no table roles, pages, observations, conflicts); check the --db path, or run "rolepages ingest PATH --db ${f}" to make one`,
  ],
  [
    'other',
    (f) =>
      `${f}: not a rolepages database (no table roles, pages, observations, conflicts); check the --db path, or run "rolepages ingest PATH --db ${f}" to make one`,
  ],
  [
    'newer',
    (f) => `${f}: the database has schema version ${SCHEMA_VERSION + 1}, newer than this rolepages knows (${SCHEMA_VERSION}); upgrade rolepages or use another --db`,
  ],
];

/** The line a command reading through `withReadOnlyDb` writes for the database `file`. */
async function readOnlyOutcome(command: string, file: string) {
  return commandOutput(() => withReadOnlyDb(command, file, () => undefined));
}

/** What the library's `writeReport` throws: its code, its message and the error beneath. */
function reportOutcome(file: string): { code: string; message: string; cause: string } | 'no error' {
  try {
    writeReport(file, join(tempDir('rolepages-out-'), 'report.html'));
  } catch (error) {
    if (error instanceof ReportError) return { code: error.code, message: error.message, cause: error.cause instanceof StoreError ? `StoreError ${error.cause.code}` : String(error.cause) };
    throw error;
  }
  return 'no error';
}

/** What opening the database for reading says, as the library says it: the facts, no flags. */
function storeOutcome(file: string): { code: string; message: string } | 'no error' {
  try {
    openReadOnly(file).close();
  } catch (error) {
    if (error instanceof StoreError) return { code: error.code, message: error.message };
    throw error;
  }
  return 'no error';
}

describe('every command that reads a database, on one it cannot use: one line saying what to do, exit 2', () => {
  it.each(CASES)('query, roles, show and export on a database that is %s', async (name, message) => {
    const file = name === '/etc/passwd' ? name : files[name]!;
    expect(await readOnlyOutcome('roles', file)).toEqual({ status: 2, stdout: '', stderr: `rolepages roles: ${message(file)}\n` });
  });

  it.each(CASES)('report, from the library, on a database that is %s: the store\'s facts, with no flag to type', (name) => {
    const file = name === '/etc/passwd' ? name : files[name]!;
    const store = storeOutcome(file);
    if (store === 'no error') throw new Error(`${file} opened`);
    expect(reportOutcome(file)).toEqual({ code: 'unreadable-database', message: store.message, cause: `StoreError ${store.code}` });
    expect(store.message).not.toMatch(/--db/);
  });

  it('a folder given as the database', async () => {
    const run = await readOnlyOutcome('show', files.folder!);
    expect([run.status, run.stdout]).toEqual([2, '']);
    expect(run.stderr).toMatch(new RegExp(`^rolepages show: ${files.folder}: cannot open the database \\([^\\n]+\\); check the --db path\\n$`));
    expect(reportOutcome(files.folder!)).toEqual({ code: 'unreadable-database', message: expect.stringMatching(new RegExp(`^${files.folder}: cannot open the database \\([^\\n]+\\)$`)), cause: 'StoreError cannot-open' });
  });

  // The wiring: each command, as users run it, gives that line and status 2.
  it.concurrent.each(READERS)('%s, run as users run it, on a database of another program', async (command, args) => {
    const run = await rolepagesAsync(command, ...args, '--db', files.other!);
    const message = CASES.find(([name]) => name === 'other')![1];
    expect([run.status, run.stdout, run.stderr]).toEqual([2, '', `rolepages ${command}: ${message(files.other!)}\n`]);
  });

  it('a path holding control characters is printed escaped, on one line', async () => {
    const run = await readOnlyOutcome('roles', join(dir, 'new\nline\u001b[2J.db'));
    expect(run.stderr).toBe(`rolepages roles: ${dir}/new\\nline\\x1b[2J.db: no such database; run "rolepages ingest PATH --db ${dir}/new\\nline\\x1b[2J.db" first\n`);
  });
});

// In-process: the commands as registered (their CLI runs are in extract.test.ts and analystCommands.test.ts).
describe('commands that read a folder or a file, on one that is not there', () => {
  it('check on a missing folder', async () => {
    expect(await runCommand(registerCheck, 'check', '/nope')).toEqual({ status: 2, stdout: '', stderr: 'rolepages check: /nope: no such file or folder; check the path\n' });
  });

  it('ingest of a path that names nothing, before the database is touched', async () => {
    const db = join(tempDir(), 'roles.db');
    expect(await runCommand(registerIngest, 'ingest', 'fixtures', '/nope', '--db', db)).toEqual({
      status: 2,
      stdout: '',
      stderr: 'rolepages ingest: /nope: no such file or folder; check the path\n',
    });
    expect(existsSync(db)).toBe(false);
  });

  it('check on a file, not a folder', async () => {
    expect(await runCommand(registerCheck, 'check', files.text!)).toEqual({
      status: 2,
      stdout: '',
      stderr: `rolepages check: ${files.text}: not a folder; name the folder that holds the saved pages\n`,
    });
  });
});

describe('a file name holding a newline or an escape sequence is printed escaped, one failure on one line', () => {
  const hostile = 'new\nline \u001b[2J.txt';

  it('extract', async () => {
    const folder = tempDir('rolepages-names-');
    writeFileSync(join(folder, hostile), 'Notes\n\nNothing to see here.\n');
    const error = await extractFile(join(folder, hostile));
    expect(error).toBeInstanceOf(PageError);
    expect((error as PageError).message).toMatch(new RegExp(`^${folder}/new\\\\nline \\\\x1b\\[2J\\.txt: [^\\n\\u001b]+$`));
  });

  it('check', async () => {
    const folder = tempDir('rolepages-names-');
    writeFileSync(join(folder, hostile), 'Notes\n\nNothing to see here.\n');
    const run = await runCommand(registerCheck, 'check', folder);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(new RegExp(`^FAIL ${folder}/new\\\\nline \\\\x1b\\[2J\\.txt: [^\\n\\u001b]+\\n0 match, 1 failed \\(1 file in ${folder}\\)\\n$`));
  });
});
