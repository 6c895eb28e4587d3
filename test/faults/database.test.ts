import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerIngest } from '../../src/cli/commands/ingest.js';
import { runQuery } from '../../src/cli/commands/query.js';
import { ingest } from '../../src/ingest/ingest.js';
import { RoleStore } from '../../src/store/roleStore.js';
import { FIXTURES, SEED_CAPTURES, SEED_PAGE_COUNTS } from '../support/seeds.js';
import { dump } from '../store/storeFixtures.js';
import { commandOutput } from '../support/commandOutput.js';
import { runCommand } from '../support/runCommand.js';
import { expectSound, rolepagesAsync, tempDir } from './support.js';

const TEXT_SEEDS = SEED_CAPTURES.map((f) => join(FIXTURES, f));
// The HTML captures of the seed pages (the fixtures' other HTML pages are of another page).
const HTML_PAGES = readdirSync(FIXTURES).filter((f) => /^00\d_.*\.html$/.test(f)).map((f) => join(FIXTURES, f));

/** Everything stored, for before/after comparisons. */
const snapshot = (store: RoleStore) => [
  dump(store.db, 'roles', 'key'),
  dump(store.db, 'pages', 'id'),
  dump(store.db, 'observations', 'page_id, side, field'),
  dump(store.db, 'conflicts', 'role_key, field, value'),
];

const FULL = 'the database or its disk is full (SQLITE_FULL); the pages stored so far are intact';
const READ_ONLY = 'the database is read-only (SQLITE_READONLY): the file or its folder cannot be written';

async function seededDb(): Promise<string> {
  const file = join(tempDir('rolepages-db-'), 'roles.db');
  await ingest(file, TEXT_SEEDS, { concurrency: 0 });
  return file;
}

describe('a database that is full', () => {
  it('stops the run with one line a file saying so, and leaves the stored pages as they were', async () => {
    const store = RoleStore.open(await seededDb());
    const before = snapshot(store);
    // SQLite's own cap on the file, set to what it holds now: the next page needs room it has not.
    const pages = store.db.pragma('page_count', { simple: true }) as number;
    store.db.pragma(`max_page_count = ${pages}`);

    const summary = await ingest(store, HTML_PAGES, { concurrency: 0 });

    expect(summary.stored).toBe(0);
    expect(summary.stopped).toBe(FULL);
    expect(summary.failed).toEqual(HTML_PAGES.map((path) => ({ path, reason: FULL })));
    expect(snapshot(store)).toEqual(before);
    expectSound(store.db);
    store.close();
  });

  it('takes the pages once there is room again', async () => {
    const store = RoleStore.open(await seededDb());
    store.db.pragma(`max_page_count = ${store.db.pragma('page_count', { simple: true }) as number}`);
    await ingest(store, HTML_PAGES, { concurrency: 0 });
    store.db.pragma('max_page_count = 1073741823');
    const summary = await ingest(store, HTML_PAGES, { concurrency: 0 });
    // The HTML captures are of the seed pages: more captures, as many pages.
    expect(summary).toMatchObject({ stored: HTML_PAGES.length, failed: [], stopped: null, captures: TEXT_SEEDS.length + HTML_PAGES.length, pages: TEXT_SEEDS.length });
    expectSound(store.db);
    store.close();
  });
});

describe('a database that is read-only', () => {
  it('stops the run with one line a file saying so and changes nothing', async () => {
    const file = await seededDb();
    const bytes = readFileSync(file);
    // Tests run as root, whom file permissions do not stop; a read-only connection is what a
    // read-only file or mount gives.
    const store = new RoleStore(new Database(file, { readonly: true }));
    const summary = await ingest(store, HTML_PAGES, { concurrency: 0 });
    expect(summary.stored).toBe(0);
    expect(summary.stopped).toBe(READ_ONLY);
    expect(summary.failed).toEqual(HTML_PAGES.map((path) => ({ path, reason: READ_ONLY })));
    expectSound(store.db);
    store.close();
    expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  // The command as registered, in-process (its CLI run is in test/cli/analystCommands.test.ts).
  it('rolepages ingest exits 2 with one line when the database cannot be opened for writing', async () => {
    const dir = tempDir('rolepages-db-');
    mkdirSync(join(dir, 'roles.db'));
    const run = await runCommand(registerIngest, 'ingest', TEXT_SEEDS[0]!, '--db', join(dir, 'roles.db'));
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^rolepages ingest: ${join(dir, 'roles.db')}: cannot open the database \\([^\\n]+\\); check the --db path\\n$`));
  });
});

describe('two ingest runs on one database at once', () => {

  /** Distinct copies of the seed pages (a trailing line makes each file's content its own). */
  function copies(dir: string, tag: string, count: number): string {
    mkdirSync(dir);
    for (let k = 0; k < count; k++) {
      for (const seed of TEXT_SEEDS) {
        const name = `${seed.slice(seed.lastIndexOf('/') + 1, -4)}-${tag}${k}.txt`;
        writeFileSync(join(dir, name), `${readFileSync(seed, 'utf8')}\ncopy ${tag}${k}\n`);
      }
    }
    return dir;
  }

  it('both finish, every capture is stored once, and the roles are those of one run over all the pages', async () => {
    const dir = tempDir('rolepages-concurrent-');
    const a = copies(join(dir, 'a'), 'a', 10);
    const b = copies(join(dir, 'b'), 'b', 10);
    const db = join(dir, 'roles.db');

    // Quiet: on a busy machine a progress line would reach stderr, which must hold failures only.
    // Small batches, so that the two runs' transactions take turns many times.
    const both = ['--db', db, '--quiet', '--batch-size', '10'];
    const [first, second] = await Promise.all([rolepagesAsync('ingest', a, ...both), rolepagesAsync('ingest', b, ...both)]);

    expect([first.status, first.stderr, second.status, second.stderr]).toEqual([0, '', 0, '']);
    expect(first.stdout).toMatch(/^50 files stored, 0 skipped, 0 failed;/);
    expect(second.stdout).toMatch(/^50 files stored, 0 skipped, 0 failed;/);

    const together = RoleStore.open(db);
    const aloneDb = join(dir, 'alone.db');
    await ingest(aloneDb, [a, b], { concurrency: 0 });
    const alone = RoleStore.open(aloneDb);
    // Twenty captures of each of the five seed pages.
    expect(together.counts()).toEqual({ captures: 100, pages: 5, roles: 6, conflicts: 0 });
    expect(dump(together.db, 'roles', 'key')).toEqual(dump(alone.db, 'roles', 'key'));
    expect(together.db.prepare('SELECT key, page_count FROM roles ORDER BY key').all()).toEqual(SEED_PAGE_COUNTS);
    expectSound(together.db);
    together.close();
    alone.close();
  });
});

// The statement is run as the query's own process runs it (runQuery, in-process): the refusal is
// the read-only connection's and runQuery's. test/cli/analystCommands.test.ts runs query on the CLI.
describe('rolepages query cannot change the database', () => {
  let seeded: string;
  beforeAll(async () => {
    seeded = await seededDb();
  });

  it.each([
    ['DELETE FROM roles', 'query is read-only: DELETE is refused'],
    ['  -- a comment first\n  update roles SET title = 1', 'query is read-only: UPDATE is refused'],
    ['WITH k AS (SELECT 1) DELETE FROM roles', 'query is read-only: DELETE is refused'],
    ["INSERT INTO pages (path) VALUES ('x') RETURNING id", 'query is read-only: INSERT is refused'],
    ['PRAGMA user_version = 99', 'query is read-only: setting a pragma (PRAGMA user_version = 99) is refused'],
    ['PRAGMA journal_mode = WAL', 'query is read-only: setting a pragma (PRAGMA journal_mode = WAL) is refused'],
    // An ingest leaves the database in rollback-journal mode: WAL is the change.
    ['pragma journal_mode(wal)', 'query is read-only: setting a pragma (pragma journal_mode(wal)) is refused'],
    ['SELECT 1; DROP TABLE roles', 'SQL error: The supplied SQL string contains more than one statement'],
    ["ATTACH DATABASE 'other.db' AS other", 'query is read-only: ATTACH is refused'],
  ])('%s: exit 2, one line, nothing changed', async (sql, reason) => {
    const file = join(tempDir('rolepages-db-'), 'roles.db');
    copyFileSync(seeded, file);
    const before = readFileSync(file);
    const run = await commandOutput(() => runQuery(sql, file, 'table'));
    expect(run).toEqual({ status: 2, stdout: '', stderr: `rolepages query: ${reason}\n` });
    expect(readFileSync(file).equals(before)).toBe(true);
    const store = RoleStore.open(file);
    expect(store.counts()).toMatchObject({ captures: 5, pages: 5, roles: 6 });
    store.close();
  });
});
