import { describe, expect, it } from 'vitest';
import type { TableBlock } from '../../../src/read/document.js';
import { parsePipeRow } from '../../../src/read/tabular/pipeRow.js';
import { readTabularText } from '../../../src/read/tabular/readTabularText.js';
import { seed, seedLine } from '../../support/seeds.js';

const tables = (text: string) => readTabularText(text).blocks.filter((b): b is TableBlock => b.kind === 'table');

describe('parsePipeRow', () => {
  it('splits a row of the tabular capture', () => {
    expect(parsePipeRow(seedLine('000', '| Yearly salary |'))).toEqual(['Yearly salary', '$37,938', '$42,586']);
  });
  it('reads the older layout without a leading pipe', () => {
    expect(parsePipeRow('Yearly Salary | $39,873 | $31,163 |')).toEqual(['Yearly Salary', '$39,873', '$31,163']);
  });
  it('keeps an escaped pipe inside its cell and leaves prose alone', () => {
    expect(parsePipeRow('| Best paying company | A \\| B | C |')).toEqual(['Best paying company', 'A | B', 'C']);
    expect(parsePipeRow('Pay is listed as low | high in this text')).toBeNull();
  });
});

describe('readTabularText', () => {
  it('moves the shifted empty corner cell of the header row to the front', () => {
    const [overview] = tables(seed('000'));
    expect(overview!.rows[0]!.cells).toEqual(['', 'Collections Coordinator', 'Account Specialist']);
    expect(overview!.rows[1]!.cells).toEqual(['Yearly salary', '$37,938', '$42,586']);
    expect(overview!.rows).toHaveLength(9);
  });

  it('finds the four tables of a seed, one per run of rows', () => {
    expect(tables(seed('001')).map((t) => t.rows[1]!.cells[0])).toEqual(['Yearly salary', 'Average salary', 'Most common degree', 'Average age']);
  });

  it('starts a new table where a capture runs on into the salary table and repeats the header', () => {
    const text = [
      '| Collections Coordinator | Account Specialist | |',
      '| Yearly salary | $37,938 | $42,586 |',
      '| Collections Coordinator | Account Specialist | |',
      '| Average salary | $37,938 | $42,586 |',
    ].join('\n');
    expect(tables(text).map((t) => t.rows.map((r) => r.cells[0]))).toEqual([['', 'Yearly salary'], ['', 'Average salary']]);
  });

  it('keeps navigation and short lines as headings and sentences as paragraphs', () => {
    const doc = readTabularText(seed('000'));
    expect(doc.blocks[0]).toEqual({ kind: 'heading', text: 'Explore jobs' });
    const intro = doc.blocks.find((b) => b.kind === 'paragraph');
    expect(intro).toMatchObject({ kind: 'paragraph', text: seedLine('000', 'The differences between') });
  });

  it('takes an "X Vs Y" line of the older layout as the title', () => {
    const doc = readTabularText(['Post Job', 'Accounts Receivable Specialist Vs Clerk', 'Yearly Salary | $39,873 | $31,163 |'].join('\n'));
    expect(doc.title).toBe('Accounts Receivable Specialist Vs Clerk');
  });

  it('reads bullet lines as list items', () => {
    const doc = readTabularText('Common clerk skills\n• Customer Service, 15%\n• Patients, 12%');
    expect(doc.blocks[1]).toEqual({
      kind: 'list',
      items: [
        { text: 'Customer Service, 15%', markdown: 'Customer Service, 15%' },
        { text: 'Patients, 12%', markdown: 'Patients, 12%' },
      ],
    });
  });
});
