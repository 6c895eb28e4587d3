import { load, type CheerioAPI } from 'cheerio';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ingest } from '../../src/ingest/ingest.js';
import { writeReport } from '../../src/report/writeReport.js';
import { FIXTURES, seed } from '../support/seeds.js';

/**
 * The report of a database built the way `npm start` builds it: the five seed captures ingested
 * through the store, plus a later capture of seed 001 whose Collections Coordinator earns $39,120.
 */
let dir: string;
let $: CheerioAPI;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rolepages-report-ingested-'));
  const pages = join(dir, 'pages');
  mkdirSync(pages);
  const january = new Date('2026-01-15T09:00:00Z');
  const july = new Date('2026-07-01T09:00:00Z');
  for (const n of ['000_61d26842a8aa7f89.txt', '001_47a54ea3bd2ce3cc.txt', '002_c0781b1da5386105.txt', '003_83570a534fe137c2.txt', '004_53ee470b7ca18917.txt']) {
    copyFileSync(join(FIXTURES, n), join(pages, n));
    utimesSync(join(pages, n), january, january);
  }
  expect(seed('001')).toContain('| Yearly salary | $38,949 | $37,938 |');
  // The site changed the figure everywhere it shows it: the table, the averages and the intro.
  writeFileSync(join(pages, 'disagreeing.txt'), seed('001').replaceAll('$37,938', '$39,120'));
  utimesSync(join(pages, 'disagreeing.txt'), july, july);
  const summary = await ingest(join(dir, 'roles.db'), [pages], { concurrency: 0 });
  expect(summary).toMatchObject({ failed: [], captures: 6, pages: 5, conflicts: 1 });
  writeReport(join(dir, 'roles.db'), join(dir, 'report.html'));
  $ = load(readFileSync(join(dir, 'report.html'), 'utf8'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the report of the ingested seeds', () => {
  test('lists the six seed roles with their yearly salaries', () => {
    const rows = $('#roles-table tbody tr')
      .map((_, tr) => `${$(tr).find('td').eq(0).text()} ${$(tr).find('td').eq(1).text()}`)
      .get();
    expect(rows).toEqual([
      'Senior Collection Specialist $45,150',
      'Account Specialist $42,586',
      'Collections/Accounts Receivable $38,949',
      'Collections Associate $38,589',
      'Collections Coordinator $37,938',
      'Collections Representative $34,015',
    ]);
  });

  test('draws Collections Coordinator from $30,000 to $47,000', () => {
    const bar = $('svg.pay-chart g.bar[data-role="collections-coordinator"]');
    expect([bar.attr('data-min'), bar.attr('data-max'), bar.attr('data-yearly')]).toEqual(['30000', '47000', '37938']);
  });

  test('lists Collections Coordinator\'s four captures, and the disagreeing value beside the one that was kept', () => {
    const section = $('#role-collections-coordinator');
    const files = section.find('ul.pages li').map((_, li) => $(li).text().split(' ')[1]!.split('/').at(-1)).get();
    expect(files).toEqual(['000_61d26842a8aa7f89.txt', '001_47a54ea3bd2ce3cc.txt', '004_53ee470b7ca18917.txt', 'disagreeing.txt']);
    // The later capture of page 001 speaks for it: three pages, four captures.
    expect(section.find('h4').first().text()).toBe('Seen on 3 pages (4 captures)');
    const sides = section.find('.conflict[data-field="yearlySalary"] .side .v').map((_, v) => $(v).text()).get();
    expect(sides).toEqual(['$37,938 (kept)', '$39,120']);
    expect(section.find('.conflict[data-field="yearlySalary"] .side .n').last().text()).toMatch(/^on 1 page: P\d+$/);
  });
});
