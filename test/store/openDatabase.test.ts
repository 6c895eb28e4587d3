import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../src/store/migrations.js';
import { checkRolesDatabase, closeWriter, openForWriting, openReadOnly } from '../../src/store/openDatabase.js';
import { RoleStore } from '../../src/store/roleStore.js';
import { StoreError } from '../../src/store/storeError.js';
import { tempDir } from '../faults/support.js';
import { databaseBeforePages } from '../support/oldDatabase.js';

describe('openReadOnly: a rolepages database, read-only, or a StoreError saying what is wrong', () => {
  it('opens a rolepages database so that nothing can change it', () => {
    const file = join(tempDir('rolepages-open-'), 'roles.db');
    RoleStore.open(file).close();
    const db = openReadOnly(file);
    expect(db.readonly).toBe(true);
    expect(() => db.exec('DELETE FROM roles')).toThrow(/readonly/);
    db.close();
  });

  it('names another program\'s SQLite file as not a rolepages database', () => {
    const file = join(tempDir('rolepages-open-'), 'invoices.db');
    new Database(file).exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY)').close();
    expect(() => openReadOnly(file)).toThrow(`${file}: not a rolepages database (no table roles, pages, observations, conflicts)`);
    expect(caught(() => openReadOnly(file))).toMatchObject({ code: 'not-rolepages', file });
  });
});

describe('checkRolesDatabase for a writer (allowNew), as ingest opens its --db', () => {
  const dir = tempDir('rolepages-check-');

  it('passes a new, empty database, and a rolepages one', () => {
    const fresh = new Database(join(dir, 'new.db'));
    expect(() => checkRolesDatabase(fresh, join(dir, 'new.db'), { allowNew: true })).not.toThrow();
    fresh.close();
    RoleStore.open(join(dir, 'roles.db')).close();
    const roles = new Database(join(dir, 'roles.db'));
    expect(() => checkRolesDatabase(roles, join(dir, 'roles.db'), { allowNew: true })).not.toThrow();
    roles.close();
  });

  it('refuses another program\'s tables, a newer schema and a file that is not SQLite', () => {
    const other = new Database(join(dir, 'other.db'));
    other.exec('CREATE TABLE notes (text TEXT)');
    expect(() => checkRolesDatabase(other, join(dir, 'other.db'), { allowNew: true })).toThrow(/other\.db: not a rolepages database \(no table roles, pages, observations, conflicts\)/);
    other.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    expect(() => checkRolesDatabase(other, join(dir, 'other.db'), { allowNew: true })).toThrow(
      `other.db: the database has schema version ${SCHEMA_VERSION + 1}, newer than this rolepages knows (${SCHEMA_VERSION})`,
    );
    other.close();
    writeFileSync(join(dir, 'notes.txt'), 'not a database\n'.repeat(100));
    const text = new Database(join(dir, 'notes.txt'));
    expect(() => checkRolesDatabase(text, join(dir, 'notes.txt'), { allowNew: true })).toThrow(
      `${join(dir, 'notes.txt')}: not a SQLite database`,
    );
    text.close();
  });
});

function caught(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected it to throw');
}

describe('openReadOnly on a database from an older rolepages', () => {
  it('refuses one from before captures were grouped into pages, saying an ingest upgrades it', () => {
    const file = join(tempDir('rolepages-old-'), 'roles.db');
    databaseBeforePages(file);
    const error = caught(() => openReadOnly(file));
    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({ code: 'older-schema', file, schemaVersion: 3 });
    expect((error as StoreError).message).toBe(
      `${file}: the database has schema version 3, from an older rolepages; an ingest into it upgrades it to ${SCHEMA_VERSION}`,
    );
  });

  it('reads it once opened for writing, which upgrades it', () => {
    const file = join(tempDir('rolepages-old-'), 'roles.db');
    databaseBeforePages(file);
    closeWriter(openForWriting(file));
    const db = openReadOnly(file);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare('SELECT page_key FROM pages').all()).toEqual([]);
    db.close();
  });

  it('names a missing file with the code missing, and no command-line flag', () => {
    const file = join(tempDir('rolepages-open-'), 'nowhere.db');
    expect(caught(() => openReadOnly(file))).toMatchObject({ code: 'missing', message: `${file}: no such database` });
  });
});

describe('closeWriter: a database an ingest has closed can be read where nothing can be written', () => {
  const header = (file: string) => readFileSync(file).subarray(18, 20);

  it('leaves it in rollback-journal mode, with no -wal or -shm file beside it', () => {
    const dir = tempDir('rolepages-close-');
    const file = join(dir, 'roles.db');
    const store = RoleStore.open(file);
    // Bytes 18 and 19 of a SQLite file are 2 in WAL mode and 1 in rollback-journal mode.
    expect([...header(file)]).toEqual([2, 2]);
    store.close();
    expect([...header(file)]).toEqual([1, 1]);
    expect(readdirSync(dir)).toEqual(['roles.db']);
  });

  it('keeps WAL while another connection has the database open, without waiting for it', () => {
    const file = join(tempDir('rolepages-close-'), 'roles.db');
    const reader = (RoleStore.open(file).close(), openForWriting(file));
    const writer = openForWriting(file);
    closeWriter(writer);
    expect(reader.pragma('journal_mode', { simple: true })).toBe('wal');
    closeWriter(reader);
  });

  // A read-only bind mount is a read-only place even for root, who passes every permission check.
  const mounted = readOnlyMount();
  it.runIf(mounted !== undefined)('is read on a read-only mount, where a database left in WAL mode cannot be opened', () => {
    const { source, readOnly } = mounted!;
    RoleStore.open(join(source, 'roles.db')).close();
    const db = openReadOnly(join(readOnly, 'roles.db'));
    expect(db.prepare('SELECT COUNT(*) FROM roles').pluck().get()).toBe(0);
    db.close();
    // The same database left in WAL mode, as a killed ingest leaves it:
    const wal = new Database(join(source, 'roles.db'));
    wal.pragma('journal_mode = WAL');
    wal.close();
    expect(caught(() => openReadOnly(join(readOnly, 'roles.db')))).toMatchObject({ code: 'unreadable', reason: 'cannot read the database (unable to open database file)' });
  });
});

/** A folder and a read-only bind mount of it, undone after the tests; undefined where mounting is not allowed. */
function readOnlyMount(): { source: string; readOnly: string } | undefined {
  const source = tempDir('rolepages-rw-');
  const readOnly = tempDir('rolepages-ro-');
  const mount = (...args: string[]) => spawnSync('mount', args, { stdio: 'ignore' }).status === 0;
  if (!mount('--bind', source, readOnly)) return undefined;
  afterAll(() => {
    spawnSync('umount', [readOnly], { stdio: 'ignore' });
  });
  return mount('-o', 'remount,ro,bind', readOnly) ? { source, readOnly } : undefined;
}
