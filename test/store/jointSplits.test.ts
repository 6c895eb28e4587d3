import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Reliability } from '../../src/reconcile/evidence.js';
import { EvidenceReader } from '../../src/store/evidenceReader.js';
import { RoleStore } from '../../src/store/roleStore.js';
import type { PageRecord } from '../../src/schema/pageRecord.js';
import { extractText } from '../support/extractText.js';
import { seed } from '../support/seeds.js';
import { CAPTURED_AT, storeAll, storedId, tempDb } from './storeFixtures.js';
import { partnerVotesFrom } from '../reconcile/partnerVotes.js';

/**
 * Seed 000 as a flattened capture would save it (cells glued, a title line), with the years of
 * experience glued as "122": Collections Coordinator 12 and Account Specialist 2, or 1 and 22.
 * Nothing on the page tells them apart; seed 001 shows Collections Coordinator's 12.
 */
function flattenedSeed000(): string {
  const lines = seed('000')
    .split('\n')
    .map((line) => (line.startsWith('|') ? line.split('|').slice(1, -1).map((c) => c.trim()).join('') : line));
  lines.splice(6, 0, 'Collections coordinator vs account specialist');
  return lines.join('\n').replace('Years of experience1212', 'Years of experience122');
}

const experience = (store: RoleStore) =>
  Object.fromEntries(
    (store.db.prepare('SELECT key, years_of_experience AS years FROM roles ORDER BY key').all() as Array<{ key: string; years: number }>).map((r) => [r.key, r.years]),
  );
const resolved = (store: RoleStore) =>
  store.db.prepare("SELECT role_key, resolved FROM page_warnings WHERE field = 'yearsOfExperience' ORDER BY role_key").all();

const withSha = (record: PageRecord, digit: string): PageRecord => ({ ...record, source: { ...record.source, sha256: digit.repeat(64) } });

let store: RoleStore;
let flat: PageRecord;
let tabular: PageRecord;
beforeEach(() => {
  store = RoleStore.open(tempDb());
  // Distinct contents: the store skips a page whose sha256 it has.
  flat = withSha(extractText(flattenedSeed000(), 'flat-000.txt'), 'a');
  tabular = withSha(extractText(seed('001'), '001.txt'), 'b');
});
afterEach(() => store.close());

describe('a glued row decides both roles: another page settles both', () => {
  it('the flattened page alone keeps its guess, with a warning on each role', () => {
    expect(flat.warnings.map((w) => [w.role, w.field, w.splits])).toEqual([
      ['collections-coordinator', 'yearsOfExperience', [[1, 22], [12, 2]]],
      ['account-specialist', 'yearsOfExperience', [[1, 22], [12, 2]]],
    ]);
    storeAll(store, [flat]);
    expect(experience(store)).toEqual({ 'account-specialist': 22, 'collections-coordinator': 1 });
    expect(resolved(store)).toEqual([
      { role_key: 'account-specialist', resolved: 0 },
      { role_key: 'collections-coordinator', resolved: 0 },
    ]);
  });

  it('seed 001 shows Collections Coordinator\'s 12, which settles Account Specialist\'s 2', () => {
    storeAll(store, [flat]);
    storeAll(store, [tabular]);
    expect(experience(store)).toMatchObject({ 'account-specialist': 2, 'collections-coordinator': 12 });
    expect(resolved(store)).toEqual([
      { role_key: 'account-specialist', resolved: 1 },
      { role_key: 'collections-coordinator', resolved: 1 },
    ]);
  });

  it('gives the same roles whichever page is ingested first', () => {
    storeAll(store, [tabular]);
    storeAll(store, [flat]);
    const tabularFirst = store.db.prepare('SELECT * FROM roles ORDER BY key').all();
    store.close();
    store = RoleStore.open(tempDb());
    storeAll(store, [flat]);
    storeAll(store, [tabular]);
    expect(store.db.prepare('SELECT * FROM roles ORDER BY key').all()).toEqual(tabularFirst);
    expect(experience(store)).toMatchObject({ 'account-specialist': 2 });
  });

  it('is settled when the roles are reconciled: the partner of a pending role is reconciled with it, once', () => {
    // The flattened page first; then seed 001, which lists Collections Coordinator as pending,
    // while Account Specialist, its partner on the flattened page, gets no new page.
    storeAll(store, [flat]);
    store.storeCaptures([{ path: tabular.source.path, record: tabular, capturedAt: CAPTURED_AT }]);
    expect(store.db.prepare('SELECT role_key FROM pending_roles ORDER BY role_key').pluck().all()).toEqual(['collections-accounts-receivable', 'collections-coordinator']);
    const progress: Array<[number, number]> = [];
    expect(store.reconcilePending((done, total) => progress.push([done, total]))).toBe(3);
    expect(progress).toEqual([
      [0, 3],
      [3, 3],
    ]);
    expect(store.pendingCount()).toBe(0);
    expect(experience(store)).toMatchObject({ 'account-specialist': 2, 'collections-coordinator': 12 });
    expect(resolved(store)).toEqual([
      { role_key: 'account-specialist', resolved: 1 },
      { role_key: 'collections-coordinator', resolved: 1 },
    ]);
  });

  it("reads a partner's one field as its whole evidence gives it: seed 001's 12, not the flattened page's guess", () => {
    storeAll(store, [flat]);
    const tabularId = storedId(storeAll(store, [tabular])[0]);
    const reader = new EvidenceReader(store.db);
    const votes = reader.votes('collections-coordinator', 'yearsOfExperience');
    expect(votes).toEqual([{ pageId: tabularId, reliability: Reliability.Structured, capturedAt: Date.parse(CAPTURED_AT), value: 12 }]);
    expect(votes).toEqual(partnerVotesFrom((key) => reader.read(key))('collections-coordinator', 'yearsOfExperience'));
    // Unguessed fields come from both pages, in page order.
    expect(reader.votes('collections-coordinator', 'averageAge').map((v) => v.value)).toEqual([46, 46]);
  });
});
