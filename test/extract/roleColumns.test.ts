import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findRoleTitles } from '../../src/extract/roleColumns.js';
import { readPageText } from '../../src/read/readPage.js';
import { FIXTURES, seed, seedLine } from '../support/seeds.js';

const rolesOf = (text: string) => findRoleTitles(readPageText(text), 'page.txt');

describe('findRoleTitles', () => {
  it('takes the overview\'s header on a page that has one (seed 000)', () => {
    expect(rolesOf(seed('000'))).toEqual({ titles: ['Collections Coordinator', 'Account Specialist'], hasOverview: true });
  });

  it('takes the salary table\'s header on a page without an overview', () => {
    const page = readFileSync(join(FIXTURES, '010_no-overview.txt'), 'utf8');
    expect(rolesOf(page)).toEqual({ titles: ['Tree Trimmer', 'Arborist'], hasOverview: false });
  });

  it('takes the roles from whichever comparison table names them: the demographics table alone (seed 000)', () => {
    const lines = seed('000').split('\n');
    const demographics = lines.slice(lines.findIndex((l) => l.includes("demographics:")));
    expect(rolesOf(demographics.join('\n'))).toEqual({ titles: ['Collections Coordinator', 'Account Specialist'], hasOverview: false });
  });

  it('passes over a table of another kind whose header looks like two titles', () => {
    const page = [
      '| Skill | Share of resumes | |',
      '| Customer Service | 15.0% |',
      seedLine('000', 'have different pay scales'),
      '| Collections Coordinator | Account Specialist | |',
      seedLine('000', '| Average salary |'),
    ].join('\n');
    expect(rolesOf(page).titles).toEqual(['Collections Coordinator', 'Account Specialist']);
  });

  it('counts an overview whose rows the reader could not split as an overview (seed 004)', () => {
    const page = seed('004')
      .replace('Yearly salary$34,015$37,938', 'Yearly salary$34,015$37,938$1')
      .replace('Hourly rate$16.35$18.24', 'Hourly rate$16.35$18.24$2')
      .replace('Growth rate-8%-8%', 'Growth rate-8%-8%-8%')
      .replace('Number of jobs85,27540,113', 'Number of jobs');
    // None of the overview's own rows is left in a table.
    expect(readPageText(page).blocks.some((b) => b.kind === 'table' && b.rows.some((r) => r.cells[0] === 'Growth rate'))).toBe(false);
    expect(rolesOf(page)).toEqual({ titles: ['Collections Representative', 'Collections Coordinator'], hasOverview: true });
  });
});
