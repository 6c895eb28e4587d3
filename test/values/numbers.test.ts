import { describe, expect, it } from 'vitest';
import { parseCount, parseDecimal, parseMoney, parsePercent, parseWholeDollars } from '../../src/values/numbers.js';

const value = <T>(r: { ok: true; value: T | null } | { ok: false; reason: string }) => (r.ok ? r.value : `rejected: ${r.reason}`);

describe('parseMoney', () => {
  it('reads yearly salaries and hourly rates as the overview prints them', () => {
    expect(value(parseMoney('$37,938'))).toBe(37938); // seed 000, Yearly salary
    expect(value(parseMoney('$18.24'))).toBe(18.24); // seed 000, Hourly rate
    expect(value(parseMoney('$9,870'))).toBe(9870);
    expect(value(parseMoney('$1,250,000'))).toBe(1250000);
  });
  it('takes "-" as no value', () => {
    expect(value(parseMoney('-'))).toBeNull();
  });
  it('rejects digit groups that are not three long, so glued numbers are never read as one', () => {
    expect(parseMoney('$37,93').ok).toBe(false);
    expect(parseMoney('$34,015$37,938').ok).toBe(false);
    expect(parseMoney('37,938').ok).toBe(false);
  });
});

describe('parseWholeDollars', () => {
  it('rejects cents for yearly amounts', () => {
    expect(value(parseWholeDollars('$42,586'))).toBe(42586);
    expect(parseWholeDollars('$18.24').ok).toBe(false);
  });
});

describe('parsePercent', () => {
  it('reads growth with its sign', () => {
    expect(value(parsePercent('-8%'))).toBe(-8); // seed 000, Growth rate
    expect(value(parsePercent('17%'))).toBe(17);
    expect(value(parsePercent('+5%'))).toBe(5);
    expect(value(parsePercent('8%'))).toBe(8); // LGBT Percentage
  });
  it('rejects a glued pair of percentages', () => {
    expect(parsePercent('-5%17%').ok).toBe(false);
  });
});

describe('parseCount', () => {
  it('reads job counts in groups of three', () => {
    expect(value(parseCount('116,010'))).toBe(116010); // seed 000, Number of jobs
    expect(value(parseCount('90'))).toBe(90);
    expect(value(parseCount('1,236,194'))).toBe(1236194);
    expect(parseCount('85,27540,113').ok).toBe(false);
  });
});

describe('parseDecimal', () => {
  it('reads ages, years and satisfaction scores', () => {
    expect(value(parseDecimal('46'))).toBe(46); // Average age
    expect(value(parseDecimal('4.5'))).toBe(4.5); // Job satisfaction on newer pages
    expect(value(parseDecimal('-'))).toBeNull(); // Job satisfaction on the seeds
    expect(parseDecimal('4.5.1').ok).toBe(false);
  });
});
