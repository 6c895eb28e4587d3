import { describe, expect, it } from 'vitest';
import { rowFieldFor } from '../../../src/site/rowFields.js';
import { splitGluedRow, type RowCheck } from '../../../src/read/flat/splitGluedRow.js';
import { gluedRow } from '../../../src/read/flat/lines.js';
import { seedLine } from '../../support/seeds.js';

/** Splits a real line the way the reader does: label found, then the glued values cut. */
function split(line: string, checks: RowCheck[] = []) {
  const row = gluedRow(line);
  if (!row) throw new Error(`"${line}" has no known label`);
  const outcome = splitGluedRow(row.glued, row.field, checks);
  if (!outcome.ok) throw new Error(outcome.reason);
  return { cells: outcome.split.cells, alternatives: outcome.split.alternatives, loose: outcome.split.loose };
}

const field = (label: string) => rowFieldFor(label)!;

describe('splitting the glued rows of seed 004', () => {
  it.each([
    ['Yearly salary', ['$34,015', '$37,938']],
    ['Hourly rate', ['$16.35', '$18.24']],
    ['Growth rate', ['-8%', '-8%']],
    ['Number of jobs', ['85,275', '40,113']],
    ['Job satisfaction', ['-', '-']],
    ['Most common degree', ['High School Diploma, 33%', "Bachelor's Degree, 48%"]],
    ['Average age', ['46', '46']],
    ['Years of experience', ['12', '12']],
    ['Salary range', ['Between $26,000 And $42,000', 'Between $30,000 And $47,000']],
    ['Highest paying City', ['San Ramon, CA', 'New York, NY']],
    ['Highest paying state', ['California', 'Connecticut']],
    ['Best paying company', ['University of California, Berkeley', 'University of California, Berkeley']],
    ['Best paying industry', ['Finance', 'Professional']],
    ['Most common major', ['Business', 'Business']],
    ['Most common college', ['-', '-']],
    ['Gender ratio', ['Male, 30.6% Female, 69.4%', 'Male, 26.6% Female, 73.4%']],
    ['LGBT Percentage', ['8%', '8%']],
  ])('%s is decided by its format alone', (label, cells) => {
    expect(split(seedLine('004', `${label}`))).toEqual({ cells, alternatives: [], loose: false });
  });

  it('cuts the race ratios at the "%" that no space follows', () => {
    const { cells, alternatives } = split(seedLine('004', 'Race ratio'));
    expect(cells[0]).toBe('Black or African American, 12.2% Unknown, 3.9% Hispanic or Latino, 18.9% Asian, 3.4% White, 61.1% American Indian and Alaska Native, 0.5%');
    expect(cells[1]).toMatch(/^Black or African American, 12\.1% Unknown, 4\.1% .* 0\.5%$/);
    expect(alternatives).toEqual([]);
  });
});

describe('the hard rows seen in real captures', () => {
  it('Job satisfaction54.14 is 5 and 4.14: 54 is above the 0–5 scale and ".14" is not how the site prints', () => {
    expect(split('Job satisfaction54.14')).toMatchObject({ cells: ['5', '4.14'], alternatives: [] });
  });

  it('Growth rate--10% is "-" (no value) and -10%', () => {
    expect(split('Growth rate--10%')).toMatchObject({ cells: ['-', '-10%'], alternatives: [] });
    expect(split('Growth rate-5%17%')).toMatchObject({ cells: ['-5%', '17%'], alternatives: [] });
  });

  it('Years of experience-12 is "-" and 12: "-1" is no number of years', () => {
    expect(split('Years of experience-12')).toMatchObject({ cells: ['-', '12'], alternatives: [] });
  });

  it('Years of experience28 is 2 and 8, the only cut', () => {
    expect(split('Years of experience28')).toMatchObject({ cells: ['2', '8'], alternatives: [] });
  });

  it('Years of experience122 could be 1 and 22 or 12 and 2: one is chosen, the other kept', () => {
    const { cells, alternatives } = split('Years of experience122');
    expect([cells, ...alternatives]).toHaveLength(2);
    expect([cells, ...alternatives]).toEqual(expect.arrayContaining([['1', '22'], ['12', '2']]));
  });

  it('Years of experience212 could be 2 and 12 or 21 and 2', () => {
    const { cells, alternatives } = split('Years of experience212');
    expect([cells, ...alternatives]).toEqual(expect.arrayContaining([['2', '12'], ['21', '2']]));
    expect(alternatives).toHaveLength(1);
  });

  it('Number of jobs63,8981,236,194 is 63,898 and 1,236,194: thousands come in groups of three', () => {
    expect(split('Number of jobs63,8981,236,194')).toMatchObject({ cells: ['63,898', '1,236,194'], alternatives: [] });
  });

  it('Highest paying City-Boston, MA is "-" and Boston, MA', () => {
    expect(split('Highest paying City-Boston, MA')).toMatchObject({ cells: ['-', 'Boston, MA'], alternatives: [] });
  });

  it('leaves a label\'s colon out of the values', () => {
    expect(split('Average age:4646')).toMatchObject({ cells: ['46', '46'], alternatives: [] });
  });

  it('reads the older capitalisation of labels', () => {
    expect(split('Years Of Experience1212')).toMatchObject({ cells: ['12', '12'], alternatives: [] });
    expect(split('Number Of Jobs85,27540,113')).toMatchObject({ cells: ['85,275', '40,113'] });
  });
});

describe('evidence beyond the format', () => {
  it('takes two plain counts under 1,000 as ambiguous: 12345 is 12 and 345 or 123 and 45', () => {
    const { cells, alternatives } = split('Number of jobs12345');
    expect([cells, ...alternatives]).toEqual(expect.arrayContaining([['12', '345'], ['123', '45']]));
  });

  it('never cuts a count into a part with a leading zero or an ungrouped thousand', () => {
    expect(split('Number of jobs90500')).toMatchObject({ cells: ['90', '500'], alternatives: [] });
  });

  it('tells two US states apart even when one name ends the other ("VirginiaWest Virginia")', () => {
    expect(split('Highest paying stateVirginiaWest Virginia')).toMatchObject({ cells: ['Virginia', 'West Virginia'], alternatives: [] });
  });

  it('lets a check from the page (another table, the intro) settle an ambiguous row', () => {
    const sameAsOverview: RowCheck = {
      name: 'another table shows the same values',
      agrees: ([a, b]) => a === 12 && b === 2,
    };
    expect(split('Years of experience122', [sameAsOverview])).toMatchObject({ cells: ['12', '2'], alternatives: [] });
  });

  it('keeps every candidate when a check disagrees with all of them', () => {
    const wrong: RowCheck = { name: 'wrong', agrees: () => false };
    expect(split('Years of experience122', [wrong]).alternatives).toHaveLength(1);
  });

  it('marks a text cut at a capital after another capital as ambiguous ("IBMAcme Corp")', () => {
    const { cells, alternatives } = split('Best paying companyIBMAcme Corp');
    expect(cells).toEqual(['IBM', 'Acme Corp']);
    expect(alternatives.length).toBeGreaterThan(0);
  });

  it('falls back to spaces, with the loose flag set, when no cut fits the site\'s format', () => {
    expect(split('Average age46 47')).toMatchObject({ cells: ['46', '47'], loose: true });
  });
});

describe('rows that cannot be split', () => {
  it('says why a truncated row has no split', () => {
    const outcome = splitGluedRow('85,2', field('number of jobs'));
    expect(outcome).toEqual({ ok: false, reason: 'no way to cut "85,2" into two number of jobs values' });
  });

  it('refuses a glued text far longer than two cells before looking for cuts', () => {
    const outcome = splitGluedRow('A'.repeat(5_000_000), field('best paying company'));
    expect(outcome).toMatchObject({ ok: false });
    if (!outcome.ok) expect(outcome.reason).toMatch(/5000000 characters are longer than any two cells/);
  });

  it('bounds the cuts it tries on a long row full of capitals', () => {
    const outcome = splitGluedRow('AB'.repeat(1500), field('best paying company'));
    expect(outcome).toMatchObject({ ok: false });
    if (!outcome.ok) expect(outcome.reason).toMatch(/more than 256 places/);
  });
});
