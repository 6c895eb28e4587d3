import { describe, expect, it } from 'vitest';
import type { HeadingBlock, ListBlock, TableBlock } from '../../../src/read/document.js';
import { readFlatText } from '../../../src/read/flat/readFlatText.js';
import { seed } from '../../support/seeds.js';

const page = seed('004');
const tables = (text: string) => readFlatText(text).blocks.filter((b): b is TableBlock => b.kind === 'table');
const headings = (text: string) => readFlatText(text).blocks.filter((b): b is HeadingBlock => b.kind === 'heading').map((h) => h.text);
const lists = (text: string) => readFlatText(text).blocks.filter((b): b is ListBlock => b.kind === 'list');
const rowOf = (text: string, label: string) => tables(text).flatMap((t) => t.rows).find((r) => r.cells[0] === label);
/** Seed 004 with one line replaced: the hard rows, tested where they occur, in a page. */
const withLine = (from: string, to: string): string => {
  if (!page.includes(from)) throw new Error(`seed 004 has no "${from}"`);
  return page.replace(from, to);
};

describe('readFlatText on seed 004', () => {
  const doc = readFlatText(page);

  it('is a flattened text page with its title line as title', () => {
    expect(doc).toMatchObject({ title: 'Collections representative vs collections coordinator', url: null, format: 'text', layout: 'flat', notes: [] });
  });

  it('keeps the section headings as printed', () => {
    expect(headings(page)).toEqual(expect.arrayContaining([
      'Collections representative vs collections coordinator',
      'Collections representative vs collections coordinator overview',
      'What does a collections representative do?',
      'Differences between collections representative and collections coordinator education',
      'Collections coordinator example responsibilities.',
      'Common collections representative skills',
    ]));
  });

  it('reads the four tables with the header row first, as the tabular reader does', () => {
    const found = tables(page);
    expect(found.map((t) => t.rows.map((r) => r.cells[0]))).toEqual([
      ['', 'Yearly salary', 'Hourly rate', 'Growth rate', 'Number of jobs', 'Job satisfaction', 'Most common degree', 'Average age', 'Years of experience'],
      ['', 'Average salary', 'Salary range', 'Highest paying City', 'Highest paying state', 'Best paying company', 'Best paying industry'],
      ['', 'Most common degree', 'Most common major', 'Most common college'],
      ['', 'Average age', 'Gender ratio', 'Race ratio', 'LGBT Percentage'],
    ]);
    for (const t of found) expect(t.rows[0]!.cells).toEqual(['', 'Collections Representative', 'Collections Coordinator']);
  });

  it('records where each row\'s cells came from and that nothing else fitted', () => {
    expect(rowOf(page, 'Number of jobs')).toEqual({
      cells: ['Number of jobs', '85,275', '40,113'],
      split: { glued: '85,27540,113', alternatives: [], reason: 'the only split where thousands are grouped in threes' },
    });
  });

  it('reads the bullet lists without the bullet and without "Show more"', () => {
    const [representative, coordinator, skills] = lists(page);
    expect(representative!.items).toHaveLength(6);
    expect(representative!.items[0]!.text).toBe('Protect A/R assets by managing a portfolio of accounts to maximize gainful sales and reduce debt losses.');
    expect(coordinator!.items.at(-1)!.text).toBe('Submit insurance appeals and provider disputes when necessary.');
    expect(skills!.items.map((i) => i.text).slice(0, 2)).toEqual(['Payment Arrangements, 14%', 'Customer Service, 13%']);
  });

  it('keeps the intro as paragraphs', () => {
    expect(doc.blocks.find((b) => b.kind === 'paragraph')).toMatchObject({ kind: 'paragraph', text: expect.stringMatching(/^The differences between collections representatives and collections coordinators/) });
  });
});

describe('hard rows inside a page', () => {
  it('keeps both readings of Years of experience122 for the extractor to warn about', () => {
    const row = rowOf(withLine('Years of experience1212', 'Years of experience122'), 'Years of experience')!;
    expect([row.cells.slice(1), ...row.split!.alternatives]).toEqual(expect.arrayContaining([['1', '22'], ['12', '2']]));
  });

  it('reads the older capitalisation ("Post Job", "Years Of Experience", "Vs")', () => {
    const old = page
      .replace('Post job', 'Post Job')
      .replace('Collections representative vs collections coordinator\n', 'Collections Representative Vs Collections Coordinator\n')
      .replace('Years of experience1212', 'Years Of Experience1212');
    expect(readFlatText(old).title).toBe('Collections Representative Vs Collections Coordinator');
    expect(rowOf(old, 'Years Of Experience')!.cells).toEqual(['Years Of Experience', '12', '12']);
  });
});

describe('rows that cannot be read', () => {
  it('notes a row of a label the reader does not know and reads the rest of the table', () => {
    const text = withLine('Hourly rate$16.35$18.24', 'Hourly rate$16.35$18.24\nMedian wage$40,000$45,000');
    const doc = readFlatText(text);
    expect(doc.notes).toEqual([{ label: null, message: 'table row "Median wage$40,000$45,000" has a label the reader does not know; left out' }]);
    expect(tables(text)[0]!.rows.map((r) => r.cells[0])).toContain('Years of experience');
  });

  it('notes a truncated row by its label and leaves it out', () => {
    const doc = readFlatText(withLine('Number of jobs85,27540,113', 'Number of jobs85,2'));
    expect(doc.notes).toEqual([{ label: 'Number of jobs', message: 'row "Number of jobs": no way to cut "85,2" into two number of jobs values; left out' }]);
  });

  it('reads a capture cut off in the middle of a row without throwing', () => {
    const cut = page.slice(0, page.indexOf('Hispanic or Latino, 18.9%'));
    const doc = readFlatText(cut);
    expect(doc.notes).toEqual([{ label: 'Race ratio', message: expect.stringMatching(/^row "Race ratio": no way to cut "Black or African American, 12\.2% Unknown, 3\.9%" into two race ratio values; left out$/) }]);
    expect(tables(cut)).toHaveLength(4);
  });

  it('notes a row with no values after its label', () => {
    expect(readFlatText(withLine('Average age4646\nGender', 'Average age\nGender')).notes[0]).toEqual({
      label: 'Average age',
      message: 'row "Average age" has no values (the capture may be cut off); left out',
    });
  });

  it('notes a 5 MB row instead of searching it', () => {
    const doc = readFlatText(withLine('Best paying companyUniversity of California, BerkeleyUniversity of California, Berkeley', `Best paying company${'Acme'.repeat(1_250_000)}`));
    expect(doc.notes).toHaveLength(1);
    expect(doc.notes[0]!.message).toMatch(/^row "Best paying company": "AcmeAcme.*" cannot be split: its 5000000 characters are longer than any two cells of the site; left out$/);
  });

  it('gives a table whose header row is missing the header of the page\'s other tables, with a note', () => {
    const text = withLine('Collections RepresentativeCollections Coordinator\nAverage salary', 'Average salary');
    expect(tables(text)[1]!.rows[0]!.cells).toEqual(['', 'Collections Representative', 'Collections Coordinator']);
    expect(readFlatText(text).notes).toEqual([{ label: 'title', message: 'a table has no header row; took the titles "Collections Representative" | "Collections Coordinator" from elsewhere on the page' }]);
  });

  it('says so when a header cannot be split, and uses the titles of the other tables', () => {
    const text = withLine('Collections RepresentativeCollections Coordinator\nAverage salary', 'collections representative collections coordinator\nAverage salary');
    expect(tables(text)[1]!.rows[0]!.cells).toEqual(['', 'Collections Representative', 'Collections Coordinator']);
    expect(readFlatText(text).notes).toEqual([
      { label: 'title', message: 'table header "collections representative collections coordinator" could not be split into two role titles; used "Collections Representative" | "Collections Coordinator" from elsewhere on the page' },
    ]);
  });

  it('takes a line that only begins like a label for prose, not a row', () => {
    const text = withLine('Here are the differences', 'Average agency fees vary.\nHere are the differences');
    expect(readFlatText(text).notes).toEqual([]);
    expect(readFlatText(text).blocks).toContainEqual({ kind: 'paragraph', text: 'Average agency fees vary.', markdown: 'Average agency fees vary.' });
  });

  it('reads an empty text as an empty document', () => {
    expect(readFlatText('')).toEqual({ title: null, blocks: [], url: null, format: 'text', layout: 'flat', notes: [] });
  });
});
