import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { summaryLine } from '../../src/cli/commands/ingest.js';
import type { OutputFormat } from '../../src/cli/commands/output.js';
import { runQuery } from '../../src/cli/commands/query.js';
import { registerShow, renderRole } from '../../src/cli/commands/show.js';
import { registerExport } from '../../src/cli/commands/export.js';
import { ingest } from '../../src/ingest/ingest.js';
import { openReadOnly } from '../../src/store/openDatabase.js';
import { readRole } from '../../src/store/readRole.js';
import { commandOutput } from '../support/commandOutput.js';
import { runWithFileSizeLimit } from '../support/fileSizeLimit.js';
import { runCommand } from '../support/runCommand.js';

// The built CLI, as users run it (`npm test` builds first).
const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));
const SEEDS = ['000_61d26842a8aa7f89.txt', '001_47a54ea3bd2ce3cc.txt', '002_c0781b1da5386105.txt', '003_83570a534fe137c2.txt', '004_53ee470b7ca18917.txt'];
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });

let dir: string;
let db: string;
/** `rolepages query SQL --db FILE --format FORMAT`, in-process. */
const query = (sql: string, format: OutputFormat, file = db) => commandOutput(() => runQuery(sql, file, format));
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rolepages-cli-'));
  for (const name of SEEDS) copyFileSync(join(FIXTURES, name), join(dir, name));
  db = join(dir, 'out', 'roles.db');
});

describe('rolepages ingest', () => {
  it('stores the five seeds and prints one summary line', () => {
    // --quiet: a run slowed by a busy machine may add a progress line (tested in test/ingest/progress.test.ts).
    const { status, stdout, stderr } = run('ingest', dir, '--db', db, '--quiet');
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toBe('5 files stored, 0 skipped, 0 failed; 6 roles from 5 pages (5 captures); 0 conflicting fields\n');
  });

  it('exits 1 naming each failed file with its reason, storing the others', () => {
    const other = mkdtempSync(join(tmpdir(), 'rolepages-cli-'));
    copyFileSync(join(FIXTURES, SEEDS[0]!), join(other, SEEDS[0]!));
    writeFileSync(join(other, 'notes.md'), '# Notes\n\nNothing to see.\n');
    const { status, stdout, stderr } = run('ingest', other, '--db', join(other, 'roles.db'), '--quiet');
    expect(status).toBe(1);
    expect(stderr).toMatch(new RegExp(`^rolepages ingest: ${join(other, 'notes.md')}: .+\\n$`));
    expect(stdout).toMatch(/^1 file stored, 0 skipped, 1 failed; 2 roles/);
  });

  it('exits 2 on bad usage', () => {
    expect(run('ingest', dir, '--concurrency', '0')).toMatchObject({
      status: 2,
      stderr: "error: option '--concurrency <n>' argument '0' is invalid. Expected `--concurrency` to be a number from 1 and up, got `0`\nsee `rolepages ingest --help`\n",
    });
  });
});

describe('rolepages query', () => {
  it('prints rows as an aligned table by default', () => {
    const { status, stdout } = run('query', '--db', db, "SELECT key, page_count FROM roles WHERE key LIKE 'collections-c%' ORDER BY key");
    expect(status).toBe(0);
    expect(stdout).toBe(
      ['key                      page_count', '-----------------------  ----------', 'collections-coordinator           3', '(1 row)', ''].join('\n'),
    );
  });

  // The statement runs in-process below, as the query's own process runs it (runQuery).
  it('prints CSV and JSON', async () => {
    const sql = "SELECT key, highest_paying_city FROM roles WHERE key = 'account-specialist'";
    expect((await query(sql, 'csv')).stdout).toBe('key,highest_paying_city\r\naccount-specialist,"Washington, DC"\r\n');
    expect(JSON.parse((await query(sql, 'json')).stdout)).toEqual([{ key: 'account-specialist', highest_paying_city: 'Washington, DC' }]);
  });

  it('exits 2 on an SQL error and on a missing database', async () => {
    expect(await query('SELECT nope FROM roles', 'table')).toEqual({ status: 2, stdout: '', stderr: 'rolepages query: SQL error: no such column: nope\n' });
    const none = join(dir, 'none.db');
    expect(await query('SELECT 1', 'table', none)).toEqual({
      status: 2,
      stdout: '',
      stderr: `rolepages query: ${none}: no such database; run "rolepages ingest PATH --db ${none}" first\n`,
    });
  });

  it('still answers on a database an interrupted ingest left with roles to catch up, and says so', async () => {
    const interrupted = join(mkdtempSync(join(tmpdir(), 'rolepages-cli-')), 'roles.db');
    copyFileSync(db, interrupted);
    const raw = new Database(interrupted);
    raw.prepare("INSERT INTO pending_roles (role_key) VALUES ('collections-coordinator')").run();
    raw.close();
    expect(await query('SELECT COUNT(*) AS roles FROM roles', 'csv', interrupted)).toEqual({
      status: 0,
      stdout: 'roles\r\n6\r\n',
      stderr:
        `rolepages query: note: 1 role is not yet reconciled with its newest pages (an ingest is running, or was interrupted); ` +
        `when none is running, run "rolepages ingest" on the same pages with --db ${interrupted} to finish them\n`,
    });
  });
});

describe('rolepages roles, show and export', () => {
  it('roles lists every role with its page count', () => {
    const { status, stdout } = run('roles', '--db', db, '--format', 'csv');
    expect(status).toBe(0);
    expect(stdout.split('\r\n')).toContain('account-specialist,Account Specialist,3,0,42586,116010');
  });

  it('show gives each value with the captures that showed it, the conflicts and the aliases', () => {
    const { status, stdout } = run('show', 'collections-coordinator', '--db', db);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^Collections Coordinator \(collections-coordinator\), seen on 3 pages\n/);
    expect(stdout).toContain('\n  Average age           46  (all 3 pages)\n');
    expect(stdout).toContain('\n  Highest paying city   "New York, NY"  (all 3 pages)\n');
    expect(stdout).toContain('Conflicts:\n  none: the pages agree on every field\n');
    expect(stdout).toContain('  collections coordinators (plural)\n');
    expect(stdout).toContain('\n  Customer Service, 15% (1 page)\n');
  });

  it('show displays a conflict once a page is edited to another salary', async () => {
    // Seed 001 saved again later, after its Collections Coordinator's salary changed: the new
    // capture speaks for the page, which then disagrees with seeds 000 and 004.
    const edited = readFileSync(join(dir, SEEDS[1]!), 'utf8').replaceAll('$37,938', '$39,120');
    const editedDir = mkdtempSync(join(tmpdir(), 'rolepages-cli-'));
    writeFileSync(join(editedDir, 'edited.txt'), edited);
    const later = new Date(statSync(join(dir, SEEDS[1]!)).mtimeMs + 60_000);
    utimesSync(join(editedDir, 'edited.txt'), later, later);
    const editedDb = join(editedDir, 'roles.db');
    expect(summaryLine(await ingest(editedDb, [dir, editedDir]))).toBe('6 files stored, 0 skipped, 0 failed; 6 roles from 5 pages (6 captures); 1 conflicting field');
    const reader = openReadOnly(editedDb);
    const stdout = renderRole(readRole(reader, 'collections-coordinator')!, editedDb);
    reader.close();
    // Each value with the captures that showed it: the older capture of seed 001 still shows 37,938.
    // Which capture of seed 001 is newer rests on the files' modification times, and show says so.
    expect(stdout).toMatch(/^Collections Coordinator \(collections-coordinator\), seen on 3 pages \(4 captures\)\nCapture times: all from file modification times, which a copy changes; the newest capture of a page speaks for it\n/);
    expect(stdout).toContain(
      `\n  Yearly salary         37938  (3 pages: ${join(dir, SEEDS[0]!)}, ${join(dir, SEEDS[1]!)}, ${join(dir, SEEDS[4]!)}; dated only by file modification time) (kept)\n` +
        `                        39120  (1 page: ${join(editedDir, 'edited.txt')}; dated only by file modification time)\n`,
    );
    expect(stdout).toContain('Conflicts:\n  Yearly salary: 37938 on 2 pages (kept)\n  Yearly salary: 39120 on 1 page\n');
  });

  it('show exits 1 for a key it does not know', async () => {
    const { status, stderr } = await runCommand(registerShow, 'show', 'astronaut', '--db', db);
    expect(status).toBe(1);
    expect(stderr).toBe(`rolepages show: no role with key, title or alias "astronaut" in ${db}; "rolepages roles" lists them\n`);
  });

  it('export writes a table as JSON lines', () => {
    const lines = run('export', '--db', db, '--format', 'jsonl', '--table', 'pages').stdout.trim().split('\n');
    expect(lines).toHaveLength(5);
    expect(JSON.parse(lines[0]!)).toMatchObject({ id: 1, role_a: 'collections-coordinator', role_b: 'account-specialist', layout: 'table' });
  });

  // In-process, the command as registered; its CLI run is the one above.
  it('export --out writes to a file what it prints on stdout', async () => {
    const out = join(dir, 'observations.csv');
    const { status, stdout } = await runCommand(registerExport, 'export', '--db', db, '--format', 'csv', '--table', 'observations', '--out', out);
    expect(status).toBe(0);
    expect(stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toBe((await runCommand(registerExport, 'export', '--db', db, '--format', 'csv', '--table', 'observations')).stdout);
  });

  it('export --out leaves the previous file whole when the disk fills', async () => {
    const out = join(dir, 'kept.jsonl');
    writeFileSync(out, 'previous export\n');
    // The database's shared-memory file takes 32 KiB; the export is larger.
    const whole = await runCommand(registerExport, 'export', '--db', db, '--format', 'jsonl', '--table', 'observations');
    expect(whole.stdout.length).toBeGreaterThan(32 * 1024);
    // A limit on file sizes needs a process of its own.
    const { status, stderr } = runWithFileSizeLimit(32, 'export', '--db', db, '--format', 'jsonl', '--table', 'observations', '--out', out);
    expect(stderr).toBe(`rolepages export: ${out}: cannot write the export (EFBIG), so the file is as it was; the file would be larger than a file may be there: write elsewhere\n`);
    expect(status).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('previous export\n');
    expect(readdirSync(dir).filter((f) => f.includes('kept.jsonl'))).toEqual(['kept.jsonl']);
  });

  it('export exits 2 for a table that does not exist, listing the ones that do', async () => {
    const { status, stderr } = await runCommand(registerExport, 'export', '--db', db, '--format', 'csv', '--table', 'salaries');
    expect(status).toBe(2);
    expect(stderr).toMatch(/^rolepages export: no table or view named "salaries"; choose one of: changes, columns, comparisons, conflicts, observations, /);
  });
});
