import { observePage } from '../../src/reconcile/observePage.js';
import type { PageEvidence, RoleEvidence } from '../../src/reconcile/evidence.js';
import type { PageRecord, RoleFacts, Warning } from '../../src/schema/pageRecord.js';

/**
 * Page records built from the values the seed pages show, so reconciliation and storage can be
 * specified on real data with one value changed at a time.
 */

const RACE_COORDINATOR = [
  { group: 'Black or African American', pct: 12.1 },
  { group: 'Unknown', pct: 4.1 },
  { group: 'Hispanic or Latino', pct: 20.8 },
  { group: 'Asian', pct: 3.6 },
  { group: 'White', pct: 59 },
  { group: 'American Indian and Alaska Native', pct: 0.5 },
];

export const COORDINATOR_DESCRIPTION =
  "Usually working alongside a company's account receivables team, a collections coordinator is in charge of developing strategies to optimize the payment collection operations. Among their responsibilities include reaching out to clients through calls or correspondence to remind them of their payment obligations, arranging appointments, processing payments, arranging payment terms, and researching a client's communication information such as cellphone number, address, or email. Moreover, a collections coordinator must maintain an active communication line with staff while promoting and enforcing the company's policies and regulations.";

/** Collections Coordinator as seed 000 shows it (skills and responsibilities from seed 004). */
export function coordinator(overrides: Partial<RoleFacts> = {}): RoleFacts {
  return {
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
    timeToBecome: '6-12 months',
    description: COORDINATOR_DESCRIPTION,
    salaryRange: { min: 30000, max: 47000 },
    highestPayingCity: 'New York, NY',
    highestPayingState: 'Connecticut',
    bestPayingCompany: 'University of California, Berkeley',
    bestPayingIndustry: 'Professional',
    major: 'Business',
    college: null,
    gender: { male: 26.6, female: 73.4 },
    race: RACE_COORDINATOR,
    lgbtPct: 8,
    topSkills: ['customer service', 'patients', 'phone calls'],
    skills: [
      { name: 'Customer Service', pct: 15 },
      { name: 'Patients', pct: 12 },
      { name: 'Phone Calls', pct: 6 },
    ],
    responsibilities: [
      'Audit outstanding accounts and resolve any balances including calling Medicare, Medicaid, government, private or commercial insurances.',
      'Submit insurance appeals and provider disputes when necessary.',
    ],
    proseNames: ['collections coordinator', 'collections coordinators'],
    ...overrides,
  };
}

/** Account Specialist as seed 000 shows it. */
export function accountSpecialist(overrides: Partial<RoleFacts> = {}): RoleFacts {
  return {
    ...coordinator(),
    key: 'account-specialist',
    title: 'Account Specialist',
    yearlySalary: 42586,
    hourlyRate: 20.47,
    numberOfJobs: 116010,
    degree: { name: "Bachelor's Degree", pct: 54 },
    description:
      'An account specialist is responsible for reaching out to customers or potential clients through calls, emails, and other forms of correspondence to secure sales and strengthen business relations.',
    salaryRange: { min: 28000, max: 62000 },
    highestPayingCity: 'Washington, DC',
    highestPayingState: 'Virginia',
    bestPayingCompany: 'Microsoft',
    bestPayingIndustry: 'Finance',
    gender: { male: 32.2, female: 67.8 },
    topSkills: ['customer service', 'patients', 'account management'],
    skills: [],
    responsibilities: [],
    proseNames: ['account specialist', 'account specialists'],
    ...overrides,
  };
}

/** Collections Representative as the flattened seed 004 shows it. */
export function representative(overrides: Partial<RoleFacts> = {}): RoleFacts {
  return {
    ...coordinator(),
    key: 'collections-representative',
    title: 'Collections Representative',
    yearlySalary: 34015,
    hourlyRate: 16.35,
    numberOfJobs: 85275,
    degree: { name: 'High School Diploma', pct: 33 },
    description:
      "A Collections Representative's role is to collect payment for outstanding or overdue bills through phone calls, email, mail, or sometimes personal appointments.",
    salaryRange: { min: 26000, max: 42000 },
    highestPayingCity: 'San Ramon, CA',
    highestPayingState: 'California',
    bestPayingIndustry: 'Finance',
    gender: { male: 30.6, female: 69.4 },
    topSkills: ['payment arrangements', 'customer service', 'delinquent accounts'],
    skills: [
      { name: 'Payment Arrangements', pct: 14 },
      { name: 'Customer Service', pct: 13 },
      { name: 'Delinquent Accounts', pct: 9 },
    ],
    responsibilities: ['Submit all reconsideration and appeals if need.'],
    proseNames: ['collections representative', 'collections representatives'],
    ...overrides,
  };
}

let pageCounter = 0;

/** A page record comparing two roles; tabular text unless said otherwise. */
export function page(
  roles: [RoleFacts, RoleFacts],
  options: { layout?: 'table' | 'flat'; format?: 'html' | 'text'; warnings?: Warning[]; path?: string } = {},
): PageRecord {
  pageCounter++;
  const sha256 = pageCounter.toString(16).padStart(64, '0');
  return {
    source: {
      path: options.path ?? `page-${pageCounter}.txt`,
      sha256,
      format: options.format ?? 'text',
      layout: options.layout ?? 'table',
      url: null,
    },
    roles,
    warnings: options.warnings ?? [],
  };
}

/** When the first page of a test was captured; each next page in a list was captured a day later. */
export const FIRST_CAPTURE = Date.parse('2026-01-15T09:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;

/**
 * What the store would hand reconciliation for `key`: the pages numbered in the given order (the
 * order they were stored in), and captured in the order they are listed unless `capturedAt` says.
 */
export function evidence(
  key: string,
  pages: PageRecord[],
  ids: number[] = pages.map((_, i) => i + 1),
  capturedAt: number[] = pages.map((_, i) => FIRST_CAPTURE + i * DAY),
): RoleEvidence {
  const out: PageEvidence[] = [];
  pages.forEach((record, i) => {
    const sides = observePage(record)
      .filter((s) => s.roleKey === key)
      .map(({ values, inferred }) => ({ values, inferred }));
    if (sides.length === 0) return;
    out.push({ id: ids[i]!, sha256: record.source.sha256, capturedAt: capturedAt[i]!, format: record.source.format, layout: record.source.layout, sides });
  });
  return { key, pages: out };
}
