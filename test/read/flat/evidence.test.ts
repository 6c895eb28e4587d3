import { describe, expect, it } from 'vitest';
import { checksFor, hourlyFitsYearly, introSalaries } from '../../../src/read/flat/evidence.js';
import { seedLine } from '../../support/seeds.js';

const intro = seedLine('004', 'Additionally, a collections coordinator has an average salary');
const titles: [string, string] = ['Collections Representative', 'Collections Coordinator'];

describe('page evidence for glued rows', () => {
  it('attributes the intro\'s two salaries to the header\'s titles', () => {
    expect(introSalaries([intro], titles)).toEqual([34015, 37938]);
    expect(introSalaries([intro], ['Collections Coordinator', 'Collections Representative'])).toEqual([37938, 34015]);
  });

  it('takes no salary from an intro that names other roles', () => {
    expect(introSalaries([intro], ['Account Specialist', 'Collections Coordinator'])).toEqual([null, 37938]);
  });

  it('checks a yearly salary split against the intro', () => {
    const [check] = checksFor('yearlySalary', { introSalaries: [34015, 37938], decided: new Map() });
    expect(check!.agrees([34015, 37938])).toBe(true);
    expect(check!.agrees([3401, 537938])).toBe(false);
  });

  it('checks an hourly rate against the yearly salary (× 2080 working hours)', () => {
    expect(hourlyFitsYearly(16.35, 34015)).toBe(true);
    expect(hourlyFitsYearly(18.24, 37938)).toBe(true);
    expect(hourlyFitsYearly(1.82, 37938)).toBe(false);
    const [check] = checksFor('hourlyRate', { introSalaries: [null, null], decided: new Map([['yearlySalary', [34015, 37938]]]) });
    expect(check!.agrees([16.35, 18.24])).toBe(true);
    expect(check!.agrees([16.35, 1.82])).toBe(false);
  });

  it('checks a row against the same field split unambiguously in another table', () => {
    const [check] = checksFor('averageAge', { introSalaries: [null, null], decided: new Map([['averageAge', [46, 46]]]) });
    expect(check!.agrees([46, 46])).toBe(true);
    expect(check!.agrees([4, 646])).toBe(false);
  });

  it('has nothing to say where a side shows no value', () => {
    const [check] = checksFor('averageAge', { introSalaries: [null, null], decided: new Map([['averageAge', [null, 46]]]) });
    expect(check!.agrees([null, 46])).toBe(true);
    expect(check!.agrees([50, null])).toBeUndefined();
  });
});
