import { load, type CheerioAPI } from 'cheerio';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import Database from 'better-sqlite3';
import { scriptSafeJson } from '../../src/report/deferredBodies.js';
import { loadReportData } from '../../src/report/loadReportData.js';
import { renderReport } from '../../src/report/renderReport.js';
import { ReportError } from '../../src/report/reportError.js';
import { writeReport } from '../../src/report/writeReport.js';
import { runWithFileSizeLimit } from '../support/fileSizeLimit.js';
import { buildReportFixtureDb, DISAGREEING_PAGE_ID, FIXTURE_ROLES } from '../support/reportFixtureDb.js';

let dir: string;
let $: CheerioAPI;
let html: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rolepages-report-'));
  const db = buildReportFixtureDb(join(dir, 'roles.db'));
  writeReport(db, join(dir, 'out', 'report.html'));
  html = readFileSync(join(dir, 'out', 'report.html'), 'utf8');
  $ = load(html);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const row = (key: string) => $(`#roles-table tbody tr[data-key="${key}"]`);
const cells = (key: string) => row(key).find('td').map((_, td) => $(td).text()).get();
const bar = (key: string) => $(`svg.pay-chart g.bar[data-role="${key}"]`);

describe('the roles table', () => {
  test('lists every role once, highest yearly salary first, each linking to its section', () => {
    const keys = $('#roles-table tbody tr').map((_, tr) => $(tr).attr('data-key')).get();
    expect(keys).toEqual([
      'senior-collection-specialist', // $45,150
      'account-specialist', // $42,586
      'collections-accounts-receivable', // $38,949
      'collections-associate', // $38,589
      'collections-coordinator', // $37,938
      'collections-representative', // $34,015
    ]);
    for (const key of keys) expect($(`${row(key).find('a').attr('href')}`).length).toBe(1);
  });

  test('shows title, yearly salary, hourly rate, growth, jobs, page count and conflicts as the seeds write them', () => {
    expect(cells('collections-coordinator')).toEqual(['Collections Coordinator', '$37,938', '$18.24', '-8%', '40,113', '4', '1']);
    expect(cells('account-specialist')).toEqual(['Account Specialist', '$42,586', '$20.47', '-8%', '116,010', '3', '0']);
    expect(cells('collections-accounts-receivable')[0]).toBe('Collections/Accounts Receivable');
  });

  test('carries raw numbers for the sorting script', () => {
    expect(row('collections-representative').find('td').eq(1).attr('data-v')).toBe('34015');
    expect(row('collections-representative').find('td').eq(2).attr('data-v')).toBe('16.35');
  });
});

describe('the pay chart', () => {
  test('has one bar per role, sorted by yearly salary', () => {
    const order = $('svg.pay-chart g.bar').map((_, g) => $(g).attr('data-role')).get();
    expect(order).toEqual($('#roles-table tbody tr').map((_, tr) => $(tr).attr('data-key')).get());
  });

  test('draws each bar from salary_min to salary_max with the yearly salary marked inside it', () => {
    for (const role of FIXTURE_ROLES) {
      const g = bar(role.key);
      expect(g.attr('data-min')).toBe(String(role.salaryRange.min));
      expect(g.attr('data-max')).toBe(String(role.salaryRange.max));
      expect(g.attr('data-yearly')).toBe(String(role.yearlySalary));
      const rect = g.find('rect.range');
      const left = Number(rect.attr('x'));
      const right = left + Number(rect.attr('width'));
      const mark = Number(g.find('line.mark').attr('x1'));
      expect(mark).toBeGreaterThan(left);
      expect(mark).toBeLessThan(right);
    }
    expect(bar('collections-coordinator').find('text.value').text()).toBe('$30,000 – $47,000');
    expect(bar('collections-coordinator').find('title').text()).toBe(
      'Collections Coordinator: $30,000 – $47,000, yearly salary $37,938',
    );
  });

  test('places bars on one dollar scale: the axis ticks are dollars and positions are proportional', () => {
    const ticks = $('svg.pay-chart text.tick').map((_, t) => $(t).text()).get();
    expect(ticks[0]).toBe('$20k'); // the lowest minimum is Collections Associate's $23,000
    expect(ticks.at(-1)).toBe('$65k'); // the highest maximum is its $63,000
    const x = (key: string) => Number(bar(key).find('line.mark').attr('x1'));
    // One linear scale: pixels per dollar are the same between any two marks.
    const perDollar = (x('senior-collection-specialist') - x('account-specialist')) / (45150 - 42586);
    expect((x('account-specialist') - x('collections-representative')) / (42586 - 34015)).toBeCloseTo(perDollar, 2);
  });
});

describe('a role section', () => {
  const section = () => $('#role-collections-coordinator');

  test('is collapsed and lists the four pages Collections Coordinator was seen on', () => {
    expect(section().is('details')).toBe(true);
    expect(section().attr('open')).toBeUndefined();
    const pages = section().find('ul.pages li').map((_, li) => $(li).text()).get();
    expect(pages).toEqual([
      'P1 fixtures/000_61d26842a8aa7f89.txt vs Account Specialist',
      'P2 fixtures/001_47a54ea3bd2ce3cc.txt vs Collections/Accounts Receivable',
      'P5 fixtures/004_53ee470b7ca18917.txt vs Collections Representative',
      'P6 disagreeing/collections-coordinator-vs-collections-associate.txt vs Collections Associate',
    ]);
  });

  test('shows each fact, saying once that it comes from all four pages', () => {
    const fact = (field: string) => section().find(`table.facts tr[data-field="${field}"] td`);
    expect(section().find('table.facts').prev().text()).toBe('Each fact comes from all 4 pages unless it names its pages.');
    expect(fact('salaryRange').text()).toBe('$30,000 – $47,000');
    expect(fact('degree').text()).toBe("Bachelor's Degree, 48%");
    expect(fact('college').text()).toBe('–');
    expect(fact('timeToBecome').text()).toBe('6-12 months');
    expect(fact('race').text()).toBe(
      // Largest share first, as reconciling stores them.
      'White 59%, Hispanic or Latino 20.8%, Black or African American 12.1%, Unknown 4.1%, Asian 3.6%, American Indian and Alaska Native 0.5%',
    );
    expect(fact('yearlySalary').text()).toBe('$37,938pages disagree, see conflicts');
  });

  test('shows the disagreeing page beside the pages that agree', () => {
    const sides = section()
      .find('.conflict[data-field="yearlySalary"] .side')
      .map((_, s) => $(s).text())
      .get();
    expect(sides).toEqual(['$37,938 (kept)on 3 pages: P1P2P5', `$39,120on 1 page: P${DISAGREEING_PAGE_ID}`]);
    expect(section().find('.conflict .side').last().find('a').attr('href')).toBe(`#page-${DISAGREEING_PAGE_ID}`);
    expect($(`#page-${DISAGREEING_PAGE_ID}`).text()).toContain('disagreeing/collections-coordinator-vs-collections-associate.txt');
  });

  test('draws skills as bars by percent and lists responsibilities in order', () => {
    const skills = section().find('ul.skills li');
    expect(skills.first().text()).toBe('Customer Service15%');
    // Bars share one scale across roles: 15% is the widest skill anywhere, so it fills the track.
    expect(skills.first().find('i').attr('style')).toBe('width:100.0%');
    expect(skills.eq(1).find('i').attr('style')).toBe('width:80.0%'); // Patients, 12%
    expect(section().find('ol li').first().text()).toBe(
      'Plan and conduct sensitive HUMINT collection operations with an emphasis on managing and debriefing confidential sources.',
    );
  });
});

describe('a fact only some pages showed', () => {
  test('names the pages it came from', () => {
    const file = join(dir, 'partial.db');
    buildReportFixtureDb(file);
    const db = new Database(file);
    db.prepare("UPDATE page_sides SET facts = json_remove(facts, '$.highestPayingCity') WHERE page_id = 6 AND role_key = 'collections-coordinator'").run();
    db.close();
    writeReport(file, join(dir, 'partial.html'));
    const h = load(readFileSync(join(dir, 'partial.html'), 'utf8'));
    const city = h('#role-collections-coordinator tr[data-field="highestPayingCity"] td');
    expect(city.text()).toBe('New York, NY P1P2P5');
    expect(city.find('a').map((_, a) => h(a).attr('href')).get()).toEqual(['#page-1', '#page-2', '#page-5']);
  });
});

describe('the skills matrix', () => {
  test('ranks skills by how many roles list them and gives each role its percent', () => {
    const roles = $('table.matrix thead th.role-col').map((_, th) => $(th).text()).get();
    expect(roles).toEqual(['Collections Coordinator', 'Collections Representative']);
    const first = $('table.matrix tbody tr').first();
    expect(first.find('td, th').map((_, c) => $(c).text()).get()).toEqual(['Customer Service', '2', '15%', '13%']);
    const payment = $('table.matrix tbody tr').filter((_, tr) => $(tr).find('th').text() === 'Payment Arrangements');
    expect(payment.find('td').map((_, c) => $(c).text()).get()).toEqual(['1', '', '14%']);
  });
});

describe('the file', () => {
  test('is self-contained: no external script, style sheet, image or font', () => {
    expect($('script[src], link, img, iframe, object, embed').length).toBe(0);
    expect(html).not.toMatch(/url\(|@import/);
  });

  test('escapes every value: a title with &, /, quotes and markup reads back as written', () => {
    const file = join(dir, 'hostile.db');
    buildReportFixtureDb(file);
    const db = new Database(file);
    const title = `Sales & "Marketing" <script>alert('x')</script>/Lead`;
    db.prepare("UPDATE roles SET title = ?, description = ? WHERE key = 'account-specialist'").run(title, '<img src=x onerror=alert(1)>');
    db.prepare("UPDATE pages SET url = 'javascript:alert(1)' WHERE id = 1").run();
    db.close();
    writeReport(file, join(dir, 'hostile.html'));
    const text = readFileSync(join(dir, 'hostile.html'), 'utf8');
    const h = load(text);
    expect(h('#roles-table tbody tr[data-key="account-specialist"] a').text()).toBe(title);
    expect(h('svg.pay-chart g.bar[data-role="account-specialist"] title').text()).toContain(title);
    expect(h('script')).toHaveLength(2); // only the report's own
    expect(h('img')).toHaveLength(0);
    expect(h('a[href^="javascript"]')).toHaveLength(0);
    expect(h('#page-1').text()).toContain('javascript:alert(1)');
  });
});

describe('deferred section contents', () => {
  test('cannot close their script element early, whatever a role holds', () => {
    const hostile = ['</script><script>alert(1)</script>', '<!--<script>', 'Sales & "Marketing"/Lead'];
    const json = scriptSafeJson(hostile);
    expect(json).not.toMatch(/<\/|<!--/);
    expect(JSON.parse(json)).toEqual(hostile);
  });
});

describe('bad input', () => {
  test('a missing database is a one-line error naming it and saying what to do', () => {
    const missing = join(dir, 'nope.db');
    expect(() => writeReport(missing, join(dir, 'x.html'))).toThrow(ReportError);
    expect(() => writeReport(missing, join(dir, 'x.html'))).toThrow(
      `${missing}: no such database`,
    );
  });

  test('a disk that fills while the report is written leaves the previous report whole', () => {
    const db = join(dir, 'roles.db');
    const out = join(dir, 'kept', 'report.html');
    writeReport(db, out);
    const previous = readFileSync(out, 'utf8');
    expect(previous.length).toBeGreaterThan(8 * 1024);
    const { status, stderr } = runWithFileSizeLimit(8, 'report', '--db', db, '--out', out);
    expect(stderr).toBe(`rolepages report: ${out}: cannot write the report (EFBIG), so the file is as it was; the file would be larger than a file may be there: write elsewhere\n`);
    expect(status).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe(previous);
    expect(readdirSync(join(dir, 'kept'))).toEqual(['report.html']);
  });

  test('a database without the roles tables is named as not a rolepages database', () => {
    const other = join(dir, 'other.db');
    new Database(other).exec('CREATE TABLE t (x)').close();
    expect(() => writeReport(other, join(dir, 'x.html'))).toThrow(
      `${other}: not a rolepages database (no table roles, pages, observations, conflicts)`,
    );
  });
});

describe('the header', () => {
  test('counts the database as ingest does: roles from pages (captures), and the fields pages disagree on', () => {
    expect($('p.lede').text()).toMatch(/^6 roles from 6 pages \(6 captures\); 1 conflicting field\. From roles\.db, /);
  });

  test('says what a skill percent is, as the site says it', () => {
    expect($('#skills p.note').last().text()).toBe('The skills most roles list; each cell is the share of resumes that list it.');
  });
});

describe('a database with more roles than the report shows in full', () => {
  test('shows the best-paid roles, counts all of them, and says where the rest are', () => {
    const data = loadReportData(join(dir, 'roles.db'), 2);
    const h = load(renderReport(data, { source: 'roles.db', generatedAt: new Date(0) }));
    expect(h('#roles-table tbody tr').map((_, tr) => h(tr).attr('data-key')).get()).toEqual(['senior-collection-specialist', 'account-specialist']);
    expect(h('details.role')).toHaveLength(2);
    expect(h('p.lede').text()).toMatch(/^6 roles from 6 pages \(6 captures\); 1 conflicting field\./);
    expect(h('#roles p.note').first().text()).toBe(
      'This page shows the 2 best-paid roles of 6 in full; the counts, the chart\'s note and the skills matrix cover them all. rolepages roles lists every role, rolepages show KEY gives one with its pages, and rolepages query answers the rest.',
    );
    // The pages listed are those of the roles shown; a role not shown is named, not linked.
    expect(h('.pages-table tbody tr')).toHaveLength(new Set(data.roles.flatMap((r) => r.pageIds)).size);
    expect(h('.pages-table a[href="#role-collections-coordinator"]')).toHaveLength(0);
  });
});
