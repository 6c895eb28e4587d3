import { describe, expect, it } from 'vitest';
import { extractText } from '../support/extractText.js';
import { seed } from '../support/seeds.js';

describe('seed 000: collections coordinator vs account specialist', () => {
  const record = extractText(seed('000'));
  const [coordinator, specialist] = record.roles;

  it('has the issue\'s values for Collections Coordinator', () => {
    expect(coordinator).toMatchObject({
      key: 'collections-coordinator',
      title: 'Collections Coordinator',
      yearlySalary: 37938,
      hourlyRate: 18.24,
      growthRate: -8,
      numberOfJobs: 40113,
      jobSatisfaction: null,
      degree: { name: "Bachelor's Degree", pct: 48 },
      averageAge: 46,
      yearsOfExperience: 12,
      salaryRange: { min: 30000, max: 47000 },
      highestPayingCity: 'New York, NY',
      highestPayingState: 'Connecticut',
      bestPayingCompany: 'University of California, Berkeley',
      bestPayingIndustry: 'Professional',
      major: 'Business',
      college: null,
      gender: { male: 26.6, female: 73.4 },
      lgbtPct: 8,
      timeToBecome: '6-12 months',
      topSkills: ['customer service', 'patients', 'phone calls'],
      skills: [],
      responsibilities: [],
    });
    expect(coordinator.race).toHaveLength(6);
    expect(coordinator.race[4]).toEqual({ group: 'White', pct: 59 });
  });

  it('gives each description to the role it describes', () => {
    expect(coordinator.description).toMatch(/^Usually working alongside a company's account receivables team, a collections coordinator/);
    expect(specialist.description).toMatch(/^An account specialist is responsible for reaching out/);
  });

  it('reads the right column for Account Specialist', () => {
    expect(specialist).toMatchObject({ key: 'account-specialist', yearlySalary: 42586, hourlyRate: 20.47, numberOfJobs: 116010, highestPayingCity: 'Washington, DC', bestPayingCompany: 'Microsoft' });
    expect(specialist.topSkills).toEqual(['customer service', 'patients', 'account management']);
  });

  it('has no warnings: every cross-check agrees', () => {
    expect(record.warnings).toEqual([]);
  });
});

describe('the other tabular seeds', () => {
  it('001: the higher-paid role is the left one; the slash title keys as the contract says', () => {
    const [receivable, coordinator] = extractText(seed('001')).roles;
    expect(receivable.key).toBe('collections-accounts-receivable');
    expect(receivable.title).toBe('Collections/Accounts Receivable');
    expect(receivable.yearlySalary).toBe(38949);
    expect(receivable.topSkills).toEqual(['customer service', 'patients', 'delinquent accounts']);
    expect(receivable.description).toMatch(/^An officer for collections\/accounts receivable/);
    expect(coordinator.yearlySalary).toBe(37938);
    expect(coordinator.highestPayingCity).toBe('New York, NY');
  });

  it('002: a top skill keeps its capitals as written ("UPC")', () => {
    const [associate] = extractText(seed('002')).roles;
    expect(associate.topSkills).toEqual(['phone calls', 'customer service', 'UPC']);
    expect(associate.bestPayingCompany).toBe('JPMorgan Chase & Co.');
    expect(associate.salaryRange).toEqual({ min: 23000, max: 63000 });
  });

  it('003: "senior collection specialist" is not mistaken for the account specialist', () => {
    const [senior, specialist] = extractText(seed('003')).roles;
    expect(senior.description).toMatch(/^Senior collection specialists lead others/);
    expect(specialist.description).toMatch(/^An account specialist is responsible/);
    expect(senior.bestPayingIndustry).toBe('Health Care');
  });
});
