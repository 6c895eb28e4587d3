import { parseCount, parseDecimal, parseMoney, parsePercent, parseWholeDollars } from '../values/numbers.js';
import type { Parsed } from '../values/parsed.js';
import { parseDegree, parseGender, parseRace, parseSalaryRange, parseText } from '../values/shares.js';
import type { FactField } from './pageRecord.js';
import { JOBS, PAGES, PERCENT, RATING, USD_A_YEAR, USD_AN_HOUR, type Unit, YEARS } from './units.js';

/** A column of the `roles` table and what it means. */
export interface RoleColumn {
  column: string;
  /** The part of an object-valued field it holds (`degree.pct` is `degree_pct`). */
  part?: string;
  /** The unit's name (`USD a year`); null for text. */
  unit: string | null;
  description: string;
}

/** How the site prints a field's cells: what the flattened reader splits glued cells by. */
export type CellKind = 'money' | 'percent' | 'count' | 'decimal' | 'share' | 'shareList' | 'range' | 'city' | 'state' | 'text';

/** The site's table row that shows a field. */
export interface SiteRow {
  /** The row's labels as printed, lowercased (any capitalisation matches); a field may have two. */
  labels: readonly string[];
  /** A cell's text as the field's value, or why it is not one. */
  parse: (text: string) => Parsed<unknown>;
  cell: {
    kind: CellKind;
    /** What the format is called in a split's reason ("thousands groups", "City, ST", …). */
    evidence: string;
    /** The values the site prints, for a number: [lowest, highest, the unit in words]. */
    range?: readonly [number, number, string];
  };
}

/**
 * How reconciling makes the role's value from its pages' values: `vote` by the survivorship rule
 * (`vote-prefix` also lets a cut-off text give way to the whole one), `shares` joins list entries
 * by name and votes on each percent, `list` merges items without duplicates, `aliases` keeps
 * names as aliases; `key`, `title` and `count` are the role's own.
 */
export type Reconciled = 'key' | 'title' | 'count' | 'vote' | 'vote-prefix' | 'shares' | 'list' | 'aliases';

/** A field of a role as pages show it and analysts read it. */
export interface RoleField {
  /** The page record's field (the `field` of `observations` and `conflicts`). */
  field: FactField | 'key' | 'title' | 'pageCount' | 'proseNames';
  /** How the report and `show` name it. */
  label: string;
  /** Its columns in `roles`; none for a list, which has a table of its own. */
  columns: readonly RoleColumn[];
  /** The site's table row that shows it; none for what the prose, the sections or the header show. */
  row?: SiteRow;
  reconciled: Reconciled;
  /** The value written for people to read; null when it does not have the field's shape. */
  show(value: unknown): string | null;
}

type Shape = Record<string, unknown>;
const isShape = (v: unknown): v is Shape => v !== null && typeof v === 'object' && !Array.isArray(v);
const isNumber = (v: unknown): v is number => typeof v === 'number';

const column = (name: string, unit: Unit | null, description: string, part?: string): RoleColumn =>
  part === undefined ? { column: name, unit: unit?.name ?? null, description } : { column: name, part, unit: unit?.name ?? null, description };
const row = (labels: string | readonly string[], parse: SiteRow['parse'], kind: CellKind, evidence: string, range?: SiteRow['cell']['range']): SiteRow => ({
  labels: typeof labels === 'string' ? [labels] : labels,
  parse,
  cell: range === undefined ? { kind, evidence } : { kind, evidence, range },
});

/** A field with one column that holds a number in `unit`. */
function numeric(field: FactField, label: string, name: string, unit: Unit, description: string, siteRow?: SiteRow): RoleField {
  return {
    field,
    label,
    columns: [column(name, unit, description)],
    ...(siteRow && { row: siteRow }),
    reconciled: 'vote',
    show: (v) => (isNumber(v) ? unit.write(v) : null),
  };
}

/** A field with one text column. */
function text(field: RoleField['field'], label: string, name: string, description: string, siteRow?: SiteRow, reconciled: Reconciled = 'vote'): RoleField {
  return { field, label, columns: [column(name, null, description)], ...(siteRow && { row: siteRow }), reconciled, show: (v) => (typeof v === 'string' ? v : null) };
}

/** How the site prints a name (company, industry, major, college), as a split's reason says it. */
export const TEXT_CELL = 'a name starts with a capital where no space precedes it';
const textRow = (label: string): SiteRow => row(label, parseText, 'text', TEXT_CELL);
const names = (v: unknown): string | null => (Array.isArray(v) && v.every((s) => typeof s === 'string') ? v.join(', ') : null);
const shares = (v: unknown): string | null =>
  Array.isArray(v) && v.every((e) => isShape(e) && isNumber(e.pct) && typeof (e.group ?? e.name) === 'string')
    ? (v as Shape[]).map((e) => `${String(e.group ?? e.name)} ${PERCENT.write(e.pct as number)}`).join(', ')
    : null;

/**
 * The one table of a role's fields, in the order of the `roles` columns. Each field is declared
 * here once: its label, its columns and their units, the site's row that shows it and how its
 * cells are printed, how it is reconciled and how it is written for people. The extractor's
 * table rows, the flattened reader's cell formats, the reconciler's fields, the store's upsert
 * and documentation, the report and `show` are all made from it.
 */
export const ROLE_FIELDS: readonly RoleField[] = [
  text('key', 'Key', 'key', 'The title lowercased, each run of other characters turned into "-"', undefined, 'key'),
  text('title', 'Title', 'title', 'The title as most pages write it', undefined, 'title'),
  numeric('yearlySalary', 'Yearly salary', 'yearly_salary', USD_A_YEAR, 'Average yearly salary',
    // The salary table's "Average salary" repeats "Yearly salary": a second reading of the same
    // field, cross-checked against the first like any field shown twice.
    row(['yearly salary', 'average salary'], parseWholeDollars, 'money', '"$" starts each amount', [1000, 10_000_000, 'dollars a year'])),
  numeric('hourlyRate', 'Hourly rate', 'hourly_rate', USD_AN_HOUR, 'Average hourly rate',
    row('hourly rate', parseMoney, 'money', '"$" starts each amount', [1, 5000, 'dollars an hour'])),
  numeric('growthRate', 'Growth rate', 'growth_rate', PERCENT, 'Projected job growth; negative is a decline',
    row('growth rate', parsePercent, 'percent', '"%" ends each rate', [-100, 1000, 'percent'])),
  numeric('numberOfJobs', 'Number of jobs', 'number_of_jobs', JOBS, 'Number of jobs in the US',
    row('number of jobs', parseCount, 'count', 'thousands are grouped in threes', [0, 1_000_000_000, 'jobs'])),
  numeric('jobSatisfaction', 'Job satisfaction', 'job_satisfaction', RATING, 'Job satisfaction; null where the page shows "-"',
    row('job satisfaction', parseDecimal, 'decimal', 'a satisfaction score is 0–5', [0, 5, 'points'])),
  {
    field: 'degree',
    label: 'Most common degree',
    columns: [
      column('degree', null, 'Most common degree', 'name'),
      column('degree_pct', PERCENT, 'Share of workers who hold the most common degree', 'pct'),
    ],
    row: row('most common degree', parseDegree, 'share', 'each share ends in "%"'),
    reconciled: 'vote',
    show: (v) => (isShape(v) && typeof v.name === 'string' ? (isNumber(v.pct) ? `${v.name}, ${PERCENT.write(v.pct)}` : v.name) : null),
  },
  numeric('averageAge', 'Average age', 'average_age', YEARS, 'Average age of the workers',
    row('average age', parseDecimal, 'decimal', 'an average age is 16–80', [16, 80, 'years of age'])),
  numeric('yearsOfExperience', 'Years of experience', 'years_of_experience', YEARS, 'Typical years of experience',
    row('years of experience', parseDecimal, 'decimal', 'experience is 0–50 years', [0, 50, 'years'])),
  {
    field: 'salaryRange',
    label: 'Salary range',
    columns: [column('salary_min', USD_A_YEAR, 'Low end of the salary range', 'min'), column('salary_max', USD_A_YEAR, 'High end of the salary range', 'max')],
    row: row('salary range', parseSalaryRange, 'range', 'each range ends in a dollar amount'),
    reconciled: 'vote',
    show: (v) => (isShape(v) && isNumber(v.min) && isNumber(v.max) ? `${USD_A_YEAR.write(v.min)} – ${USD_A_YEAR.write(v.max)}` : null),
  },
  text('highestPayingCity', 'Highest paying city', 'highest_paying_city', 'Highest paying city',
    row('highest paying city', parseText, 'city', 'each city ends in a state code ("City, ST")')),
  text('highestPayingState', 'Highest paying state', 'highest_paying_state', 'Highest paying state',
    row('highest paying state', parseText, 'state', 'each is a US state name')),
  text('bestPayingCompany', 'Best paying company', 'best_paying_company', 'Best paying company', textRow('best paying company')),
  text('bestPayingIndustry', 'Best paying industry', 'best_paying_industry', 'Best paying industry', textRow('best paying industry')),
  text('major', 'Most common major', 'major', 'Most common major', textRow('most common major')),
  text('college', 'Most common college', 'college', 'Most common college; null where the page shows "-"', textRow('most common college')),
  {
    field: 'gender',
    label: 'Gender ratio',
    columns: [column('male_pct', PERCENT, 'Share of workers who are men', 'male'), column('female_pct', PERCENT, 'Share of workers who are women', 'female')],
    row: row('gender ratio', parseGender, 'shareList', 'each ratio ends in "%"'),
    reconciled: 'vote',
    show: (v) => (isShape(v) && isNumber(v.male) && isNumber(v.female) ? `Male ${PERCENT.write(v.male)}, female ${PERCENT.write(v.female)}` : null),
  },
  numeric('lgbtPct', 'LGBT percentage', 'lgbt_pct', PERCENT, 'Share of workers who are LGBT',
    row('lgbt percentage', parsePercent, 'percent', '"%" ends each share', [0, 100, 'percent'])),
  text('description', 'Description', 'description', 'What the role does (Markdown)', undefined, 'vote-prefix'),
  {
    field: 'pageCount',
    label: 'Pages',
    columns: [column('page_count', PAGES, 'Distinct comparison pages that show the role; captures of one page count once')],
    reconciled: 'count',
    show: (v) => (isNumber(v) ? PAGES.write(v) : null),
  },
  text('timeToBecome', 'Time to become', 'time_to_become', 'Time it typically takes to become one, as the page says it'),
  {
    field: 'topSkills',
    label: 'Top skills',
    columns: [column('top_skills', null, 'JSON array of the top three skills, as the intro names them')],
    reconciled: 'vote',
    show: names,
  },
  { field: 'race', label: 'Race ratio', columns: [], row: row('race ratio', parseRace, 'shareList', 'each ratio ends in "%"'), reconciled: 'shares', show: shares },
  { field: 'skills', label: 'Skills', columns: [], reconciled: 'shares', show: shares },
  { field: 'responsibilities', label: 'Responsibilities', columns: [], reconciled: 'list', show: names },
  { field: 'proseNames', label: 'Names in the text', columns: [], reconciled: 'aliases', show: names },
];

/**
 * What a skill's percent is: the site's own skills pages say so ("15.0% of collections
 * coordinator resumes contained customer service"), and comparison pages show the same figure.
 */
export const SKILL_PCT_MEANING = 'share of resumes that list it';

/** The `roles` columns in order, each with the field it comes from. */
export const ROLE_COLUMNS: ReadonlyArray<RoleColumn & { field: RoleField['field'] }> = ROLE_FIELDS.flatMap((f) =>
  f.columns.map((c) => ({ ...c, field: f.field })),
);

const BY_FIELD = new Map<string, RoleField>(ROLE_FIELDS.map((f) => [f.field, f]));

/** The table's entry of a field; undefined for a name that is not a role field. */
export function roleField(field: string): RoleField | undefined {
  return BY_FIELD.get(field);
}

/** A field's label; the field's own name for one that has none. */
export function fieldLabel(field: string): string {
  return BY_FIELD.get(field)?.label ?? field;
}
