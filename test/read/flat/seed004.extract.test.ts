import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RoleFacts } from '../../../src/schema/pageRecord.js';
import { extractText } from '../../support/extractText.js';
import { FIXTURES, seed } from '../../support/seeds.js';

/** The record a tabular seed's expected JSON holds (checked by hand by the lead). */
const expected = (name: string): { roles: RoleFacts[] } => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));

describe('seed 004 (flattened) through the extractor', () => {
  const record = extractText(seed('004'), '004.txt');
  const [representative, coordinator] = record.roles;

  it('is read as the flat layout with no warnings', () => {
    expect(record.source).toMatchObject({ format: 'text', layout: 'flat', url: null });
    expect(record.warnings).toEqual([]);
  });

  it('gives every value of Collections Representative as the page shows it', () => {
    expect(representative).toMatchObject({
      key: 'collections-representative',
      title: 'Collections Representative',
      yearlySalary: 34015,
      hourlyRate: 16.35,
      growthRate: -8,
      numberOfJobs: 85275,
      jobSatisfaction: null,
      degree: { name: 'High School Diploma', pct: 33 },
      averageAge: 46,
      yearsOfExperience: 12,
      timeToBecome: '6-12 months',
      salaryRange: { min: 26000, max: 42000 },
      highestPayingCity: 'San Ramon, CA',
      highestPayingState: 'California',
      bestPayingCompany: 'University of California, Berkeley',
      bestPayingIndustry: 'Finance',
      major: 'Business',
      college: null,
      gender: { male: 30.6, female: 69.4 },
      lgbtPct: 8,
    });
    expect(representative!.race.map((r) => r.group)).toEqual(['Black or African American', 'Unknown', 'Hispanic or Latino', 'Asian', 'White', 'American Indian and Alaska Native']);
    expect(representative!.race[0]).toEqual({ group: 'Black or African American', pct: 12.2 });
    expect(representative!.skills).toHaveLength(6);
    expect(representative!.skills[0]).toEqual({ name: 'Payment Arrangements', pct: 14 });
    expect(representative!.responsibilities).toHaveLength(6);
    expect(representative!.description).toMatch(/^A Collections Representative's role is to collect payment/);
  });

  it('gives Collections Coordinator the values seeds 000 and 001 give it', () => {
    // The tabular captures show no skills or responsibilities lists; everything else must agree.
    const { skills, responsibilities, proseNames, ...shown } = coordinator!;
    for (const fixture of ['000_61d26842a8aa7f89.txt.expected.json', '001_47a54ea3bd2ce3cc.txt.expected.json']) {
      const tabular = expected(fixture).roles.find((r) => r.key === 'collections-coordinator')!;
      const { skills: _s, responsibilities: _r, proseNames: _p, ...tabularShown } = tabular;
      expect(shown).toEqual(tabularShown);
    }
    expect(skills[0]).toEqual({ name: 'Customer Service', pct: 15 });
    expect(responsibilities).toHaveLength(6);
    expect(proseNames).toContain('collections coordinator');
  });
});

describe('a flattened page with rows that cannot be split', () => {
  it('still gives a record of what can be read, with a warning on the field it could not', () => {
    const text = seed('004')
      .replace('Number of jobs85,27540,113', 'Number of jobs85,2')
      .replace('Hourly rate$16.35$18.24', 'Hourly rate$16.35$18.24\nMedian wage$40,000$45,000');
    const record = extractText(text, '004-cut.txt');
    expect(record.roles.map((r) => r.numberOfJobs)).toEqual([null, null]);
    expect(record.roles.map((r) => r.yearlySalary)).toEqual([34015, 37938]);
    expect(record.warnings).toEqual([
      { role: null, field: 'page', message: 'table row "Median wage$40,000$45,000" has a label the reader does not know; left out' },
      { role: null, field: 'numberOfJobs', message: 'row "Number of jobs": no way to cut "85,2" into two number of jobs values; left out' },
    ]);
  });

  it('turns an ambiguous row into a warning with both candidates, the chosen first', () => {
    const record = extractText(seed('004').replace('Years of experience1212', 'Years of experience122'), '004-122.txt');
    const [representative, coordinator] = record.roles;
    const warnings = record.warnings.filter((w) => w.field === 'yearsOfExperience');
    expect(warnings.map((w) => [w.role, w.candidates])).toEqual([
      [representative!.key, [representative!.yearsOfExperience, representative!.yearsOfExperience === 1 ? 12 : 1]],
      [coordinator!.key, [coordinator!.yearsOfExperience, coordinator!.yearsOfExperience === 22 ? 2 : 22]],
    ]);
  });
});
