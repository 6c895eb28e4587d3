import { spawnSync } from 'node:child_process';
import { load, type CheerioAPI } from 'cheerio';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { REPORT_ROLE_CAP } from '../../src/report/loadReportData.js';
import { PAY_CHART_CAP } from '../../src/report/payChart.js';
import { MATRIX_ROLE_CAP, MATRIX_SKILL_CAP } from '../../src/report/skillsMatrix.js';
import { buildSyntheticRolesDb } from '../support/syntheticRolesDb.js';

const ROLES = 100_000;
const WRITE_REPORT = pathToFileURL(resolve(import.meta.dirname, '../../dist/report/writeReport.js')).href;
let dir: string;
let $: CheerioAPI;
let written: { bytes: number; maxRssKiB: number };

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rolepages-report-scale-'));
  const db = buildSyntheticRolesDb(join(dir, 'roles.db'), ROLES);
  const out = join(dir, 'report.html');
  // A process of its own, so that its peak memory is the report's alone, not the database builder's.
  const script = `import { writeReport } from ${JSON.stringify(WRITE_REPORT)};
const { bytes } = writeReport(${JSON.stringify(db)}, ${JSON.stringify(out)});
process.stdout.write(JSON.stringify({ bytes, maxRssKiB: process.resourceUsage().maxRSS }));`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`the report failed: ${child.stderr}`);
  written = JSON.parse(child.stdout) as typeof written;
  $ = load(readFileSync(out, 'utf8'));
}, 600_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe(`a report of ${ROLES.toLocaleString('en-US')} roles`, () => {
  test('is written by a process that peaks under 512 MiB, into a file under 20 MiB', () => {
    expect(written.maxRssKiB).toBeLessThan(512 * 1024);
    expect(written.bytes).toBeLessThan(20 * 1024 * 1024);
  });

  test('counts every role, page and conflict, as ingest does', () => {
    expect($('p.lede').text()).toMatch(/^100,000 roles from 200,000 pages \(200,000 captures\); 10,000 conflicting fields\./);
  });

  test(`shows the ${REPORT_ROLE_CAP.toLocaleString('en-US')} best-paid roles in full, and says where the others are`, () => {
    expect($('#roles-table tbody tr')).toHaveLength(REPORT_ROLE_CAP);
    expect($('details.role')).toHaveLength(REPORT_ROLE_CAP);
    const salaries = $('#roles-table tbody tr').map((_, tr) => Number($(tr).find('td').eq(1).attr('data-v'))).get();
    expect(salaries).toEqual([...salaries].sort((a, b) => b - a));
    expect($('#roles p.note').first().text()).toContain(`shows the 1,000 best-paid roles of 100,000 in full`);
    expect($('#roles p.note').first().text()).toContain('rolepages show KEY');
  });

  test('gives a conflicted role both values with the captures behind each', () => {
    // Every tenth synthetic role (role-1, role-11, …) has a disagreeing yearly salary.
    const conflicted = $('details.role').filter((_, d) => Number($(d).attr('data-key')!.slice('role-'.length)) % 10 === 1).first();
    expect(conflicted.find('.conflict[data-field="yearlySalary"] .side')).toHaveLength(2);
    expect(conflicted.find('.conflict .side').first().text()).toContain('(kept)');
  });

  test('caps the chart and the matrix, counting over every role', () => {
    expect($('svg.pay-chart g.bar')).toHaveLength(PAY_CHART_CAP);
    expect($('#pay .note').first().text()).toBe(`Showing the ${PAY_CHART_CAP} best-paid of 100,000 roles with a salary range.`);
    expect($('table.matrix tbody tr')).toHaveLength(MATRIX_SKILL_CAP);
    expect($('table.matrix th.role-col')).toHaveLength(MATRIX_ROLE_CAP);
    expect($('#skills .note').map((_, n) => $(n).text()).get()).toContain('Showing the 20 skills most roles list, of 400.');
  });
});
