import { describe, expect, it, vi } from 'vitest';
import type { PageEvidence, RoleEvidence } from '../../src/reconcile/evidence.js';
import { cutOffStarts, reconcileRole } from '../../src/reconcile/reconcileRole.js';
import { partnerVotesFrom } from './partnerVotes.js';
import { accountSpecialist, COORDINATOR_DESCRIPTION, coordinator, evidence, FIRST_CAPTURE, page, representative } from './seedRoles.js';

const KEY = 'collections-coordinator';

describe('reconcileRole: pages that agree', () => {
  it('gives the value all pages show and no conflicts (Collections Coordinator on three seeds)', () => {
    const pages = [
      page([coordinator(), accountSpecialist()]),
      page([accountSpecialist({ key: 'collections-accounts-receivable', title: 'Collections/Accounts Receivable' }), coordinator()]),
      page([representative(), coordinator()], { layout: 'flat' }),
    ];
    const role = reconcileRole(evidence(KEY, pages));
    expect(role.pageCount).toBe(3);
    expect(role.values.averageAge).toBe(46);
    expect(role.values.yearlySalary).toBe(37938);
    expect(role.values.salaryRange).toEqual({ min: 30000, max: 47000 });
    expect(role.conflicts).toEqual([]);
  });
});

describe('reconcileRole: the survivorship rule', () => {
  it('keeps the majority value and lists every distinct value as a conflict', () => {
    const pages = [
      page([coordinator(), accountSpecialist()]),
      page([coordinator(), representative()]),
      page([coordinator({ yearlySalary: 39120 }), representative()]),
    ];
    const role = reconcileRole(evidence(KEY, pages));
    expect(role.values.yearlySalary).toBe(37938);
    expect(role.conflicts).toEqual([
      { field: 'yearlySalary', value: '37938', pageCount: 2, pageIds: [1, 2], chosen: true },
      { field: 'yearlySalary', value: '39120', pageCount: 1, pageIds: [3], chosen: false },
    ]);
  });

  it('breaks a tie in favour of the tabular capture over the flattened one', () => {
    const flatFirst = [page([coordinator({ yearlySalary: 39120 }), representative()], { layout: 'flat' }), page([coordinator(), accountSpecialist()])];
    expect(reconcileRole(evidence(KEY, flatFirst, [2, 1])).values.yearlySalary).toBe(37938);
    expect(reconcileRole(evidence(KEY, flatFirst, [1, 2])).values.yearlySalary).toBe(37938);
  });

  it('breaks a tie between equally reliable pages in favour of the newest capture, whatever order they were ingested in', () => {
    // Two pages (each listed in the order it was captured), one saying 18.50 an hour.
    const pages = [page([coordinator({ hourlyRate: 18.5 }), accountSpecialist()]), page([representative(), coordinator()])];
    expect(reconcileRole(evidence(KEY, pages, [1, 2])).values.hourlyRate).toBe(18.24);
    expect(reconcileRole(evidence(KEY, pages, [2, 1])).values.hourlyRate).toBe(18.24);
    const reversed = [...pages].reverse();
    expect(reconcileRole(evidence(KEY, reversed, [1, 2])).values.hourlyRate).toBe(18.5);
    expect(reconcileRole(evidence(KEY, reversed, [2, 1])).values.hourlyRate).toBe(18.5);
  });

  it('counts an inferred flattened value least', () => {
    const guessed = page([representative(), coordinator({ averageAge: 4 })], {
      layout: 'flat',
      warnings: [{ role: KEY, field: 'averageAge', message: 'glued cell "4646" split by guess' }],
    });
    const flat = page([representative(), coordinator()], { layout: 'flat' });
    const role = reconcileRole(evidence(KEY, [flat, guessed], [1, 2]));
    expect(role.values.averageAge).toBe(46);
    expect(role.conflicts.map((c) => [c.value, c.chosen])).toEqual([
      ['46', true],
      ['4', false],
    ]);
  });

  it('does not let a value a page does not show (null) conflict with one it does', () => {
    const pages = [page([coordinator({ yearlySalary: null, college: null }), accountSpecialist()]), page([coordinator({ college: 'Ohio State University' }), accountSpecialist()])];
    const role = reconcileRole(evidence(KEY, pages));
    expect(role.values.yearlySalary).toBe(37938);
    expect(role.values.college).toBe('Ohio State University');
    expect(role.values.jobSatisfaction).toBeNull();
    expect(role.conflicts).toEqual([]);
  });
});

describe('reconcileRole: differences that are not disagreements', () => {
  it('keeps the longer description when another capture was cut off mid-text', () => {
    const cut = `${COORDINATOR_DESCRIPTION.slice(0, 180)}…`;
    const pages = [page([coordinator({ description: cut }), accountSpecialist()]), page([coordinator(), accountSpecialist()])];
    for (const ids of [[1, 2], [2, 1]]) {
      const role = reconcileRole(evidence(KEY, pages, ids));
      expect(role.values.description).toBe(COORDINATOR_DESCRIPTION);
      expect(role.conflicts).toEqual([]);
    }
  });

  it('still records two different full descriptions as a conflict', () => {
    const other = 'A collections coordinator oversees the collection of overdue accounts.';
    const role = reconcileRole(evidence(KEY, [page([coordinator(), accountSpecialist()]), page([coordinator({ description: other }), accountSpecialist()])]));
    expect(role.conflicts.filter((c) => c.field === 'description')).toHaveLength(2);
  });

  it('shows the most common header spelling and keeps case variants and the prose plural as aliases', () => {
    const pages = [
      page([coordinator(), accountSpecialist()]),
      page([coordinator({ title: 'Collections coordinator' }), representative()]),
      page([representative(), coordinator()]),
    ];
    const role = reconcileRole(evidence(KEY, pages));
    expect(role.title).toBe('Collections Coordinator');
    expect(role.aliases).toEqual([
      { alias: 'Collections coordinator', kind: 'spelling' },
      { alias: 'collections coordinator', kind: 'spelling' },
      { alias: 'collections coordinators', kind: 'plural' },
    ]);
    expect(role.conflicts).toEqual([]);
  });
});

describe('reconcileRole: settling inferred values across pages', () => {
  // The flattened seed glues "Average age4646": the split 464|6 also parses, so a page that
  // guessed wrong keeps the alternatives in its warning.
  const guessed = () =>
    page([representative(), coordinator({ averageAge: 464 })], {
      layout: 'flat',
      warnings: [{ role: KEY, field: 'averageAge', message: 'glued cell "4646" could split several ways', candidates: [464, 46, 4] }],
    });

  it('takes the candidate another page confirms and resolves the warning', () => {
    const pages = [guessed(), page([coordinator(), accountSpecialist()])];
    const role = reconcileRole(evidence(KEY, pages));
    expect(role.values.averageAge).toBe(46);
    expect(role.conflicts).toEqual([]);
    expect(role.warnings).toEqual([{ pageId: 1, field: 'averageAge', resolved: true, value: 46 }]);
  });

  it('gives the same role whichever page was ingested first', () => {
    const pages = [guessed(), page([coordinator(), accountSpecialist()])];
    const first = reconcileRole(evidence(KEY, pages, [1, 2]));
    const second = reconcileRole(evidence(KEY, pages, [2, 1]));
    expect(second.values).toEqual(first.values);
    expect(second.conflicts).toEqual(first.conflicts);
    expect(second.warnings[0]?.resolved).toBe(true);
  });

  it('leaves the warning open when no other page shows the role', () => {
    const role = reconcileRole(evidence(KEY, [guessed()]));
    expect(role.values.averageAge).toBe(464);
    expect(role.warnings).toEqual([{ pageId: 1, field: 'averageAge', resolved: false, value: 464 }]);
  });

  it('leaves it open, and the disagreement visible, when no candidate agrees', () => {
    const role = reconcileRole(evidence(KEY, [guessed(), page([coordinator({ averageAge: 45 }), accountSpecialist()])]));
    expect(role.values.averageAge).toBe(45);
    expect(role.warnings[0]?.resolved).toBe(false);
    expect(role.conflicts.map((c) => c.value)).toEqual(['45', '464']);
  });
});

describe('reconcileRole: lists', () => {
  it('merges skills by name, counting the pages that list each and showing the usual spelling', () => {
    const pages = [
      page([coordinator(), accountSpecialist()]),
      page([representative(), coordinator()]),
      page([coordinator({ skills: [{ name: 'customer service', pct: 15 }, { name: 'Appeals', pct: 4 }] }), accountSpecialist()]),
    ];
    const role = reconcileRole(evidence(KEY, pages));
    expect(role.skills).toEqual([
      { name: 'Customer Service', pct: 15, pageCount: 3 },
      { name: 'Patients', pct: 12, pageCount: 2 },
      { name: 'Phone Calls', pct: 6, pageCount: 2 },
      { name: 'Appeals', pct: 4, pageCount: 1 },
    ]);
    expect(role.conflicts).toEqual([]);
  });

  it("treats a skill's percent as a field with conflicts", () => {
    const pages = [page([coordinator(), accountSpecialist()]), page([coordinator({ skills: [{ name: 'Customer Service', pct: 13 }] }), accountSpecialist()])];
    const role = reconcileRole(evidence(KEY, pages, [1, 2]));
    expect(role.conflicts).toEqual([
      { field: 'skills[Customer Service]', value: '13', pageCount: 1, pageIds: [2], chosen: true },
      { field: 'skills[Customer Service]', value: '15', pageCount: 1, pageIds: [1], chosen: false },
    ]);
  });

  it('merges responsibilities by normalized text and drops one a capture cut off', () => {
    const [audit, appeals] = coordinator().responsibilities;
    const pages = [
      page([coordinator(), accountSpecialist()]),
      page([coordinator({ responsibilities: ['submit insurance appeals and provider disputes when necessary', audit!.slice(0, 40)] }), accountSpecialist()]),
    ];
    expect(reconcileRole(evidence(KEY, pages)).responsibilities).toEqual([audit, appeals]);
  });

  it('keeps a responsibility that another starts with when a list shows more after it: only a list’s last item can be cut off', () => {
    const [audit, appeals] = coordinator().responsibilities;
    const answer = 'Answer phone calls';
    const answerMore = 'Answer phone calls and emails from patients about their balances';
    const pages = [
      page([coordinator({ responsibilities: [audit!, answer, appeals!] }), accountSpecialist()]),
      page([coordinator({ responsibilities: [answerMore, audit!] }), accountSpecialist()]),
    ];
    expect(reconcileRole(evidence(KEY, pages)).responsibilities).toEqual([audit, answer, appeals, answerMore]);
    // Shown only as the last item a capture read, the shorter one is the longer one cut off.
    const cut = [page([coordinator({ responsibilities: [audit!, answer] }), accountSpecialist()]), page([coordinator({ responsibilities: [answerMore, audit!] }), accountSpecialist()])];
    expect(reconcileRole(evidence(KEY, cut)).responsibilities).toEqual([audit, answerMore]);
  });

  it('merges 32,000 responsibilities with one sorted pass, not a comparison of every pair', () => {
    const [audit, appeals] = coordinator().responsibilities;
    // A long list as a page of the site would show it: numbered sentences built on the seed's own.
    const many = Array.from({ length: 32_000 }, (_, i) => `${i % 2 ? audit : appeals} (item ${i + 1})`);
    // A capture cut off in its 501st item.
    const cutOff = [...many.slice(0, 500), many[500]!.slice(0, 60)];
    const pages = [page([coordinator({ responsibilities: many }), accountSpecialist()]), page([coordinator({ responsibilities: cutOff }), accountSpecialist()])];
    const startsWith = vi.spyOn(String.prototype, 'startsWith');
    let merged: string[];
    try {
      merged = reconcileRole(evidence(KEY, pages)).responsibilities;
      // Each id is compared with the next one in sorted order only: about one call an id, where
      // every pair would be a billion.
      expect(startsWith.mock.calls.length).toBeLessThan(2 * many.length);
    } finally {
      startsWith.mockRestore();
    }
    expect(merged).toHaveLength(32_000);
    expect(merged.slice(0, 2)).toEqual([`${appeals} (item 1)`, `${audit} (item 2)`]);
    expect(merged.at(-1)).toBe(`${audit} (item 32000)`);
  });

  it('drops an entry that is the start of another and keeps entries that only share a start', () => {
    expect([...cutOffStarts(['audit outstanding accounts', 'audit', 'audit outstanding', 'submit', 'submit appeals', 'resolve'])].sort()).toEqual([
      'audit',
      'audit outstanding',
      'submit',
    ]);
    expect([...cutOffStarts(['process payments', 'process claims', 'post payments'])]).toEqual([]);
  });

  it('merges race shares by group, a different share being a conflict on that group', () => {
    const race = coordinator().race.map((r) => (r.group === 'White' ? { ...r, pct: 58.5 } : r));
    const role = reconcileRole(evidence(KEY, [page([coordinator(), accountSpecialist()]), page([coordinator({ race }), accountSpecialist()]), page([representative(), coordinator()])]));
    expect(role.race).toContainEqual({ group: 'White', pct: 59 });
    expect(role.race).toHaveLength(6);
    expect(role.conflicts.map((c) => `${c.field}=${c.value}`)).toEqual(['race[White]=59', 'race[White]=58.5']);
  });
});

/**
 * Collections Coordinator has 12 years of experience on a tabular page (seed 001). Flattened
 * pages glue its years to the other role's, as seed 000 flattened glues "122": each split
 * decides both roles at once, so the coordinator's 12 settles the other role's guess.
 */
describe('reconcileRole: a glued row settled by the partner role', () => {
  const COORDINATOR = 'collections-coordinator';
  const tabular = (id: number, years: number, capturedAt = FIRST_CAPTURE): PageEvidence => ({
    id,
    sha256: String(id).repeat(64).slice(0, 64),
    capturedAt,
    format: 'text',
    layout: 'table',
    sides: [{ values: new Map([['yearsOfExperience', years]]), inferred: new Map() }],
  });
  /** A flattened page's side of a role whose years were glued with the coordinator's (on the left). */
  const glued = (id: number, partner: string, column: 0 | 1, guess: number, splits: Array<[number, number]>): PageEvidence => ({
    id,
    sha256: String(id).repeat(64).slice(0, 64),
    capturedAt: FIRST_CAPTURE,
    format: 'text',
    layout: 'flat',
    sides: [
      {
        values: new Map([['yearsOfExperience', guess]]),
        inferred: new Map([['yearsOfExperience', splits.map((pair) => pair[column])]]),
        joint: { side: column, partner, splits: new Map([['yearsOfExperience', splits]]) },
      },
    ],
  });
  /** The coordinator on its tabular page 1 and the glued pages, the three other roles, and `more` of the coordinator's pages. */
  const rolesWith = (...more: PageEvidence[]) => {
    const all = new Map<string, RoleEvidence>(
      [
        { key: COORDINATOR, pages: [tabular(1, 12), glued(10, 'account-specialist', 0, 1, [[1, 22], [12, 2]]), glued(11, 'credit-analyst', 0, 1, [[1, 33], [12, 3]]), ...more] },
        { key: 'account-specialist', pages: [glued(10, COORDINATOR, 1, 22, [[1, 22], [12, 2]])] },
        { key: 'credit-analyst', pages: [glued(11, COORDINATOR, 1, 33, [[1, 33], [12, 3]])] },
        { key: 'collections-manager', pages: [glued(12, COORDINATOR, 1, 5, [[1, 5], [12, 6]])] },
      ].map((e) => [e.key, e]),
    );
    return (key: string): RoleEvidence => all.get(key) ?? { key, pages: [] };
  };

  it("settles each role's guess by the split that agrees with the partner's 12", () => {
    const evidenceOf = rolesWith(glued(12, 'collections-manager', 0, 1, [[1, 5], [12, 6]]));
    const votes = partnerVotesFrom(evidenceOf);
    const years = ['account-specialist', 'credit-analyst', 'collections-manager'].map((key) => reconcileRole(evidenceOf(key), votes).values.yearsOfExperience);
    expect(years).toEqual([2, 3, 6]);
    expect(reconcileRole(evidenceOf('account-specialist'), votes).warnings).toEqual([{ pageId: 10, field: 'yearsOfExperience', resolved: true, value: 2 }]);
  });

  it('keeps the guess without a partner to ask', () => {
    const role = reconcileRole(rolesWith()('account-specialist'));
    expect(role.values.yearsOfExperience).toBe(22);
    expect(role.warnings).toEqual([{ pageId: 10, field: 'yearsOfExperience', resolved: false, value: 22 }]);
  });

  it('leaves out what the partner shows on the page of the guess itself', () => {
    // On page 12 the coordinator's 1 is read, not guessed. Counted, it would tie with page 1's 12
    // and win as the newer capture, settling the manager on 5.
    const evidenceOf = rolesWith(tabular(12, 1, FIRST_CAPTURE + 24 * 60 * 60 * 1000));
    const role = reconcileRole(evidenceOf('collections-manager'), partnerVotesFrom(evidenceOf));
    expect(role.values.yearsOfExperience).toBe(6);
    expect(role.warnings).toEqual([{ pageId: 12, field: 'yearsOfExperience', resolved: true, value: 6 }]);
  });
});
