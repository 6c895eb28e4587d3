import type Database from 'better-sqlite3';
import { openForWriting } from '../../src/store/openDatabase.js';

/**
 * A roles database holding the six roles of the seed pages, with the values the seeds show, plus
 * one deliberately disagreeing page: a Collections Coordinator page whose yearly salary is
 * $39,120 where the three seed pages say $37,938. The tables have the contract's names and the
 * columns the store writes, so the report is tested against the shape it will read.
 */

interface FixtureRole {
  key: string;
  title: string;
  yearlySalary: number;
  hourlyRate: number;
  numberOfJobs: number;
  degree: { name: string; pct: number };
  salaryRange: { min: number; max: number };
  highestPayingCity: string;
  highestPayingState: string;
  bestPayingCompany: string;
  bestPayingIndustry: string;
  gender: { male: number; female: number };
  race: number[];
  topSkills: string[];
  description: string;
  skills?: Array<[string, number]>;
  responsibilities?: string[];
}

/** The seeds' race groups, in page order; each role's `race` lists the percents in this order. */
const RACE_GROUPS = ['Black or African American', 'Unknown', 'Hispanic or Latino', 'Asian', 'White', 'American Indian and Alaska Native'];

/** The values every seed role shares. */
const COMMON = { growthRate: -8, jobSatisfaction: null, averageAge: 46, yearsOfExperience: 12, timeToBecome: '6-12 months', major: 'Business', college: null, lgbtPct: 8 };

export const FIXTURE_ROLES: FixtureRole[] = [
  {
    key: 'collections-coordinator',
    title: 'Collections Coordinator',
    yearlySalary: 37938,
    hourlyRate: 18.24,
    numberOfJobs: 40113,
    degree: { name: "Bachelor's Degree", pct: 48 },
    salaryRange: { min: 30000, max: 47000 },
    highestPayingCity: 'New York, NY',
    highestPayingState: 'Connecticut',
    bestPayingCompany: 'University of California, Berkeley',
    bestPayingIndustry: 'Professional',
    gender: { male: 26.6, female: 73.4 },
    race: [12.1, 4.1, 20.8, 3.6, 59.0, 0.5],
    topSkills: ['customer service', 'patients', 'phone calls'],
    description:
      "Usually working alongside a company's account receivables team, a collections coordinator is in charge of developing strategies to optimize the payment collection operations.",
    skills: [['Customer Service', 15], ['Patients', 12], ['Phone Calls', 6], ['Collection Efforts', 4], ['Delinquent Accounts', 4], ['Appeals', 4]],
    responsibilities: [
      'Plan and conduct sensitive HUMINT collection operations with an emphasis on managing and debriefing confidential sources.',
      'Manage accounts receivable/payment, insurance billing and follow-up for a solo physician clinic, and direct communication with patients regarding bills.',
      'Submit insurance appeals and provider disputes when necessary.',
    ],
  },
  {
    key: 'account-specialist',
    title: 'Account Specialist',
    yearlySalary: 42586,
    hourlyRate: 20.47,
    numberOfJobs: 116010,
    degree: { name: "Bachelor's Degree", pct: 54 },
    salaryRange: { min: 28000, max: 62000 },
    highestPayingCity: 'Washington, DC',
    highestPayingState: 'Virginia',
    bestPayingCompany: 'Microsoft',
    bestPayingIndustry: 'Finance',
    gender: { male: 32.2, female: 67.8 },
    race: [13.2, 4.1, 17.8, 3.7, 60.8, 0.5],
    topSkills: ['customer service', 'patients', 'account management'],
    description:
      'An account specialist is responsible for reaching out to customers or potential clients through calls, emails, and other forms of correspondence to secure sales and strengthen business relations.',
  },
  {
    key: 'collections-accounts-receivable',
    title: 'Collections/Accounts Receivable',
    yearlySalary: 38949,
    hourlyRate: 18.73,
    numberOfJobs: 30523,
    degree: { name: "Bachelor's Degree", pct: 40 },
    salaryRange: { min: 30000, max: 49000 },
    highestPayingCity: 'Boston, MA',
    highestPayingState: 'Connecticut',
    bestPayingCompany: 'Apollo Global Management',
    bestPayingIndustry: 'Finance',
    gender: { male: 25.3, female: 74.7 },
    race: [12.0, 4.1, 20.1, 3.8, 59.4, 0.5],
    topSkills: ['customer service', 'patients', 'delinquent accounts'],
    description:
      "An officer for collections/accounts receivable is in charge of a company's financial activities, ensuring that they receive payment from clients.",
  },
  {
    key: 'collections-associate',
    title: 'Collections Associate',
    yearlySalary: 38589,
    hourlyRate: 18.55,
    numberOfJobs: 20297,
    degree: { name: "Bachelor's Degree", pct: 43 },
    salaryRange: { min: 23000, max: 63000 },
    highestPayingCity: 'Danbury, CT',
    highestPayingState: 'Alaska',
    bestPayingCompany: 'JPMorgan Chase & Co.',
    bestPayingIndustry: 'Finance',
    gender: { male: 34.4, female: 65.6 },
    race: [12.3, 4.2, 17.5, 3.8, 61.7, 0.5],
    topSkills: ['phone calls', 'customer service', 'UPC'],
    description:
      'A collections associate is an individual who acts as a liaison between creditors and customers to collect outstanding payments and negotiates debt payments.',
  },
  {
    key: 'senior-collection-specialist',
    title: 'Senior Collection Specialist',
    yearlySalary: 45150,
    hourlyRate: 21.71,
    numberOfJobs: 31192,
    degree: { name: "Bachelor's Degree", pct: 41 },
    salaryRange: { min: 33000, max: 61000 },
    highestPayingCity: 'Hartford, CT',
    highestPayingState: 'Connecticut',
    bestPayingCompany: 'JPMorgan Chase & Co.',
    bestPayingIndustry: 'Health Care',
    gender: { male: 40.4, female: 59.6 },
    race: [12.3, 4.0, 20.9, 3.5, 58.8, 0.5],
    topSkills: ['portfolio', 'customer service', 'past due accounts'],
    description:
      'Senior collection specialists lead others by distributing and balancing workload, providing on-the-job training, and demonstrating proper work methods to employees.',
  },
  {
    key: 'collections-representative',
    title: 'Collections Representative',
    yearlySalary: 34015,
    hourlyRate: 16.35,
    numberOfJobs: 85275,
    degree: { name: 'High School Diploma', pct: 33 },
    salaryRange: { min: 26000, max: 42000 },
    highestPayingCity: 'San Ramon, CA',
    highestPayingState: 'California',
    bestPayingCompany: 'University of California, Berkeley',
    bestPayingIndustry: 'Finance',
    gender: { male: 30.6, female: 69.4 },
    race: [12.2, 3.9, 18.9, 3.4, 61.1, 0.5],
    topSkills: ['payment arrangements', 'customer service', 'delinquent accounts'],
    description:
      "A Collections Representative's role is to collect payment for outstanding or overdue bills through phone calls, email, mail, or sometimes personal appointments.",
    skills: [['Payment Arrangements', 14], ['Customer Service', 13], ['Delinquent Accounts', 9], ['Past Due Accounts', 6], ['Customer Accounts', 4], ['Debt Repayment', 4]],
    responsibilities: [
      'Protect A/R assets by managing a portfolio of accounts to maximize gainful sales and reduce debt losses.',
      'Submit all reconsideration and appeals if need.',
      "Collect and count inventories, reconcile purchases and scan UPC's and inputting price information.",
    ],
  },
];

/** The pages: the five seeds, then the disagreeing page. */
export const FIXTURE_PAGES = [
  { path: 'fixtures/000_61d26842a8aa7f89.txt', layout: 'table', roles: ['collections-coordinator', 'account-specialist'] },
  { path: 'fixtures/001_47a54ea3bd2ce3cc.txt', layout: 'table', roles: ['collections-accounts-receivable', 'collections-coordinator'] },
  { path: 'fixtures/002_c0781b1da5386105.txt', layout: 'table', roles: ['collections-associate', 'account-specialist'] },
  { path: 'fixtures/003_83570a534fe137c2.txt', layout: 'table', roles: ['senior-collection-specialist', 'account-specialist'] },
  { path: 'fixtures/004_53ee470b7ca18917.txt', layout: 'flat', roles: ['collections-representative', 'collections-coordinator'] },
  { path: 'disagreeing/collections-coordinator-vs-collections-associate.txt', layout: 'table', roles: ['collections-coordinator', 'collections-associate'] },
] as const;

export const DISAGREEING_PAGE_ID = 6;
export const DISAGREEING_SALARY = 39120;

/** A new database with the store's own schema, made by its migrations, ready for rows written by hand. */
export function openStoreDb(path: string): Database.Database {
  const db = openForWriting(path);
  // Out of WAL, as a database copied for reading often is: a reader then writes no -shm file.
  db.pragma('journal_mode = DELETE');
  db.pragma('synchronous = OFF');
  return db;
}

/** Writes one capture comparing `roles` with the facts each side shows, as the store writes it. */
export function capturePageWriter(db: Database.Database): (id: number, path: string, url: string | null, layout: string, roles: readonly [string, string], facts: [object, object]) => void {
  const page = db.prepare(
    "INSERT INTO pages (id, path, sha256, url, format, layout, role_a, role_b, ingested_at, page_key, captured_at, time_source) VALUES (?, ?, ?, ?, 'text', ?, ?, ?, '2025-01-01T00:00:00Z', ?, '2025-01-01T00:00:00Z', 'file')",
  );
  const side = db.prepare('INSERT INTO page_sides (page_id, side, role_key, facts) VALUES (?, ?, ?, ?)');
  return (id, path, url, layout, roles, facts) => {
    page.run(id, path, id.toString(16).padStart(64, '0'), url, layout, roles[0], roles[1], `${roles[0]}-vs-${roles[1]}`);
    side.run(id, 0, roles[0], JSON.stringify(facts[0]));
    side.run(id, 1, roles[1], JSON.stringify(facts[1]));
  };
}

/** The page record fields of a role, as a page shows them (what `observations` holds per field). */
function observed(role: FixtureRole): Record<string, unknown> {
  return {
    title: role.title,
    yearlySalary: role.yearlySalary,
    hourlyRate: role.hourlyRate,
    growthRate: COMMON.growthRate,
    numberOfJobs: role.numberOfJobs,
    jobSatisfaction: COMMON.jobSatisfaction,
    degree: role.degree,
    averageAge: COMMON.averageAge,
    yearsOfExperience: COMMON.yearsOfExperience,
    timeToBecome: COMMON.timeToBecome,
    description: role.description,
    salaryRange: role.salaryRange,
    highestPayingCity: role.highestPayingCity,
    highestPayingState: role.highestPayingState,
    bestPayingCompany: role.bestPayingCompany,
    bestPayingIndustry: role.bestPayingIndustry,
    major: COMMON.major,
    college: COMMON.college,
    gender: role.gender,
    lgbtPct: COMMON.lgbtPct,
    topSkills: role.topSkills,
  };
}

/** Writes the fixture database to `path` (a new file) and returns the path. */
export function buildReportFixtureDb(path: string): string {
  const db = openStoreDb(path);
  const byKey = new Map(FIXTURE_ROLES.map((r) => [r.key, r]));
  const pageCounts = new Map<string, number>();
  const writePage = capturePageWriter(db);
  db.transaction(() => {
    FIXTURE_PAGES.forEach((page, i) => {
      const id = i + 1;
      const facts = page.roles.map((key) => {
        pageCounts.set(key, (pageCounts.get(key) ?? 0) + 1);
        const values = observed(byKey.get(key)!);
        if (id === DISAGREEING_PAGE_ID && key === 'collections-coordinator') values.yearlySalary = DISAGREEING_SALARY;
        return values;
      }) as [object, object];
      writePage(id, page.path, null, page.layout, page.roles, facts);
    });

    const insertRole = db.prepare(`INSERT INTO roles (key, title, yearly_salary, hourly_rate, growth_rate, number_of_jobs, job_satisfaction,
      degree, degree_pct, average_age, years_of_experience, salary_min, salary_max, highest_paying_city, highest_paying_state,
      best_paying_company, best_paying_industry, major, college, male_pct, female_pct, lgbt_pct, description, page_count, time_to_become, top_skills)
      VALUES (@key, @title, @yearlySalary, @hourlyRate, ${COMMON.growthRate}, @numberOfJobs,
      NULL, @degree, @degreePct, ${COMMON.averageAge}, ${COMMON.yearsOfExperience}, @min, @max, @highestPayingCity, @highestPayingState,
      @bestPayingCompany, @bestPayingIndustry, '${COMMON.major}', NULL, @male, @female, ${COMMON.lgbtPct}, @description, @pageCount, '${COMMON.timeToBecome}', @topSkills)`);
    for (const role of FIXTURE_ROLES) {
      const pageCount = pageCounts.get(role.key) ?? 0;
      insertRole.run({
        key: role.key,
        title: role.title,
        yearlySalary: role.yearlySalary,
        hourlyRate: role.hourlyRate,
        numberOfJobs: role.numberOfJobs,
        degree: role.degree.name,
        degreePct: role.degree.pct,
        min: role.salaryRange.min,
        max: role.salaryRange.max,
        highestPayingCity: role.highestPayingCity,
        highestPayingState: role.highestPayingState,
        bestPayingCompany: role.bestPayingCompany,
        bestPayingIndustry: role.bestPayingIndustry,
        male: role.gender.male,
        female: role.gender.female,
        description: role.description,
        pageCount,
        topSkills: JSON.stringify(role.topSkills),
      });
      role.race.forEach((pct, i) =>
        db.prepare('INSERT INTO role_race (role_key, group_name, pct) VALUES (?, ?, ?)').run(role.key, RACE_GROUPS[i], pct),
      );
      for (const [name, pct] of role.skills ?? []) db.prepare('INSERT INTO role_skills (role_key, name, pct, page_count) VALUES (?, ?, ?, 1)').run(role.key, name, pct);
      (role.responsibilities ?? []).forEach((text, i) =>
        db.prepare('INSERT INTO role_responsibilities (role_key, position, text) VALUES (?, ?, ?)').run(role.key, i + 1, text),
      );
    }
    db.prepare("INSERT INTO role_aliases (role_key, alias, kind) VALUES ('collections-accounts-receivable', 'Collections/Accounts Receivables', 'plural')").run();
    const conflict = db.prepare('INSERT INTO conflicts (role_key, field, value, page_count, chosen) VALUES (?, ?, ?, ?, ?)');
    conflict.run('collections-coordinator', 'yearlySalary', '37938', 3, 1);
    conflict.run('collections-coordinator', 'yearlySalary', String(DISAGREEING_SALARY), 1, 0);
  })();
  db.close();
  return path;
}
