import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { RoleReader } from '../../src/store/readRoles.js';
import { RoleStore } from '../../src/store/roleStore.js';
import { seedRecord, storeAll, tempDb } from './storeFixtures.js';

let store: RoleStore;
beforeEach(() => {
  store = RoleStore.open(tempDb());
  storeAll(store, ['000', '001', '002', '003'].map(seedRecord));
});
afterEach(() => store.close());

describe('a roles row read back', () => {
  test('gives each field as the page record gives it, objects and lists whole', () => {
    const role = new RoleReader(store.db).values('collections-coordinator')!;
    expect(role).toMatchObject({ key: 'collections-coordinator', title: 'Collections Coordinator', pageCount: 2 });
    expect(role.values).toMatchObject({
      yearlySalary: 37938,
      hourlyRate: 18.24,
      jobSatisfaction: null,
      degree: { name: "Bachelor's Degree", pct: 48 },
      yearsOfExperience: 12,
      salaryRange: { min: 30000, max: 47000 },
      gender: { male: 26.6, female: 73.4 },
      college: null,
      topSkills: ['customer service', 'patients', 'phone calls'],
      timeToBecome: '6-12 months',
    });
  });

  test('lists the best-paid roles first, and counts what the database holds as ingest does', () => {
    const reader = new RoleReader(store.db);
    expect(reader.highest('yearlySalary', 2).map((r) => [r.key, r.values.yearlySalary])).toEqual([
      ['senior-collection-specialist', 45150],
      ['account-specialist', 42586],
    ]);
    expect(reader.totals()).toEqual({ roles: 5, pages: 4, captures: 4, conflictingFields: 0 });
    expect(reader.countWith('salaryRange')).toBe(5);
  });
});
