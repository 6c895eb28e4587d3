import { describe, expect, it } from 'vitest';
import { parseDegree, parseGender, parseRace, parseSalaryRange, parseSkill, parseText } from '../../src/values/shares.js';

const value = <T>(r: { ok: true; value: T | null } | { ok: false; reason: string }) => (r.ok ? r.value : `rejected: ${r.reason}`);

describe('parseDegree', () => {
  it('reads "name, pct%"', () => {
    expect(value(parseDegree("Bachelor's Degree, 48%"))).toEqual({ name: "Bachelor's Degree", pct: 48 });
    expect(value(parseDegree('High School Diploma, 33%'))).toEqual({ name: 'High School Diploma', pct: 33 });
  });
  it('rejects a degree without a percentage', () => {
    expect(parseDegree("Bachelor's Degree").ok).toBe(false);
  });
});

describe('parseSkill', () => {
  it('reads a skills list item', () => {
    expect(value(parseSkill('Payment Arrangements, 14%'))).toEqual({ name: 'Payment Arrangements', pct: 14 });
  });
  it('keeps commas inside the name', () => {
    expect(value(parseSkill('Sales, Marketing, 7%'))).toEqual({ name: 'Sales, Marketing', pct: 7 });
  });
});

describe('parseSalaryRange', () => {
  it('reads the site\'s "Between … And …"', () => {
    expect(value(parseSalaryRange('Between $30,000 And $47,000'))).toEqual({ min: 30000, max: 47000 });
    expect(value(parseSalaryRange('between $8,000 and $12,000'))).toEqual({ min: 8000, max: 12000 });
  });
  it('rejects a range whose bounds are reversed', () => {
    expect(parseSalaryRange('Between $47,000 And $30,000').ok).toBe(false);
  });
});

describe('parseGender', () => {
  it('reads both shares in either order', () => {
    expect(value(parseGender('Male, 26.6% Female, 73.4%'))).toEqual({ male: 26.6, female: 73.4 });
    expect(value(parseGender('Female, 73.4% Male, 26.6%'))).toEqual({ male: 26.6, female: 73.4 });
  });
});

describe('parseRace', () => {
  it('reads the race ratio of seed 000 in page order', () => {
    const cell =
      'Black or African American, 12.1% Unknown, 4.1% Hispanic or Latino, 20.8% Asian, 3.6% White, 59.0% American Indian and Alaska Native, 0.5%';
    expect(value(parseRace(cell))).toEqual([
      { group: 'Black or African American', pct: 12.1 },
      { group: 'Unknown', pct: 4.1 },
      { group: 'Hispanic or Latino', pct: 20.8 },
      { group: 'Asian', pct: 3.6 },
      { group: 'White', pct: 59 },
      { group: 'American Indian and Alaska Native', pct: 0.5 },
    ]);
  });
  it('rejects text that is not a list of shares', () => {
    expect(parseRace('Black or African American').ok).toBe(false);
  });
});

describe('parseText', () => {
  it('keeps the text and takes "-" as no value', () => {
    expect(value(parseText('University of California, Berkeley'))).toBe('University of California, Berkeley');
    expect(value(parseText('-'))).toBeNull(); // Most common college on every seed
  });
});
