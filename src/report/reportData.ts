import type { ReportChanges } from './changesSection.js';

/** What the report shows, loaded from the database once and rendered without further queries. */

export interface ReportPage {
  id: number;
  path: string;
  url: string | null;
  layout: string | null;
  roleA: string | null;
  roleB: string | null;
}

/** One value a page showed, with every page that showed it. */
export interface ObservedValue {
  /** The value as parsed from `observations.value` (JSON); the raw text when it is not JSON. */
  value: unknown;
  pageIds: number[];
}

/** A field on which the role's pages disagree: each distinct value beside the pages behind it. */
export interface ReportConflict {
  field: string;
  /** Most pages first; `chosen` marks the value the roles table keeps (null when the store does not say). */
  values: Array<ObservedValue & { pageCount: number; chosen: boolean | null }>;
}

export interface ReportSkill {
  name: string;
  pct: number | null;
  pageCount: number | null;
}

export interface ReportRole {
  key: string;
  title: string;
  yearlySalary: number | null;
  hourlyRate: number | null;
  growthRate: number | null;
  numberOfJobs: number | null;
  jobSatisfaction: number | null;
  degree: string | null;
  degreePct: number | null;
  averageAge: number | null;
  yearsOfExperience: number | null;
  salaryMin: number | null;
  salaryMax: number | null;
  highestPayingCity: string | null;
  highestPayingState: string | null;
  bestPayingCompany: string | null;
  bestPayingIndustry: string | null;
  major: string | null;
  college: string | null;
  malePct: number | null;
  femalePct: number | null;
  lgbtPct: number | null;
  description: string | null;
  timeToBecome: string | null;
  topSkills: string[] | null;
  pageCount: number;
  /** The pages the role was seen on, by page id. */
  pageIds: number[];
  /** RoleFacts field → the pages that showed a value for it. */
  fieldPages: Map<string, number[]>;
  /**
   * Fields the roles table has no column for (e.g. timeToBecome, topSkills): shown as the pages
   * showed them, every distinct value with its pages, since there is no reconciled value to show.
   */
  observedOnly: Map<string, ObservedValue[]>;
  skills: ReportSkill[];
  responsibilities: string[];
  race: Array<{ group: string; pct: number }>;
  aliases: Array<{ alias: string; kind: string | null }>;
  conflicts: ReportConflict[];
}

export interface SkillsMatrix {
  /** The most common skills, most roles first; `roleCount` counts every role, shown or not. */
  skills: Array<{ name: string; roleCount: number }>;
  /**
   * The roles shown as columns; `pcts[i]` is the percent for `skills[i]`: undefined when the role
   * does not list the skill, null when it lists it without a percent.
   */
  roles: Array<{ key: string; title: string; pcts: Array<number | null | undefined> }>;
  distinctSkillCount: number;
  rolesWithSkillsCount: number;
}

export interface ReportData {
  /** Sorted by yearly salary, highest first; roles without one last, by title. */
  roles: ReportRole[];
  pages: ReportPage[];
  /** Tables the database lacks (optional list tables); the report says so instead of showing empty lists. */
  missingTables: string[];
  /** What the site changed between captures of a page; absent when nothing did. */
  changes?: ReportChanges;
}
