import type { RoleFacts } from '../schema/pageRecord.js';
import { parseCount, parseDecimal, parseMoney, parsePercent, parseWholeDollars } from '../values/numbers.js';
import type { Parsed } from '../values/parsed.js';
import { parseDegree, parseGender, parseRace, parseSalaryRange, parseText } from '../values/shares.js';
import { BoundedCache } from '../util/boundedCache.js';

/**
 * The site's fixed table rows: the label as printed (any capitalisation: the older layout says
 * "Number Of Jobs"), the RoleFacts field the row fills and the parser for its cells. Readers use
 * this to recognise rows (the flattened reader to split glued cells); the extractor to fill facts.
 */
export interface RowField<F extends RowTarget = RowTarget> {
  label: string;
  field: F;
  parse: (text: string) => Parsed<RoleFacts[F]>;
}

export type RowTarget = Exclude<
  keyof RoleFacts,
  'key' | 'title' | 'timeToBecome' | 'description' | 'topSkills' | 'skills' | 'responsibilities'
>;

// Parsers typed loosely enough to share (`Parsed<number>` fits a `number | null` field).
const row = <F extends RowTarget>(label: string, field: F, parse: (t: string) => Parsed<NonNullable<RoleFacts[F]>>): RowField =>
  ({ label, field, parse }) as unknown as RowField;

export const ROW_FIELDS: readonly RowField[] = [
  row('yearly salary', 'yearlySalary', parseWholeDollars),
  row('hourly rate', 'hourlyRate', parseMoney),
  row('growth rate', 'growthRate', parsePercent),
  row('number of jobs', 'numberOfJobs', parseCount),
  row('job satisfaction', 'jobSatisfaction', parseDecimal),
  row('most common degree', 'degree', parseDegree),
  row('average age', 'averageAge', parseDecimal),
  row('years of experience', 'yearsOfExperience', parseDecimal),
  // The salary table's "Average salary" repeats "Yearly salary": a second reading of the same
  // field, cross-checked against the first like any field shown twice.
  row('average salary', 'yearlySalary', parseWholeDollars),
  row('salary range', 'salaryRange', parseSalaryRange),
  row('highest paying city', 'highestPayingCity', parseText),
  row('highest paying state', 'highestPayingState', parseText),
  row('best paying company', 'bestPayingCompany', parseText),
  row('best paying industry', 'bestPayingIndustry', parseText),
  row('most common major', 'major', parseText),
  row('most common college', 'college', parseText),
  row('gender ratio', 'gender', parseGender),
  row('race ratio', 'race', parseRace),
  row('lgbt percentage', 'lgbtPct', parsePercent),
];

/**
 * Keys of labels seen: every page repeats the same few dozen labels, and a page reads each of its
 * labels several times. Short labels only, so a capture's stray long "label" is not kept.
 */
const labelKeys = new BoundedCache<string>(1_000, { longestKey: 80 });

/** "Number Of Jobs", "number of jobs:", "LGBT  Percentage" → the same key. */
export function normalizeLabel(label: string): string {
  return labelKeys.remember(label, (l) => l.replace(/[\s\u00a0]+/g, ' ').replace(/:\s*$/, '').trim().toLowerCase());
}

const BY_LABEL = new Map(ROW_FIELDS.map((r) => [r.label, r]));

export function rowFieldFor(label: string): RowField | undefined {
  return BY_LABEL.get(normalizeLabel(label));
}

/** The overview table is the one that holds these rows; some pages are served without it. */
export const OVERVIEW_LABELS = ['yearly salary', 'hourly rate', 'growth rate', 'number of jobs'];
