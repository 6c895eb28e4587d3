import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../src/store/migrations.js';
import { checkRolesDatabase, openForReading } from '../../src/store/openDatabase.js';
import { RoleStore } from '../../src/store/roleStore.js';
import { StoreError } from '../../src/store/storeError.js';
import { tempDir } from '../faults/support.js';

describe('openForReading: a rolepages database, read-only, or one line saying what is wrong', () => {
  it('opens a rolepages database so that nothing can change it', () => {
    const file = join(tempDir('rolepages-open-'), 'roles.db');
    RoleStore.open(file).close();
    const db = openForReading(file);
    expect(db.readonly).toBe(true);
    expect(() => db.exec('DELETE FROM roles')).toThrow(/readonly/);
    db.close();
  });

  it('names another program\'s SQLite file as not a rolepages database', () => {
    const file = join(tempDir('rolepages-open-'), 'invoices.db');
    new Database(file).exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY)').close();
    expect(() => openForReading(file)).toThrow(
      new StoreError(`${file}: not a rolepages database (no table roles, pages, observations, conflicts); check the --db path, or run "rolepages ingest PATH --db ${file}" to make one`),
    );
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
      `other.db: the database has schema version ${SCHEMA_VERSION + 1}, newer than this rolepages knows (${SCHEMA_VERSION}); upgrade rolepages or use another --db`,
    );
    other.close();
    writeFileSync(join(dir, 'notes.txt'), 'not a database\n'.repeat(100));
    const text = new Database(join(dir, 'notes.txt'));
    expect(() => checkRolesDatabase(text, join(dir, 'notes.txt'), { allowNew: true })).toThrow(
      `${join(dir, 'notes.txt')}: not a SQLite database; check the --db path (rolepages ingest makes the database)`,
    );
    text.close();
  });
});
