import { describe, expect, it } from 'vitest';
import { normalizeLabel, rowFieldFor } from '../../src/site/rowFields.js';

describe('reading a row label', () => {
  it('gives every spelling of a label the same key, however often it is read', () => {
    for (let i = 0; i < 3; i++) {
      expect(normalizeLabel('Number Of Jobs')).toBe('number of jobs');
      expect(normalizeLabel(' number of\u00a0jobs: ')).toBe('number of jobs');
      expect(normalizeLabel('LGBT  Percentage')).toBe('lgbt percentage');
      expect(rowFieldFor('Yearly salary:')?.field).toBe('yearlySalary');
    }
  });

  it('reads labels past the remembered ones (many, and long) the same way', () => {
    for (let i = 0; i < 600; i++) expect(normalizeLabel(`Label  ${i}:`)).toBe(`label ${i}`);
    const long = `Yearly ${'very '.repeat(40)} salary`;
    expect(normalizeLabel(long)).toBe(`yearly ${'very '.repeat(40)}salary`);
    expect(normalizeLabel(long)).toBe(normalizeLabel(long));
    expect(rowFieldFor('Hourly rate')?.field).toBe('hourlyRate');
  });
});
