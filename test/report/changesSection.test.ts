import { load } from 'cheerio';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest/ingest.js';
import { loadChanges, renderChangesSection } from '../../src/report/changesSection.js';
import { loadReportData } from '../../src/report/loadReportData.js';
import { renderReport } from '../../src/report/renderReport.js';
import { openReadOnly } from '../../src/store/openDatabase.js';
import { FIXTURES, seed } from '../support/seeds.js';

/**
 * The five seed captures saved in January, and in July seeds 000 and 002 again after the site
 * changed two figures: Collections Coordinator's number of jobs (40,113 → 41,870) and Collections
 * Associate's growth rate (-8% → -5%).
 */
let dir: string;
let changedDb: string;
let unchangedDb: string;
const SEEDS = ['000_61d26842a8aa7f89.txt', '001_47a54ea3bd2ce3cc.txt', '002_c0781b1da5386105.txt', '003_83570a534fe137c2.txt', '004_53ee470b7ca18917.txt'];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rolepages-report-changes-'));
  const january = new Date('2026-01-15T09:00:00Z');
  const july = new Date('2026-07-01T09:00:00Z');
  const pages = join(dir, 'january');
  mkdirSync(pages);
  for (const n of SEEDS) {
    copyFileSync(join(FIXTURES, n), join(pages, n));
    utimesSync(join(pages, n), january, january);
  }
  unchangedDb = join(dir, 'unchanged.db');
  await ingest(unchangedDb, [pages], { concurrency: 0 });

  const later = join(dir, 'july');
  mkdirSync(later);
  expect(seed('000')).toContain('| Number of jobs | 40,113 | 116,010 |');
  writeFileSync(join(later, '000.txt'), seed('000').replace('| Number of jobs | 40,113 | 116,010 |', '| Number of jobs | 41,870 | 116,010 |'));
  expect(seed('002')).toContain('| Growth rate | -8% | -8% |');
  writeFileSync(join(later, '002.txt'), seed('002').replace('| Growth rate | -8% | -8% |', '| Growth rate | -5% | -8% |'));
  for (const n of ['000.txt', '002.txt']) utimesSync(join(later, n), july, july);
  changedDb = join(dir, 'changed.db');
  const summary = await ingest(changedDb, [pages, later], { concurrency: 0 });
  expect(summary).toMatchObject({ failed: [], captures: 7, pages: 5 });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the report\'s "What changed between crawls"', () => {
  it('lists each change with its role, field label, old and new values, days and pages, linked from the contents', () => {
    const $ = load(renderReport(loadReportData(changedDb), { source: 'changed.db', generatedAt: new Date('2026-07-02T00:00:00Z') }));
    expect($('nav.toc a[href="#changes"]').text()).toBe('What changed');
    expect($('#changes h2').text()).toBe('What changed between crawls');
    const rows = $('#changes tbody tr')
      .toArray()
      .map((tr) => $(tr).find('td').toArray().map((td) => $(td).text()));
    expect(rows).toEqual([
      ['Collections Associate', 'Growth rate', '-8% → -5%', '2026-01-15 → 2026-07-01', '1'],
      ['Collections Coordinator', 'Number of jobs', '40,113 → 41,870', '2026-01-15 → 2026-07-01', '1'],
    ]);
    expect($('#changes tbody a').first().attr('href')).toBe('#role-collections-associate');
    expect($('#changes .note').text()).toContain('2 changes between captures of the same page');
  });

  it('lists at most the few seen on the most pages, and counts them all', () => {
    const db = openReadOnly(changedDb);
    const changes = loadChanges(db, 1)!;
    db.close();
    expect(changes.total).toBe(2);
    expect(changes.shown.map((c) => [c.roleKey, c.field, c.oldValue, c.newValue])).toEqual([['collections-associate', 'growthRate', -8, -5]]);
    const $ = load(renderChangesSection(changes));
    expect($('tbody tr')).toHaveLength(1);
    expect($('.note').text()).toContain('2 changes between captures of the same page; the 1 seen on the most pages are listed');
  });

  it('is left out when no page changed', () => {
    const html = renderReport(loadReportData(unchangedDb), { source: 'unchanged.db', generatedAt: new Date('2026-07-02T00:00:00Z') });
    expect(html).not.toContain('What changed');
    expect(html).not.toContain('id="changes"');
  });
});
