import { load, type CheerioAPI } from 'cheerio';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PAY_CHART_CAP } from '../../src/report/payChart.js';
import { TABLE_PAGE_SIZE } from '../../src/report/reportAssets.js';
import { MATRIX_ROLE_CAP, MATRIX_SKILL_CAP } from '../../src/report/skillsMatrix.js';
import { INLINE_SECTIONS_MAX } from '../../src/report/renderReport.js';
import { writeReport } from '../../src/report/writeReport.js';
import { buildSyntheticRolesDb } from '../support/syntheticRolesDb.js';

const ROLES = 5000;
let dir: string;
let $: CheerioAPI;
let bytes: number;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rolepages-report-scale-'));
  const db = buildSyntheticRolesDb(join(dir, 'roles.db'), ROLES);
  bytes = writeReport(db, join(dir, 'report.html')).bytes;
  $ = load(readFileSync(join(dir, 'report.html'), 'utf8'));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe(`a report of ${ROLES} roles`, () => {
  test('keeps every role in the table but lets only the first page be laid out before the script pages it', () => {
    expect($('#roles-table tbody tr')).toHaveLength(ROLES);
    expect($('#roles-table tbody tr:not(.later)')).toHaveLength(TABLE_PAGE_SIZE);
  });

  test(`sends section contents as one JSON array, since there are more than ${INLINE_SECTIONS_MAX} roles`, () => {
    expect($('details.role')).toHaveLength(ROLES);
    expect($('details.role[open], details.role .body')).toHaveLength(0);
    const bodies = JSON.parse($('#deferred-bodies').text()) as string[];
    expect(bodies).toHaveLength(ROLES + 1); // the sections, then the page list
    expect($('details.pages-list').attr('data-body')).toBe(String(ROLES));
    expect(load(bodies[ROLES]!)('.pages-table tbody tr')).toHaveLength(2 * ROLES);
    // Every tenth synthetic role (role-1, role-11, …) has a disagreeing yearly salary.
    const conflicted = $('details.role[data-key="role-11"]');
    const body = load(bodies[Number(conflicted.attr('data-body'))]!);
    expect(body('.conflict[data-field="yearlySalary"] .side')).toHaveLength(2);
    expect(body('ul.pages li')).toHaveLength(Number($('#roles-table tr[data-key="role-11"] td').eq(5).text()));
  });

  test('caps the chart and the matrix and says so', () => {
    expect($('svg.pay-chart g.bar')).toHaveLength(PAY_CHART_CAP);
    expect($('#pay .note').first().text()).toBe(`Showing the ${PAY_CHART_CAP} best-paid of 5,000 roles with a salary range; the table lists them all.`);
    expect($('table.matrix tbody tr')).toHaveLength(MATRIX_SKILL_CAP);
    expect($('table.matrix th.role-col')).toHaveLength(MATRIX_ROLE_CAP);
    expect($('#skills .note').text()).toContain('Showing the 20 skills most roles list, of 400.');
  });

  test('stays near its measured size of 29 MB (see docs/report.md)', () => {
    // The bound catches markup that grows per role: 1 KB more per role would cross it.
    expect(bytes).toBeLessThan(34 * 1024 * 1024);
  });
});
