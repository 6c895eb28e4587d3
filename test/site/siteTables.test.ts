import { describe, expect, it } from 'vitest';
import { SITE_TABLES, isSectionTitle, siteTableOf } from '../../src/site/siteTables.js';
import { seedLine } from '../support/seeds.js';

const name = (index: number | null) => (index === null ? null : SITE_TABLES[index]!.name);

describe('siteTableOf', () => {
  it('names each of the site\'s tables by its labels, as printed (seed 000)', () => {
    expect(name(siteTableOf(['', 'Yearly salary', 'Hourly rate', 'Growth rate'], 0))).toBe('overview');
    expect(name(siteTableOf(['', 'Average salary', 'Salary range', 'Highest paying City'], 0))).toBe('salary');
    expect(name(siteTableOf(['', 'Most common degree', 'Most common major', 'Most common college'], 1))).toBe('education');
    expect(name(siteTableOf(['', 'Average age', 'Gender ratio', 'LGBT Percentage'], 2))).toBe('demographics');
  });

  it('takes a table showing only a degree or an age for the first such table not before the last one read', () => {
    expect(name(siteTableOf(['Most common degree'], 0))).toBe('overview');
    expect(name(siteTableOf(['Most common degree'], 1))).toBe('education');
    expect(name(siteTableOf(['Average Age'], 0))).toBe('overview');
    expect(name(siteTableOf(['Average Age'], 2))).toBe('demographics');
  });

  it('is null for a table of none of the site\'s rows', () => {
    expect(siteTableOf(['Skill', 'Customer Service', 'Patients'], 0)).toBeNull();
  });
});

describe('isSectionTitle', () => {
  it('knows the site\'s section titles (seed 004)', () => {
    expect(isSectionTitle(seedLine('004', 'vs collections coordinator salary'))).toBe(true);
    expect(isSectionTitle(seedLine('004', 'vs collections coordinator skills'))).toBe(true);
    expect(isSectionTitle(seedLine('004', 'coordinator duties and responsibilities'))).toBe(true);
    expect(isSectionTitle(seedLine('004', 'coordinator education'))).toBe(true);
  });

  it('is false of the page title, the closing link and the intro (seed 004)', () => {
    expect(isSectionTitle('Collections representative vs collections coordinator')).toBe(false);
    expect(isSectionTitle(seedLine('004', 'Browse '))).toBe(false);
    expect(isSectionTitle(seedLine('004', 'The differences between'))).toBe(false);
  });
});
