import type { FactField } from './pageRecord.js';

/** A column of the `roles` table and what it means. */
export interface RoleColumn {
  column: string;
  /** The part of an object-valued field it holds (`degree.pct` is `degree_pct`). */
  part?: string;
  unit: string | null;
  description: string;
}

/** A field of a role as pages show it and analysts read it. */
export interface RoleField {
  /** The page record's field (the `field` of `observations` and `conflicts`). */
  field: FactField | 'key' | 'title' | 'pageCount' | 'proseNames';
  /** How the report and `show` name it. */
  label: string;
  /** Its columns in `roles`; none for a list, which has a table of its own. */
  columns: readonly RoleColumn[];
}

const PERCENT = 'percent (0-100)';
const column = (name: string, unit: string | null, description: string, part?: string): RoleColumn =>
  part === undefined ? { column: name, unit, description } : { column: name, part, unit, description };

/**
 * The one table of a role's fields, in the order of the `roles` columns: the store's upsert, the
 * labels of the report and `show`, and the database's own documentation are all made from it.
 */
export const ROLE_FIELDS: readonly RoleField[] = [
  { field: 'key', label: 'Key', columns: [column('key', null, 'The title lowercased, each run of other characters turned into "-"')] },
  { field: 'title', label: 'Title', columns: [column('title', null, 'The title as most pages write it')] },
  { field: 'yearlySalary', label: 'Yearly salary', columns: [column('yearly_salary', 'USD a year', 'Average yearly salary')] },
  { field: 'hourlyRate', label: 'Hourly rate', columns: [column('hourly_rate', 'USD an hour', 'Average hourly rate')] },
  { field: 'growthRate', label: 'Growth rate', columns: [column('growth_rate', PERCENT, 'Projected job growth; negative is a decline')] },
  { field: 'numberOfJobs', label: 'Number of jobs', columns: [column('number_of_jobs', 'jobs', 'Number of jobs in the US')] },
  {
    field: 'jobSatisfaction',
    label: 'Job satisfaction',
    columns: [column('job_satisfaction', 'rating out of 5', 'Job satisfaction; null where the page shows "-"')],
  },
  {
    field: 'degree',
    label: 'Most common degree',
    columns: [
      column('degree', null, 'Most common degree', 'name'),
      column('degree_pct', PERCENT, 'Share of workers who hold the most common degree', 'pct'),
    ],
  },
  { field: 'averageAge', label: 'Average age', columns: [column('average_age', 'years', 'Average age of the workers')] },
  { field: 'yearsOfExperience', label: 'Years of experience', columns: [column('years_of_experience', 'years', 'Typical years of experience')] },
  {
    field: 'salaryRange',
    label: 'Salary range',
    columns: [column('salary_min', 'USD a year', 'Low end of the salary range', 'min'), column('salary_max', 'USD a year', 'High end of the salary range', 'max')],
  },
  { field: 'highestPayingCity', label: 'Highest paying city', columns: [column('highest_paying_city', null, 'Highest paying city')] },
  { field: 'highestPayingState', label: 'Highest paying state', columns: [column('highest_paying_state', null, 'Highest paying state')] },
  { field: 'bestPayingCompany', label: 'Best paying company', columns: [column('best_paying_company', null, 'Best paying company')] },
  { field: 'bestPayingIndustry', label: 'Best paying industry', columns: [column('best_paying_industry', null, 'Best paying industry')] },
  { field: 'major', label: 'Most common major', columns: [column('major', null, 'Most common major')] },
  { field: 'college', label: 'Most common college', columns: [column('college', null, 'Most common college; null where the page shows "-"')] },
  {
    field: 'gender',
    label: 'Gender ratio',
    columns: [column('male_pct', PERCENT, 'Share of workers who are men', 'male'), column('female_pct', PERCENT, 'Share of workers who are women', 'female')],
  },
  { field: 'lgbtPct', label: 'LGBT percentage', columns: [column('lgbt_pct', PERCENT, 'Share of workers who are LGBT')] },
  { field: 'description', label: 'Description', columns: [column('description', null, 'What the role does (Markdown)')] },
  {
    field: 'pageCount',
    label: 'Pages',
    columns: [column('page_count', 'pages', 'Distinct comparison pages that show the role; captures of one page count once')],
  },
  { field: 'timeToBecome', label: 'Time to become', columns: [column('time_to_become', null, 'Time it typically takes to become one, as the page says it')] },
  { field: 'topSkills', label: 'Top skills', columns: [column('top_skills', null, 'JSON array of the top three skills, as the intro names them')] },
  { field: 'race', label: 'Race ratio', columns: [] },
  { field: 'skills', label: 'Skills', columns: [] },
  { field: 'responsibilities', label: 'Responsibilities', columns: [] },
  { field: 'proseNames', label: 'Names in the text', columns: [] },
];

/** The `roles` columns in order, each with the field it comes from. */
export const ROLE_COLUMNS: ReadonlyArray<RoleColumn & { field: RoleField['field'] }> = ROLE_FIELDS.flatMap((f) =>
  f.columns.map((c) => ({ ...c, field: f.field })),
);

/** A field's label; the field's own name for one that has none. */
export function fieldLabel(field: string): string {
  return LABELS.get(field) ?? field;
}

const LABELS = new Map<string, string>(ROLE_FIELDS.map((f) => [f.field, f.label]));
