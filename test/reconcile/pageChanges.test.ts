import { describe, expect, it } from 'vitest';
import { Reliability } from '../../src/reconcile/evidence.js';
import { roleChanges, type CaptureSide, type Guess } from '../../src/reconcile/pageChanges.js';
import { COORDINATOR_DESCRIPTION } from './seedRoles.js';

const PAGE = 'collections-coordinator-vs-account-specialist';
let hash = 0;

/** A capture of seed 000's Collections Coordinator side, showing only the given values. */
function side(capturedAt: string, values: Record<string, unknown>, options: Partial<CaptureSide> = {}): CaptureSide {
  hash++;
  return { pageKey: PAGE, capturedAt, reliability: Reliability.Structured, sha256: hash.toString(16).padStart(64, '0'), values, guesses: new Map(), ...options };
}

describe('roleChanges', () => {
  it('gives a change between consecutive captures of a page, in capture-time order whatever the input order', () => {
    const captures = [
      side('2026-07-01T09:00:00.000Z', { numberOfJobs: 41870, yearlySalary: 37938 }),
      side('2026-01-15T09:00:00.000Z', { numberOfJobs: 40113, yearlySalary: 37938 }),
      side('2026-04-01T09:00:00.000Z', { numberOfJobs: 40113, yearlySalary: 37938 }),
    ];
    const expected = [{ field: 'numberOfJobs', oldValue: 40113, newValue: 41870, oldSeen: '2026-04-01T09:00:00.000Z', newSeen: '2026-07-01T09:00:00.000Z', pageCount: 1 }];
    expect(roleChanges(captures)).toEqual(expected);
    expect(roleChanges([...captures].reverse())).toEqual(expected);
  });

  it('gives a value that changes and changes back as two changes', () => {
    const captures = [
      side('2026-01-15T09:00:00.000Z', { growthRate: -8 }),
      side('2026-04-01T09:00:00.000Z', { growthRate: -5 }),
      side('2026-07-01T09:00:00.000Z', { growthRate: -8 }),
    ];
    expect(roleChanges(captures).map((c) => [c.oldValue, c.newValue, c.oldSeen.slice(0, 10), c.newSeen.slice(0, 10)])).toEqual([
      [-8, -5, '2026-01-15', '2026-04-01'],
      [-5, -8, '2026-04-01', '2026-07-01'],
    ]);
  });

  it('takes captures saved at one moment as one sighting, the more reliable shape\'s: the HTML and the flattened text of a visit make no change', () => {
    const captures = [
      side('2026-01-15T09:00:00.000Z', { averageAge: 46 }, { reliability: Reliability.Structured }),
      side('2026-01-15T09:00:00.000Z', { averageAge: 4 }, { reliability: Reliability.Flattened }),
      side('2026-07-01T09:00:00.000Z', { averageAge: 46 }),
    ];
    expect(roleChanges(captures)).toEqual([]);
  });

  it('compares the same value written in another key order or spacing as one', () => {
    const captures = [
      side('2026-01-15T09:00:00.000Z', { salaryRange: { min: 30000, max: 47000 }, highestPayingCity: 'New York, NY' }),
      side('2026-07-01T09:00:00.000Z', { salaryRange: { max: 47000, min: 30000 }, highestPayingCity: 'New York,  NY ' }),
    ];
    expect(roleChanges(captures)).toEqual([]);
  });

  it('takes a description that is the start of the other for the same one cut short, and a new one for a change', () => {
    const cut = `${COORDINATOR_DESCRIPTION.slice(0, 120)}…`;
    const rewritten = 'A collections coordinator develops the strategies of the payment collection operations.';
    const captures = [
      side('2026-01-15T09:00:00.000Z', { description: COORDINATOR_DESCRIPTION }),
      side('2026-04-01T09:00:00.000Z', { description: cut }),
      side('2026-07-01T09:00:00.000Z', { description: rewritten }),
    ];
    expect(roleChanges(captures)).toEqual([
      { field: 'description', oldValue: COORDINATOR_DESCRIPTION, newValue: rewritten, oldSeen: '2026-04-01T09:00:00.000Z', newSeen: '2026-07-01T09:00:00.000Z', pageCount: 1 },
    ]);
  });

  it('passes over an unsettled guess, and reads a settled one as its settled value', () => {
    const january = side('2026-01-15T09:00:00.000Z', { averageAge: 46 });
    const guessed = (guess: Guess) =>
      side('2026-07-01T09:00:00.000Z', { averageAge: 474 }, { reliability: Reliability.Flattened, guesses: new Map([['averageAge', guess]]) });
    expect(roleChanges([january, guessed({ candidates: [474, 47] })])).toEqual([]);
    expect(roleChanges([january, guessed({ settled: 47 })]).map((c) => [c.field, c.oldValue, c.newValue])).toEqual([['averageAge', 46, 47]]);
  });

  it('settles an older capture’s guess by the one candidate another capture of the role shows for certain', () => {
    // January's flattened text glued the coordinators' age: 464 or 46. Another page read whole in
    // January says 46; in July the page itself, read whole, says 47.
    const other = 'collections-representative-vs-collections-coordinator';
    const january = side('2026-01-15T09:00:00.000Z', { averageAge: 464 }, { reliability: Reliability.Flattened, guesses: new Map([['averageAge', { candidates: [464, 46] }]]) });
    const july = side('2026-07-01T09:00:00.000Z', { averageAge: 47 });
    const otherPage = side('2026-01-15T09:00:00.000Z', { averageAge: 46 }, { pageKey: other });
    expect(roleChanges([january, july, otherPage])).toEqual([
      { field: 'averageAge', oldValue: 46, newValue: 47, oldSeen: '2026-01-15T09:00:00.000Z', newSeen: '2026-07-01T09:00:00.000Z', pageCount: 1 },
    ]);
    // Without the other page nothing shows 464 or 46: the guess stays a guess, and no change is made of it.
    expect(roleChanges([january, july])).toEqual([]);
    // A guess between 46 and 47, both of which the role shows for certain, is not settled.
    const eitherWay = side('2026-01-15T09:00:00.000Z', { averageAge: 46 }, { reliability: Reliability.Flattened, guesses: new Map([['averageAge', { candidates: [46, 47] }]]) });
    expect(roleChanges([eitherWay, july, otherPage])).toEqual([]);
  });

  it('counts one change on two pages once, from the last time the old value was seen to the first the new one was', () => {
    const other = 'collections-accounts-receivable-vs-collections-coordinator';
    const captures = [
      side('2026-01-15T09:00:00.000Z', { numberOfJobs: 40113 }),
      side('2026-07-01T09:00:00.000Z', { numberOfJobs: 41870 }),
      side('2026-01-20T09:00:00.000Z', { numberOfJobs: 40113 }, { pageKey: other }),
      side('2026-06-20T09:00:00.000Z', { numberOfJobs: 41870 }, { pageKey: other }),
    ];
    expect(roleChanges(captures)).toEqual([
      { field: 'numberOfJobs', oldValue: 40113, newValue: 41870, oldSeen: '2026-01-20T09:00:00.000Z', newSeen: '2026-06-20T09:00:00.000Z', pageCount: 2 },
    ]);
  });
});
