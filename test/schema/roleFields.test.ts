import { describe, expect, test } from 'vitest';
import { FACT_FIELDS } from '../../src/schema/pageRecord.js';
import { fieldLabel, ROLE_COLUMNS, ROLE_FIELDS, roleField } from '../../src/schema/roleFields.js';
import { ROW_FIELDS, rowFieldFor } from '../../src/site/rowFields.js';
import { seedLine } from '../support/seeds.js';

/** The cells of a seed's pipe row: `| Average age | 46 | 46 |` → ['46', '46']. */
const cells = (line: string): string[] => line.split('|').slice(2, -1).map((c) => c.trim());

describe('the table of role fields', () => {
  test('declares every field of the page record once, and the key, page count and prose names', () => {
    const fields = ROLE_FIELDS.map((f) => f.field);
    expect(new Set(fields).size).toBe(fields.length);
    expect([...fields].sort()).toEqual([...FACT_FIELDS, 'key', 'pageCount', 'proseNames'].sort());
  });

  test('gives each roles column once, with its unit by name', () => {
    const columns = ROLE_COLUMNS.map((c) => c.column);
    expect(new Set(columns).size).toBe(columns.length);
    expect(ROLE_COLUMNS.find((c) => c.column === 'years_of_experience')).toMatchObject({ field: 'yearsOfExperience', unit: 'years' });
    expect(ROLE_COLUMNS.find((c) => c.column === 'degree_pct')).toMatchObject({ field: 'degree', part: 'pct', unit: 'percent (0-100)' });
  });

  test('reads a seed row by its label and parses its cells', () => {
    const line = seedLine('000', '| Years of experience |');
    const row = rowFieldFor('Years of experience')!;
    expect(row.field).toBe('yearsOfExperience');
    expect(cells(line).map((c) => row.parse(c))).toEqual([{ ok: true, value: 12 }, { ok: true, value: 12 }]);
    // The salary table's "Average salary" is a second reading of the yearly salary.
    expect(rowFieldFor('Average salary')?.field).toBe('yearlySalary');
    expect(ROW_FIELDS.filter((r) => r.field === 'yearlySalary').map((r) => r.label)).toEqual(['yearly salary', 'average salary']);
  });

  test('writes each value as the site writes it', () => {
    expect(roleField('yearlySalary')!.show(37938)).toBe('$37,938');
    expect(roleField('hourlyRate')!.show(18.24)).toBe('$18.24');
    expect(roleField('growthRate')!.show(-8)).toBe('-8%');
    expect(roleField('numberOfJobs')!.show(40113)).toBe('40,113');
    expect(roleField('degree')!.show({ name: "Bachelor's Degree", pct: 48 })).toBe("Bachelor's Degree, 48%");
    expect(roleField('salaryRange')!.show({ min: 30000, max: 47000 })).toBe('$30,000 – $47,000');
    expect(roleField('gender')!.show({ male: 26.6, female: 73.4 })).toBe('Male 26.6%, female 73.4%');
    expect(roleField('race')!.show([{ group: 'White', pct: 59 }])).toBe('White 59%');
    expect(roleField('topSkills')!.show(['customer service', 'patients'])).toBe('customer service, patients');
  });

  test('writes nothing for a value without the field\'s shape, so the caller shows it as it is', () => {
    expect(roleField('salaryRange')!.show({ min: 30000 })).toBeNull();
    expect(roleField('yearlySalary')!.show('37938')).toBeNull();
  });

  test('names fields for people, and an unknown field by its own name', () => {
    expect(fieldLabel('yearsOfExperience')).toBe('Years of experience');
    expect(fieldLabel('skills[Customer Service]')).toBe('skills[Customer Service]');
  });
});
