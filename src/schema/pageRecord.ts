import { z } from 'zod';
import { ROLE_KEY_PATTERN } from './roleKey.js';

/**
 * The one schema of a page record. Every record that leaves the extract stage is validated
 * against it, and the TypeScript types below are inferred from it, so the documented record,
 * the validation and the types cannot drift apart.
 */

const usd = z.number().int().nonnegative();
const percent = z.number().min(-100).max(1000);

export const Degree = z.object({ name: z.string().min(1), pct: z.number().min(0).max(100) });
export const SalaryRange = z.object({ min: usd, max: usd });
export const Gender = z.object({ male: z.number().min(0).max(100), female: z.number().min(0).max(100) });
export const RaceShare = z.object({ group: z.string().min(1), pct: z.number().min(0).max(100) });
export const SkillShare = z.object({ name: z.string().min(1), pct: z.number().min(0).max(100) });

export const RoleFacts = z.object({
  key: z.string().regex(ROLE_KEY_PATTERN, 'a key is the title lowercased with runs of other characters turned into "-"'),
  title: z.string().min(1),
  yearlySalary: usd.nullable(),
  hourlyRate: z.number().nonnegative().nullable(),
  growthRate: percent.nullable(),
  numberOfJobs: z.number().int().nonnegative().nullable(),
  jobSatisfaction: z.number().min(0).max(5).nullable(),
  degree: Degree.nullable(),
  averageAge: z.number().min(0).max(120).nullable(),
  yearsOfExperience: z.number().min(0).max(80).nullable(),
  timeToBecome: z.string().min(1).nullable(),
  description: z.string().min(1).nullable(),
  salaryRange: SalaryRange.nullable(),
  highestPayingCity: z.string().min(1).nullable(),
  highestPayingState: z.string().min(1).nullable(),
  bestPayingCompany: z.string().min(1).nullable(),
  bestPayingIndustry: z.string().min(1).nullable(),
  major: z.string().min(1).nullable(),
  college: z.string().min(1).nullable(),
  gender: Gender.nullable(),
  race: z.array(RaceShare),
  lgbtPct: z.number().min(0).max(100).nullable(),
  topSkills: z.array(z.string().min(1)),
  skills: z.array(SkillShare),
  responsibilities: z.array(z.string().min(1)),
  /**
   * Not a role fact: the names the page's prose uses for the role, as written
   * ("collections coordinators", "collections/accounts receivables"). Reconciliation keeps
   * them as aliases.
   */
  proseNames: z.array(z.string().min(1)),
});

/** The RoleFacts fields a page can show, in record order (the key is derived, not shown). */
export const FACT_FIELDS = Object.keys(RoleFacts.shape).filter((f) => f !== 'key' && f !== 'proseNames') as Array<
  Exclude<keyof z.infer<typeof RoleFacts>, 'key' | 'proseNames'>
>;

export const Warning = z.object({
  /** The role's key; null when the warning concerns the whole page. */
  role: z.string().nullable(),
  /** The RoleFacts field it concerns (`title` for the header). */
  field: z.string().min(1),
  message: z.string().min(1),
  /**
   * For a value that was inferred (a glued cell that could be split several ways): every
   * candidate value that survived, the chosen one first. Reconciliation uses them to settle the
   * value with the same role seen on other pages.
   */
  candidates: z.array(z.unknown()).optional(),
  /**
   * For a value inferred from a glued row whose split decides both roles at once: every split
   * that survived, as [left role's value, right role's value], the chosen first. Knowing one
   * role's value from another page settles the other's too.
   */
  splits: z.array(z.tuple([z.unknown(), z.unknown()])).optional(),
});

export const Source = z.object({
  path: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  format: z.enum(['html', 'text']),
  layout: z.enum(['table', 'flat']),
  url: z.string().nullable(),
});

export const PageRecord = z.object({
  source: Source,
  roles: z.tuple([RoleFacts, RoleFacts]),
  warnings: z.array(Warning),
});

export type Degree = z.infer<typeof Degree>;
export type SalaryRange = z.infer<typeof SalaryRange>;
export type Gender = z.infer<typeof Gender>;
export type RaceShare = z.infer<typeof RaceShare>;
export type SkillShare = z.infer<typeof SkillShare>;
export type RoleFacts = z.infer<typeof RoleFacts>;
export type FactField = (typeof FACT_FIELDS)[number];
export type Warning = z.infer<typeof Warning>;
export type Source = z.infer<typeof Source>;
export type PageRecord = z.infer<typeof PageRecord>;
