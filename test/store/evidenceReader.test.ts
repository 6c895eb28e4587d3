import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { observePage } from '../../src/reconcile/observePage.js';
import { EvidenceReader } from '../../src/store/evidenceReader.js';
import { RoleStore } from '../../src/store/roleStore.js';
import { coordinator, page, representative } from '../reconcile/seedRoles.js';
import { seedRecord, tempDb } from './storeFixtures.js';

let store: RoleStore;
beforeEach(() => {
  store = RoleStore.open(tempDb());
});
afterEach(() => store.close());

describe('EvidenceReader', () => {
  it('reads back every value a seed page stored for a role, as the page showed it', () => {
    const record = seedRecord('000');
    store.storePage(record, record.source.path);
    const [left] = observePage(record);
    const evidence = new EvidenceReader(store.db).read(left!.roleKey);
    expect(evidence.pages).toHaveLength(1);
    expect(evidence.pages[0]).toMatchObject({ sha256: record.source.sha256, format: 'text', layout: 'table' });
    expect(evidence.pages[0]!.sides).toEqual([{ values: left!.values, inferred: new Map() }]);
    expect(evidence.pages[0]!.sides[0]!.values.get('averageAge')).toBe(46);
  });

  it('keeps text that JSON must escape exactly: quotes, commas, brackets, backslashes, line breaks', () => {
    const description = 'A "lead" collects, negotiates [and] files {claims}: C:\\queue\nsecond line, \u00e9t\u00e9 \u2014 done';
    const record = page([representative({ description, highestPayingCity: 'New York, NY' }), coordinator()]);
    store.storePage(record, '/pages/escaped.txt');
    const side = new EvidenceReader(store.db).read('collections-representative').pages[0]!.sides[0]!;
    expect(side.values.get('description')).toBe(description);
    expect(side.values.get('highestPayingCity')).toBe('New York, NY');
    expect(side.values.get('salaryRange')).toEqual({ min: 26000, max: 42000 });
  });

  it('reads a value that several pages agree on once, and gives each page side the same one', () => {
    // Account Specialist on seeds 000, 002 and 003: every one says 28,000 to 62,000 and 32.2 % male.
    for (const n of ['000', '002', '003']) {
      const record = seedRecord(n);
      store.storePage(record, record.source.path);
    }
    const pages = new EvidenceReader(store.db).read('account-specialist').pages;
    expect(pages).toHaveLength(3);
    const ranges = pages.map((p) => p.sides[0]!.values.get('salaryRange'));
    expect(ranges[0]).toEqual({ min: 28000, max: 62000 });
    expect(ranges[1]).toBe(ranges[0]);
    expect(ranges[2]).toBe(ranges[0]);
    expect(pages.map((p) => p.sides[0]!.values.get('gender'))).toEqual(Array(3).fill({ male: 32.2, female: 67.8 }));
  });

  it('gives a role no page shows no pages', () => {
    expect(new EvidenceReader(store.db).read('no-such-role')).toEqual({ key: 'no-such-role', pages: [] });
  });
});
