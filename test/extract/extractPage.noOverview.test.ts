import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPage } from '../../src/extract/extractPage.js';
import { readHtml } from '../../src/read/html/readHtml.js';
import type { PageRecord, RoleFacts } from '../../src/schema/pageRecord.js';
import { extractText } from '../support/extractText.js';
import { flattened, htmlGrid, htmlTable, tabular } from '../support/journeymanPage.js';
import { FIXTURES, seed } from '../support/seeds.js';

// The site serves some comparison pages without the overview table: their first table is the
// salary table. The journeyman / master electrician page is a real capture of one.

const fromHtml = (html: string, path: string): PageRecord => extractPage(readHtml(html), { path, sha256: '0'.repeat(64) });

const NO_OVERVIEW = {
  role: null,
  field: 'page',
  message: 'the capture has no overview table (yearly salary, hourly rate, growth rate, …); the fields only it shows are empty',
};
const CUT_AFTER_SALARY = {
  role: null,
  field: 'page',
  message: 'the capture stops after the salary table, before the education and demographics tables that comparison pages carry; what it read is kept, and the fields it did not reach are empty',
};
const OVERVIEW_ONLY = { hourlyRate: null, growthRate: null, numberOfJobs: null, jobSatisfaction: null, yearsOfExperience: null };

describe.each([
  { shape: 'tabular text', record: () => extractText(tabular, 'journeyman.txt'), layout: 'table' },
  { shape: 'flattened text', record: () => extractText(flattened, 'journeyman.txt'), layout: 'flat' },
  { shape: 'HTML <table>', record: () => fromHtml(htmlTable, 'journeyman.html'), layout: 'table' },
  { shape: 'HTML grid', record: () => fromHtml(htmlGrid, 'journeyman.html'), layout: 'flat' },
])('the journeyman / master electrician page without an overview, as $shape', ({ record, layout }) => {
  const { source, roles, warnings } = record();
  const [journeyman, master] = roles;

  it('is a comparison page of its two roles, named by the salary table', () => {
    expect(source.layout).toBe(layout);
    expect(roles.map((r) => [r.key, r.title])).toEqual([
      ['journeyman', 'Journeyman'],
      ['master-electrician', 'Master Electrician'],
    ]);
  });

  it('takes the salary table\'s "Average salary" as the yearly salary, with its range and best-paying places', () => {
    expect(journeyman).toMatchObject({
      yearlySalary: 57682,
      salaryRange: { min: 39000, max: 83000 },
      highestPayingCity: 'San Francisco, CA',
      highestPayingState: 'Washington',
      bestPayingCompany: 'CVR Energy',
      bestPayingIndustry: 'Construction',
      timeToBecome: '2-4 years',
    });
    expect(master).toMatchObject({
      yearlySalary: 52154,
      salaryRange: { min: 31000, max: 86000 },
      highestPayingCity: 'Minneapolis, MN',
      highestPayingState: 'Vermont',
      bestPayingCompany: 'Allegro MicroSystems',
      bestPayingIndustry: 'Energy',
      timeToBecome: '6-12 months',
    });
  });

  it('leaves the fields only the overview holds empty, and says once that the capture has no overview', () => {
    expect(journeyman).toMatchObject(OVERVIEW_ONLY);
    expect(master).toMatchObject(OVERVIEW_ONLY);
    // A flattened capture adds a warning for each value split out of glued text by inference.
    // The page is cut down after its salary table, and a second page warning says so.
    expect(warnings.filter((w) => w.candidates === undefined)).toEqual([NO_OVERVIEW, CUT_AFTER_SALARY]);
  });

  it('keeps the intro\'s names for the roles as written, not the sentence\'s "takes usually requires"', () => {
    expect(master.proseNames).toEqual(['master electrician', 'master electricians']);
  });
});

describe('a seed page with its overview table cut out', () => {
  // What the overview alone shows; the degree and age are shown again by the education and
  // demographics tables.
  const onlyInOverview = (role: RoleFacts): RoleFacts => ({ ...role, ...OVERVIEW_ONLY });

  it.each(['000', '001', '002', '003'])('tabular seed %s gives the same record but for the overview\'s own fields, with one page warning', (number) => {
    const text = seed(number);
    const lines = text.split('\n');
    const overview = lines.findIndex((l) => l.startsWith('| Yearly salary |'));
    // The header above the first row, and the rows up to the first line that is not a row.
    const end = lines.findIndex((l, i) => i > overview && !l.startsWith('|'));
    const cut = [...lines.slice(0, overview - 1), ...lines.slice(end)].join('\n');
    const before = extractText(text);
    const after = extractText(cut);
    expect(after.roles).toEqual(before.roles.map(onlyInOverview));
    expect(after.warnings).toEqual([...before.warnings, NO_OVERVIEW]);
  });

  it('the flattened seed 004 likewise, its overview heading and glued rows cut out', () => {
    const text = seed('004');
    const start = text.indexOf('Collections representative vs collections coordinator overview');
    const end = text.indexOf('What does a collections representative do?');
    const before = extractText(text);
    const after = extractText(text.slice(0, start) + text.slice(end));
    expect(after.roles).toEqual(before.roles.map(onlyInOverview));
    expect(after.warnings).toEqual([...before.warnings, NO_OVERVIEW]);
  });

  it('the HTML fixture 005 likewise, its first <table> cut out', () => {
    const html = readFileSync(join(FIXTURES, '005_61d26842a8aa7f89_table.html'), 'utf8');
    const start = html.indexOf('<div class="table-responsive">');
    const end = html.indexOf('</div>', html.indexOf('</table>', start)) + '</div>'.length;
    const before = fromHtml(html, '005.html');
    const after = fromHtml(html.slice(0, start) + html.slice(end), '005.html');
    expect(after.roles).toEqual(before.roles.map(onlyInOverview));
    expect(after.warnings).toEqual([...before.warnings, NO_OVERVIEW]);
  });
});

describe('descriptions of a tabular capture without an overview', () => {
  const fixture = readFileSync(join(FIXTURES, '010_no-overview.txt'), 'utf8');

  it('are the paragraphs between the intro and the first table, each given to the role it names', () => {
    const [trimmer, arborist] = extractText(fixture).roles;
    expect(trimmer.description).toMatch(/^A tree trimmer cuts back branches/);
    expect(arborist.description).toMatch(/^An arborist looks after the health of individual trees\./);
  });

  it('are not read when no intro sentence says where the intro ends', () => {
    const withoutIntro = fixture
      .split('\n')
      .filter((l) => !/^The (?:differences|top three)/.test(l))
      .join('\n');
    const { roles } = extractText(withoutIntro);
    expect(roles.map((r) => r.description)).toEqual([null, null]);
  });
});
