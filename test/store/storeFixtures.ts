import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractPage } from '../../src/extract/extractPage.js';
import { readPageBytes } from '../../src/read/readPage.js';
import type { PageRecord } from '../../src/schema/pageRecord.js';
import type { Db } from '../../src/store/openDatabase.js';
import { FIXTURES } from '../support/seeds.js';

/** A fresh database file in its own temporary directory (WAL needs a real file). */
export function tempDb(): string {
  return join(mkdtempSync(join(tmpdir(), 'rolepages-store-')), 'roles.db');
}

/** The record the extractor makes of a seed page in fixtures/, by its number. */
export function seedRecord(number: string): PageRecord {
  const name = readdirSync(FIXTURES).find((f) => f.startsWith(`${number}_`) && f.endsWith('.txt'))!;
  const path = join(FIXTURES, name);
  const page = readPageBytes(readFileSync(path), path);
  return extractPage(page.document, { path, sha256: page.sha256 });
}

/** Every row of a table, in a stable order, for before/after comparisons. */
export function dump(db: Db, table: string, orderBy: string): unknown[] {
  return db.prepare(`SELECT * FROM ${table} ORDER BY ${orderBy}`).all();
}

/** The tables a reconciliation writes, each with an order for before/after comparisons. */
export const RECONCILED_TABLES = [
  ['roles', 'key'],
  ['role_skills', 'role_key, name'],
  ['role_responsibilities', 'role_key, position'],
  ['role_race', 'role_key, group_name'],
  ['role_aliases', 'role_key, alias, kind'],
  ['conflicts', 'role_key, field, value'],
] as const;
