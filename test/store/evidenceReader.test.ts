import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { observePage } from '../../src/reconcile/observePage.js';
import { EvidenceReader } from '../../src/store/evidenceReader.js';
import { RoleStore } from '../../src/store/roleStore.js';
import { Reliability } from '../../src/reconcile/evidence.js';
import { accountSpecialist, coordinator, page, representative } from '../reconcile/seedRoles.js';
import { CAPTURED_AT, seedRecord, storeAll, storedId, tempDb } from './storeFixtures.js';

let store: RoleStore;
beforeEach(() => {
  store = RoleStore.open(tempDb());
});
afterEach(() => store.close());

describe('EvidenceReader', () => {
  it('reads back every value a seed page stored for a role, as the page showed it', () => {
    const record = seedRecord('000');
    storeAll(store, [record]);
    const [left] = observePage(record);
    const evidence = new EvidenceReader(store.db).read(left!.roleKey);
    expect(evidence.pages).toHaveLength(1);
    expect(evidence.pages[0]).toMatchObject({ sha256: record.source.sha256, format: 'text', layout: 'table', capturedAt: Date.parse(CAPTURED_AT) });
    expect(evidence.pages[0]!.sides).toEqual([{ values: left!.values, inferred: new Map() }]);
    expect(evidence.pages[0]!.sides[0]!.values.get('averageAge')).toBe(46);
  });

  it('keeps text that JSON must escape exactly: quotes, commas, brackets, backslashes, line breaks', () => {
    const description = 'A "lead" collects, negotiates [and] files {claims}: C:\\queue\nsecond line, \u00e9t\u00e9 \u2014 done';
    const record = page([representative({ description, highestPayingCity: 'New York, NY' }), coordinator()]);
    storeAll(store, [{ record, path: '/pages/escaped.txt' }]);
    const side = new EvidenceReader(store.db).read('collections-representative').pages[0]!.sides[0]!;
    expect(side.values.get('description')).toBe(description);
    expect(side.values.get('highestPayingCity')).toBe('New York, NY');
    expect(side.values.get('salaryRange')).toEqual({ min: 26000, max: 42000 });
  });

  it('gives each page side a value several pages agree on as that page showed it', () => {
    // Account Specialist on seeds 000, 002 and 003: every one says 28,000 to 62,000 and 32.2 % male.
    storeAll(store, ['000', '002', '003'].map(seedRecord));
    const pages = new EvidenceReader(store.db).read('account-specialist').pages;
    expect(pages).toHaveLength(3);
    const ranges = pages.map((p) => p.sides[0]!.values.get('salaryRange'));
    expect(ranges[0]).toEqual({ min: 28000, max: 62000 });
    expect(ranges[1]).toEqual(ranges[0]);
    expect(ranges[2]).toEqual(ranges[0]);
    expect(pages.map((p) => p.sides[0]!.values.get('gender'))).toEqual(Array(3).fill({ male: 32.2, female: 67.8 }));
  });

  it('reads a page saved several times as its newest capture alone, whatever order they were stored in', () => {
    const january = page([coordinator(), accountSpecialist()]);
    const july = page([coordinator({ yearlySalary: 39500 }), accountSpecialist()]);
    for (const order of [[january, july], [july, january]]) {
      const s = RoleStore.open(tempDb());
      const ids = new Map(
        order.map((record) => {
          const capturedAt = record === july ? '2026-07-01T09:00:00.000Z' : '2026-01-15T09:00:00.000Z';
          return [record, storedId(s.storeCaptures([{ record, path: record.source.path, capturedAt }])[0])];
        }),
      );
      const reader = new EvidenceReader(s.db);
      const pages = reader.read('collections-coordinator').pages;
      expect(pages.map((p) => [p.id, p.capturedAt])).toEqual([[ids.get(july), Date.parse('2026-07-01T09:00:00.000Z')]]);
      expect(pages[0]!.sides[0]!.values.get('yearlySalary')).toBe(39500);
      expect(reader.votes('collections-coordinator', 'yearlySalary')).toEqual([
        { pageId: ids.get(july), reliability: Reliability.Structured, capturedAt: Date.parse('2026-07-01T09:00:00.000Z'), value: 39500 },
      ]);
      s.close();
    }
  });

  it('between captures of a page saved at one moment, hears the more reliable shape, then the smaller hash', () => {
    // Seed 004 saved as flattened text and as HTML on the same visit.
    const flat = page([representative(), coordinator({ averageAge: 4 })], { layout: 'flat' });
    const html = page([representative(), coordinator()], { format: 'html' });
    const [flatId, htmlId] = store.storeCaptures([flat, html].map((record) => ({ record, path: record.source.path, capturedAt: CAPTURED_AT }))).map(storedId);
    expect(new EvidenceReader(store.db).read('collections-coordinator').pages.map((p) => p.id)).toEqual([htmlId]);
    expect(flatId).toBeLessThan(htmlId!);
    // Two tabular captures of one moment: the smaller sha256 speaks, whichever was stored first.
    const other = RoleStore.open(tempDb());
    const small = { ...page([coordinator({ hourlyRate: 18.5 }), accountSpecialist()]) };
    small.source = { ...small.source, sha256: '1'.repeat(64) };
    const large = { ...page([coordinator(), accountSpecialist()]) };
    large.source = { ...large.source, sha256: '9'.repeat(64) };
    other.storeCaptures([large, small].map((record) => ({ record, path: record.source.path, capturedAt: CAPTURED_AT })));
    expect(new EvidenceReader(other.db).read('collections-coordinator').pages.map((p) => p.sha256)).toEqual(['1'.repeat(64)]);
    other.close();
  });

  it("lets a flattened capture's guess give way to the value the same visit's HTML shows, and resolves its warning", () => {
    // Seed 004 saved as HTML and as flattened text on one visit; the text glued "4646" and guessed 464.
    const guessed = page([representative(), coordinator({ averageAge: 464 })], {
      layout: 'flat',
      warnings: [{ role: 'collections-coordinator', field: 'averageAge', message: 'glued "4646" split by guess', candidates: [464, 46, 4] }],
    });
    const html = page([representative(), coordinator()], { format: 'html' });
    const [flatId, htmlId] = storeAll(store, [guessed, html]).map(storedId);
    const evidence = new EvidenceReader(store.db).read('collections-coordinator');
    expect(evidence.pages.map((p) => p.id)).toEqual([htmlId]);
    expect(evidence.pages[0]!.sides[0]!.values.get('averageAge')).toBe(46);
    expect(evidence.settledByPage).toEqual([{ pageId: flatId, field: 'averageAge', value: 46 }]);
    expect(store.db.prepare('SELECT page_id, resolved FROM page_warnings').all()).toEqual([{ page_id: flatId, resolved: 1 }]);
    expect(store.db.prepare("SELECT average_age, page_count FROM roles WHERE key = 'collections-coordinator'").get()).toEqual({ average_age: 46, page_count: 1 });
    expect(store.counts().conflicts).toBe(0);
  });

  it('keeps a newer crawl\'s value when its warning has no candidate an older capture read', () => {
    // July's table says 39,500 where its prose still says 37,938: warned, but not a guess among
    // splits, so January's 37,938 does not settle it.
    const january = page([coordinator(), accountSpecialist()]);
    const july = page([coordinator({ yearlySalary: 39500 }), accountSpecialist()], {
      warnings: [{ role: 'collections-coordinator', field: 'yearlySalary', message: 'Average salary shows 37938 but Yearly salary shows 39500; kept the latter' }],
    });
    store.storeCaptures([
      { record: january, path: 'january.txt', capturedAt: '2026-01-15T09:00:00.000Z' },
      { record: july, path: 'july.txt', capturedAt: '2026-07-01T09:00:00.000Z' },
    ]);
    store.reconcilePending();
    const evidence = new EvidenceReader(store.db).read('collections-coordinator');
    expect(evidence.pages[0]!.sides[0]!.values.get('yearlySalary')).toBe(39500);
    expect(evidence.settledByPage).toBeUndefined();
    expect(store.db.prepare("SELECT yearly_salary FROM roles WHERE key = 'collections-coordinator'").pluck().get()).toBe(39500);
  });

  it('keeps a newer crawl\'s guess when the older capture read none of its candidates', () => {
    // The site raised the age to 47: July's flattened text glued "4747" and kept 47 and 474.
    const january = page([representative(), coordinator()], { format: 'html' });
    const july = page([representative(), coordinator({ averageAge: 47 })], {
      layout: 'flat',
      warnings: [{ role: 'collections-coordinator', field: 'averageAge', message: 'glued "4747" split by guess', candidates: [47, 474] }],
    });
    store.storeCaptures([
      { record: january, path: 'january.html', capturedAt: '2026-01-15T09:00:00.000Z' },
      { record: july, path: 'july.txt', capturedAt: '2026-07-01T09:00:00.000Z' },
    ]);
    const evidence = new EvidenceReader(store.db).read('collections-coordinator');
    expect(evidence.pages[0]!.sides[0]!.values.get('averageAge')).toBe(47);
    expect(evidence.pages[0]!.sides[0]!.inferred.get('averageAge')).toEqual([47, 474]);
    expect(evidence.settledByPage).toBeUndefined();
  });

  it("resolves an older capture's guess on a field its page's newest capture does not show", () => {
    // January's flattened text glued "4646" and guessed 464; July's capture of the page was cut
    // off before the age. Another page shows 46, which settles January's guess.
    const january = page([representative(), coordinator({ averageAge: 464 })], {
      layout: 'flat',
      warnings: [{ role: 'collections-coordinator', field: 'averageAge', message: 'glued "4646" split by guess', candidates: [464, 46, 4] }],
    });
    const july = page([representative(), coordinator({ averageAge: null })], { format: 'html' });
    const [januaryId, julyId] = store
      .storeCaptures([
        { record: january, path: 'january.txt', capturedAt: '2026-01-15T09:00:00.000Z' },
        { record: july, path: 'july.html', capturedAt: '2026-07-01T09:00:00.000Z' },
        { record: page([coordinator(), accountSpecialist()]), path: 'other.txt', capturedAt: CAPTURED_AT },
      ])
      .map(storedId);
    store.reconcilePending();
    const evidence = new EvidenceReader(store.db).read('collections-coordinator');
    expect(evidence.pages[0]!.id).toBe(julyId);
    expect(evidence.pages[0]!.sides[0]!.guessedIn).toEqual(new Map([['averageAge', januaryId]]));
    expect(store.db.prepare('SELECT page_id, resolved FROM page_warnings').all()).toEqual([{ page_id: januaryId, resolved: 1 }]);
    expect(store.db.prepare("SELECT average_age FROM roles WHERE key = 'collections-coordinator'").pluck().get()).toBe(46);
  });

  it('gives a role no page shows no pages', () => {
    expect(new EvidenceReader(store.db).read('no-such-role')).toEqual({ key: 'no-such-role', pages: [] });
  });
});
