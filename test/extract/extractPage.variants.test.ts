import { describe, expect, it } from 'vitest';
import { PageError } from '../../src/errors.js';
import { extractText } from '../support/extractText.js';
import { seed, seedLine } from '../support/seeds.js';

// Pages of the same site beyond the seeds, written in the site's templates with the layout
// quirks seen in saved pages. Each test says which quirk it guards.

const OLDER_LAYOUT = `Explore Jobs
Post Job
Credit Analyst Vs Credit Manager
The differences between credit analysts and credit managers can be seen in a few details. Each job has different responsibilities and duties. While it typically takes 1-2 years to become a credit analyst, becoming a credit manager usually requires 6-8 years. Additionally, a credit manager has an average salary of $104,718, which is higher than the $58,122 average annual salary of a credit analyst.
The top three skills for a credit analyst include financial statements, credit analysis and customer service. The most important skills for a credit manager are customer service, credit analysis, and financial statements.
Credit Analyst | Credit Manager | |
Yearly Salary | $58,122 | $104,718 |
Hourly Rate | $27.94 | $50.35 |
Growth Rate | 7% | 12% |
Number Of Jobs | 63,898 | 1,236,194 |
Job Satisfaction | 4.5 | - |
Most Common Degree | Bachelor's Degree, 68% | Bachelor's Degree, 61% |
Average Age | 38 | 47 |
Years Of Experience | 2 | 8 |
`;

const COMMAS_AND_AMPERSANDS = `Explore jobs
The differences between collectionss, customer service and district manager & store managers can be seen in a few details. Each job has different responsibilities and duties. Additionally, a district manager & store manager has an average salary of $61,190, which is higher than the $8,950 average annual salary of a collections, customer service.
The top three skills for a collections, customer service include customer service, patients and phone calls. The most important skills for a district manager & store manager are store operations, loss prevention, and customer service.
| Collections, Customer Service | District Manager & Store Manager | |
| Yearly salary | $8,950 | $61,190 |
| Hourly rate | $4.30 | $29.42 |
| Growth rate | -12% | 5% |
| Number of jobs | 90 | 2,412,006 |
| Job satisfaction | - | 3.8 |
| Most common degree | High School Diploma, 41% | Associate Degree, 35% |
| Average age | 33 | 41 |
| Years of experience | - | 6 |
`;

/** Both pages above end with their overview table. */
const CUT_AFTER_OVERVIEW = {
  role: null,
  field: 'page',
  message: 'the capture stops after the overview table, before the salary, education and demographics tables that comparison pages carry; what it read is kept, and the fields it did not reach are empty',
};

describe('the older layout: no leading pipe, title-case labels, "X Vs Y" navigation', () => {
  const record = extractText(OLDER_LAYOUT);
  const [analyst, manager] = record.roles;

  it('reads every overview row whatever its capitalisation', () => {
    expect(analyst).toMatchObject({ key: 'credit-analyst', yearlySalary: 58122, hourlyRate: 27.94, growthRate: 7, numberOfJobs: 63898, jobSatisfaction: 4.5, averageAge: 38, yearsOfExperience: 2 });
    expect(manager).toMatchObject({ key: 'credit-manager', yearlySalary: 104718, numberOfJobs: 1236194, jobSatisfaction: null, yearsOfExperience: 8 });
  });

  it('reads "While it typically takes …, becoming a … usually requires …" per role', () => {
    expect(analyst.timeToBecome).toBe('1-2 years');
    expect(manager.timeToBecome).toBe('6-8 years');
  });

  it('matches the salary sentence to the roles when the higher-paid one is the right column: its only warning says where the capture stops', () => {
    expect(record.warnings).toEqual([CUT_AFTER_OVERVIEW]);
  });

  it('a page cut off after the overview table has nulls and empty lists for the rest', () => {
    expect(analyst).toMatchObject({ salaryRange: null, gender: null, race: [], lgbtPct: null, description: null, responsibilities: [] });
  });
});

describe('titles with commas and "&", garbled plurals, no "It typically takes" sentence', () => {
  const record = extractText(COMMAS_AND_AMPERSANDS);
  const [collections, district] = record.roles;

  it('keys the titles as the contract says', () => {
    expect(collections.key).toBe('collections-customer-service');
    expect(district.key).toBe('district-manager-store-manager');
  });

  it('reads salaries under $10,000 and job counts from 90 to millions', () => {
    expect(collections).toMatchObject({ yearlySalary: 8950, hourlyRate: 4.3, numberOfJobs: 90, growthRate: -12 });
    expect(district).toMatchObject({ yearlySalary: 61190, numberOfJobs: 2412006, growthRate: 5, jobSatisfaction: 3.8 });
  });

  it('leaves time to become and a "-" experience empty', () => {
    expect(collections.timeToBecome).toBeNull();
    expect(collections.yearsOfExperience).toBeNull();
  });

  it('still attributes the skills sentences and keeps the garbled plural as a prose name', () => {
    expect(collections.topSkills).toEqual(['customer service', 'patients', 'phone calls']);
    expect(district.topSkills).toEqual(['store operations', 'loss prevention', 'customer service']);
    expect(collections.proseNames).toContain('collectionss, customer service');
    expect(record.warnings).toEqual([CUT_AFTER_OVERVIEW]);
  });
});

describe('cross-checks become warnings', () => {
  it('the intro\'s salary against the table', () => {
    const page = seed('000').replace('| Yearly salary | $37,938 |', '| Yearly salary | $37,000 |');
    const { warnings } = extractText(page);
    expect(warnings).toContainEqual({ role: 'collections-coordinator', field: 'yearlySalary', message: 'the intro says $37,938 but the table shows $37,000; kept the table\'s' });
  });

  it('"Average salary" against "Yearly salary"', () => {
    const page = seed('000').replace('| Average salary | $37,938 |', '| Average salary | $39,000 |');
    const { warnings, roles } = extractText(page);
    expect(roles[0].yearlySalary).toBe(37938);
    expect(warnings.map((w) => [w.role, w.field])).toEqual([['collections-coordinator', 'yearlySalary']]);
    expect(warnings[0]!.message).toBe('"Average salary" shows 39000 but "Yearly salary" shows 37938; kept the latter');
  });

  it('the degree of the overview against the education table', () => {
    const lines = seed('000').split('\n');
    const education = lines.lastIndexOf("| Most common degree | Bachelor's Degree, 48% | Bachelor's Degree, 54% |");
    lines[education] = "| Most common degree | Master's Degree, 48% | Bachelor's Degree, 54% |";
    const { warnings, roles } = extractText(lines.join('\n'));
    expect(roles[0].degree).toEqual({ name: "Bachelor's Degree", pct: 48 });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ role: 'collections-coordinator', field: 'degree' });
  });

  it('a value out of its plausible range is left empty with a warning, never stored', () => {
    const page = seed('000').replace('| Average age | 46 | 46 |', '| Average age | 460 | 46 |');
    const { warnings, roles } = extractText(page);
    expect(roles[0].averageAge).toBe(46); // the demographics table still shows 46
    expect(warnings[0]).toMatchObject({ role: 'collections-coordinator', field: 'averageAge' });
  });
});

describe('pages that are not comparison pages', () => {
  it('a page without any comparison table is an error naming the file and what to do', () => {
    const skillsPage = 'Explore jobs\nWhat are the top skills of a collections coordinator?\nCustomer service is the most common skill.';
    expect(() => extractText(skillsPage, 'skills.txt')).toThrowError(PageError);
    expect(() => extractText(skillsPage, 'skills.txt')).toThrowError(
      'skills.txt: no comparison table (rows "Yearly salary", "Average salary", …): not an "X vs Y" comparison page of the site; give rolepages only the site\'s comparison pages',
    );
  });

  it('a page with one role only is an error saying so', () => {
    const page = ['| Collections Coordinator | |', '| Yearly salary | $37,938 |', '| Hourly rate | $18.24 |'].join('\n');
    expect(() => extractText(page, 'one.txt')).toThrowError('one.txt: the comparison tables name one role (Collections Coordinator) where a comparison page names two; save the whole page again');
  });

  it('a page without an overview whose salary table names one role is the same error', () => {
    const page = ['| Collections Coordinator | |', seedLine('000', '| Average salary |').replace(' $42,586 |', ''), seedLine('000', '| Highest paying City |').replace(' Washington, DC |', '')].join('\n');
    expect(() => extractText(page, 'one.txt')).toThrowError('one.txt: the comparison tables name one role (Collections Coordinator) where a comparison page names two; save the whole page again');
  });

  it('a page whose comparison tables have no header row is an error saying so', () => {
    const page = [seedLine('000', '| Average salary |'), seedLine('000', '| Salary range |')].join('\n');
    expect(() => extractText(page, 'headless.txt')).toThrowError('headless.txt: no comparison table has a header row naming the two roles; save the whole page again');
  });

  it('a page whose two columns are the same role keeps both with a page warning', () => {
    const page = seed('000').replaceAll('Account Specialist |', 'Collections Coordinator |');
    const { roles, warnings } = extractText(page);
    expect(roles.map((r) => r.key)).toEqual(['collections-coordinator', 'collections-coordinator']);
    expect(warnings).toContainEqual(expect.objectContaining({ role: null, field: 'title' }));
  });
});

describe('a flattened page whose overview rows cannot be split', () => {
  const broken = seed('004')
    .replace('Yearly salary$34,015$37,938', 'Yearly salary$34,015$37,938$1')
    .replace('Hourly rate$16.35$18.24', 'Hourly rate$16.35$18.24$2')
    .replace('Growth rate-8%-8%', 'Growth rate-8%-8%-8%')
    .replace('Number of jobs85,27540,113', 'Number of jobs');

  it('is read from its other tables, each unreadable row a warning, and is not taken for a page without an overview', () => {
    const { roles, warnings } = extractText(broken, 'broken.txt');
    expect(roles.map((r) => [r.yearlySalary, r.hourlyRate, r.growthRate, r.numberOfJobs])).toEqual([
      [34015, null, null, null],
      [37938, null, null, null],
    ]);
    expect(warnings).toEqual([
      { role: null, field: 'yearlySalary', message: 'row "Yearly salary": no way to cut "$34,015$37,938$1" into two yearly salary values; left out' },
      { role: null, field: 'hourlyRate', message: 'row "Hourly rate": no way to cut "$16.35$18.24$2" into two hourly rate values; left out' },
      { role: null, field: 'growthRate', message: 'row "Growth rate": no way to cut "-8%-8%-8%" into two growth rate values; left out' },
      { role: null, field: 'numberOfJobs', message: 'row "Number of jobs" has no values (the capture may be cut off); left out' },
    ]);
  });

  it('fails saying the rows could not be read when no comparison table is left', () => {
    // The capture cut off after the overview's unreadable rows.
    const lines = broken.split('\n');
    const cutOff = lines.slice(0, lines.findIndex((l) => l.startsWith('Job satisfaction'))).join('\n');
    expect(() => extractText(cutOff, 'broken.txt')).toThrowError(
      /^broken\.txt: the comparison tables' rows could not be read \(row "Yearly salary": no way to cut "\$34,015\$37,938\$1" into two yearly salary values; left out\); save the page again, as HTML if you can$/,
    );
  });
});
