import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractPage } from '../../src/extract/extractPage.js';
import { readPageBytes } from '../../src/read/readPage.js';
import type { PageRecord } from '../../src/schema/pageRecord.js';
import type { Db } from '../../src/store/openDatabase.js';
import type { Capture, CaptureOutcome, RoleStore } from '../../src/store/roleStore.js';
import { FIXTURES } from '../support/seeds.js';

/** A fresh database file in its own temporary directory (WAL needs a real file). */
export function tempDb(): string {
  return join(mkdtempSync(join(tmpdir(), 'rolepages-store-')), 'roles.db');
}

/** The record the extractor makes of a file in fixtures/, by its name. */
export function fixtureRecord(name: string): PageRecord {
  const path = join(FIXTURES, name);
  const page = readPageBytes(readFileSync(path), path);
  return extractPage(page.document, { path, sha256: page.sha256 });
}

/** The record the extractor makes of a seed page (its text capture) in fixtures/, by its number. */
export function seedRecord(number: string): PageRecord {
  return fixtureRecord(readdirSync(FIXTURES).find((f) => f.startsWith(`${number}_`) && f.endsWith('.txt'))!);
}

/**
 * When a test's captures were saved unless it says otherwise: one moment for all, so that only
 * the rules between pages decide.
 */
export const CAPTURED_AT = '2026-01-15T09:00:00.000Z';

/** A page to store: a record alone (saved at its source path, at `CAPTURED_AT`), or with either given. */
export type PageToStore = PageRecord | { record: PageRecord; path?: string; capturedAt?: string };

function captureOf(page: PageToStore): Capture {
  const { record, path, capturedAt } = 'record' in page ? page : { record: page, path: undefined, capturedAt: undefined };
  return { record, path: path ?? record.source.path, capturedAt: capturedAt ?? CAPTURED_AT };
}

/** Stores the pages in one transaction, then reconciles the roles they show, as an ingest does. */
export function storeAll(store: RoleStore, pages: readonly PageToStore[]): CaptureOutcome[] {
  const outcomes = store.storeCaptures(pages.map(captureOf));
  store.reconcilePending();
  return outcomes;
}

/** The id of a capture that was stored. */
export function storedId(outcome: CaptureOutcome | undefined): number {
  if (outcome?.status !== 'stored') throw new Error(`expected the capture to be stored, got ${JSON.stringify(outcome)}`);
  return outcome.pageId;
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
  ['changes', 'role_key, field, old_value, new_value'],
] as const;
