import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPage } from '../../src/extract/extractPage.js';
import { readHtml } from '../../src/read/html/readHtml.js';
import type { PageRecord } from '../../src/schema/pageRecord.js';
import { extractText } from '../support/extractText.js';
import { BAD_INPUTS } from '../faults/support.js';
import { FIXTURES, seed } from '../support/seeds.js';

// Real captures cut where a save can stop: in the middle of a row, of a paragraph, of a list, or
// between sections. Each gets one page warning naming the last section read; the values read stay.

const KEPT = 'what it read is kept, and the fields it did not reach are empty';
const cutOffWarnings = (record: PageRecord) => record.warnings.filter((w) => w.message.startsWith('the capture stops'));
const cutOffOf = (record: PageRecord) => {
  const found = cutOffWarnings(record);
  expect(found).toHaveLength(1);
  expect(found[0]).toMatchObject({ role: null, field: 'page' });
  return found[0]!.message;
};

/** The seed's lines up to and including the first that starts with `last`, that line cut to `keep` characters if given. */
function cutAt(number: string, last: string, keep?: number): string {
  const lines = seed(number).split('\n');
  const at = lines.findIndex((l) => l.startsWith(last));
  if (at === -1) throw new Error(`seed ${number} has no line starting "${last}"`);
  return [...lines.slice(0, at), keep === undefined ? lines[at]! : lines[at]!.slice(0, keep)].join('\n');
}

describe('a tabular capture cut off (seed 000)', () => {
  const whole = extractText(seed('000'));

  it('in the middle of a row: names the table and the row, and keeps the rows before it', () => {
    const record = extractText(readFileSync(join(BAD_INPUTS, 'cut-off-mid-table.txt'), 'utf8'));
    expect(cutOffOf(record)).toBe(`the capture stops in the middle of the overview table, at row "Number of jobs"; ${KEPT}`);
    expect(record.roles.map((r) => [r.yearlySalary, r.hourlyRate, r.growthRate])).toEqual([
      [37938, 18.24, -8],
      [42586, 20.47, -8],
    ]);
  });

  it('between two rows of a table: names the last row read', () => {
    const record = extractText(cutAt('000', '| Growth rate |'));
    expect(cutOffOf(record)).toBe(`the capture stops in the middle of the overview table, after row "Growth rate"; ${KEPT}`);
    expect(record.roles.map((r) => r.numberOfJobs)).toEqual([null, null]);
  });

  it('in the middle of a description: names the descriptions and the tables it did not reach', () => {
    const record = extractText(cutAt('000', 'An account specialist is responsible', 200));
    expect(cutOffOf(record)).toBe(
      `the capture stops after the descriptions that follow the overview table, before the salary, education and demographics tables that comparison pages carry; ${KEPT}`,
    );
    const [coordinator, specialist] = record.roles;
    expect(coordinator).toMatchObject({ yearlySalary: 37938, numberOfJobs: 40113, description: whole.roles[0].description, salaryRange: null, gender: null });
    expect(specialist.description).toBe(seed('000').split('\n').find((l) => l.startsWith('An account specialist is responsible'))!.slice(0, 200));
  });

  it('after a whole table, before the next: names that table', () => {
    const record = extractText(cutAt('000', '| Best paying industry |'));
    expect(cutOffOf(record)).toBe(`the capture stops after the salary table, before the education and demographics tables that comparison pages carry; ${KEPT}`);
    expect(record.roles.map((r) => [r.salaryRange, r.bestPayingIndustry, r.major])).toEqual(whole.roles.map((r) => [r.salaryRange, r.bestPayingIndustry, null]));
  });

  it('in the last table: names it', () => {
    const record = extractText(cutAt('000', '| Race ratio |'));
    expect(cutOffOf(record)).toBe(`the capture stops in the middle of the demographics table, after row "Race ratio"; ${KEPT}`);
    expect(record.roles.map((r) => r.race)).toEqual(whole.roles.map((r) => r.race));
  });
});

describe('a flattened capture cut off (seed 004)', () => {
  it('in the middle of a description: names its section', () => {
    const record = extractText(cutAt('004', 'Usually working alongside', 90));
    expect(cutOffOf(record)).toBe(
      `the capture stops after the section "What does a collections coordinator do?", before the salary, education and demographics tables that comparison pages carry; ${KEPT}`,
    );
  });

  it('at a section title, before its table: names the title', () => {
    const record = extractText(cutAt('004', 'Collections representative vs collections coordinator demographics'));
    expect(cutOffOf(record)).toBe(
      `the capture stops after the section "Collections representative vs collections coordinator demographics", before the demographics table that comparison pages carry; ${KEPT}`,
    );
  });

  it('at a section heading, before its list', () => {
    const record = extractText(cutAt('004', 'Common collections coordinator skills'));
    expect(cutOffOf(record)).toBe(`the capture stops at the section "Common collections coordinator skills", before its content; ${KEPT}`);
  });

  it('after the left role\'s list, before the right role\'s: keeps the list read', () => {
    const record = extractText(cutAt('004', '  • Debt Repayment, 4%'));
    expect(cutOffOf(record)).toBe(`the capture stops after the section "Common collections representative skills", before that of Collections Coordinator; ${KEPT}`);
    expect(record.roles[0].skills).toHaveLength(6);
    expect(record.roles[1].skills).toEqual([]);
  });

  it('after the responsibilities, before the skills', () => {
    const lines = seed('004').split('\n');
    const record = extractText(lines.slice(0, lines.indexOf('Collections representative vs collections coordinator skills')).join('\n'));
    expect(cutOffOf(record)).toBe(`the capture stops after the section "Collections coordinator example responsibilities.", before the roles' skills; ${KEPT}`);
  });
});

describe('an HTML capture cut off (fixture 005)', () => {
  it('in the middle of the demographics table: the parser closes the table, and the rows missing say where it stopped', () => {
    const html = readFileSync(join(FIXTURES, '005_61d26842a8aa7f89_table.html'), 'utf8');
    const cut = html.slice(0, html.indexOf('Race ratio'));
    const record = extractPage(readHtml(cut), { path: '005.html', sha256: '0'.repeat(64) });
    expect(cutOffOf(record)).toBe(`the capture stops in the middle of the demographics table, after row "Gender ratio"; ${KEPT}`);
    expect(record.roles[0].gender).toEqual({ male: 26.6, female: 73.4 });
  });
});

describe('whole captures', () => {
  it.each(['000', '001', '002', '003', '004'])('seed %s has no cut-off warning', (number) => {
    expect(cutOffWarnings(extractText(seed(number)))).toEqual([]);
  });

  it('a flattened capture that ends after its lists, with the site\'s closing link, has none (seed 004)', () => {
    expect(seed('004').trimEnd().split('\n').at(-1)).toBe('Browse office and administrative jobs');
    expect(cutOffWarnings(extractText(seed('004')))).toEqual([]);
  });
});
