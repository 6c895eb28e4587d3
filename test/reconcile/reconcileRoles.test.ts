import { describe, expect, it } from 'vitest';
import type { PageEvidence, RoleEvidence } from '../../src/reconcile/evidence.js';
import { partnerVotesFromEvidence, reconcileRole } from '../../src/reconcile/reconcileRole.js';
import { reconcileRoles } from '../../src/reconcile/reconcileRoles.js';
import { FIRST_CAPTURE } from './seedRoles.js';

/**
 * Collections Coordinator has 12 years of experience on a tabular page (seed 001). Flattened
 * pages glue its years to the other role's, as seed 000 flattened glues "122": each split
 * decides both roles at once, so the coordinator's 12 settles the other role's guess.
 */
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

const specialist: RoleEvidence = { key: 'account-specialist', pages: [glued(10, COORDINATOR, 1, 22, [[1, 22], [12, 2]])] };
const analyst: RoleEvidence = { key: 'credit-analyst', pages: [glued(11, COORDINATOR, 1, 33, [[1, 33], [12, 3]])] };
const manager: RoleEvidence = { key: 'collections-manager', pages: [glued(12, COORDINATOR, 1, 5, [[1, 5], [12, 6]])] };

/** The roles, with the coordinator on its tabular page 1, the glued pages and `more`. */
function rolesWith(...more: PageEvidence[]) {
  const coordinator: RoleEvidence = {
    key: COORDINATOR,
    pages: [tabular(1, 12), glued(10, 'account-specialist', 0, 1, [[1, 22], [12, 2]]), glued(11, 'credit-analyst', 0, 1, [[1, 33], [12, 3]]), ...more],
  };
  const all = new Map([coordinator, specialist, analyst, manager].map((e) => [e.key, e]));
  return (key: string): RoleEvidence => all.get(key) ?? { key, pages: [] };
}

const years = (role: ReturnType<typeof reconcileRole> | null | undefined) => role?.values.yearsOfExperience;

describe('reconcileRoles', () => {
  it('settles the guesses of several roles with one partner, each as if reconciled alone', () => {
    const evidenceOf = rolesWith(glued(12, 'collections-manager', 0, 1, [[1, 5], [12, 6]]));
    const keys = ['account-specialist', 'credit-analyst', 'collections-manager'];
    const together = new Map([...reconcileRoles(keys, evidenceOf, { withPartners: false })].map((o) => [o.key, o.role]));
    expect(keys.map((key) => years(together.get(key)))).toEqual([2, 3, 6]);
    for (const key of keys) expect(together.get(key)).toEqual(reconcileRole(evidenceOf(key), partnerVotesFromEvidence(evidenceOf)));
  });

  it('leaves out what the partner shows on the page of the guess itself', () => {
    // On page 12 the coordinator's 1 is read, not guessed. Counted, it would tie with page 1's 12
    // and win as the newer capture, settling the manager on 5.
    const evidenceOf = rolesWith(tabular(12, 1, FIRST_CAPTURE + 24 * 60 * 60 * 1000));
    const [outcome] = reconcileRoles(['collections-manager'], evidenceOf, { withPartners: false });
    expect(years(outcome!.role)).toBe(6);
    expect(outcome!.role!.warnings).toEqual([{ pageId: 12, field: 'yearsOfExperience', resolved: true, value: 6 }]);
  });
});
