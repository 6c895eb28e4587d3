import { describe, expect, it } from 'vitest';
import { splitHeader, titleEvidence } from '../../../src/read/flat/splitHeader.js';
import { seed } from '../../support/seeds.js';

/** The page evidence of a capture's non-table lines (the header row itself names nothing). */
const evidenceOf = (lines: string[], titleLine: string | null = lines[0] ?? null) => titleEvidence(lines, titleLine);

describe('splitHeader', () => {
  it('splits seed 004\'s header by the titles its own text names', () => {
    const lines = seed('004').split('\n').filter((l) => l.trim() !== '' && !l.startsWith('Collections RepresentativeCollections'));
    const split = splitHeader('Collections RepresentativeCollections Coordinator', evidenceOf(lines, 'Collections representative vs collections coordinator'));
    expect(split).toMatchObject({ titles: ['Collections Representative', 'Collections Coordinator'], alternatives: [], confirmed: true });
  });

  it('is not caught by a first title that begins like the second (the prefix trap)', () => {
    const page = evidenceOf(['Assistant manager/shift manager vs assistant store manager']);
    expect(splitHeader('Assistant Manager/Shift ManagerAssistant Store Manager', page)).toMatchObject({
      titles: ['Assistant Manager/Shift Manager', 'Assistant Store Manager'],
      alternatives: [],
    });
  });

  it('reads the titles from the intro\'s plurals when there is no title line', () => {
    const page = evidenceOf(['The differences between assistant manager/shift managers and assistant store managers can be seen in a few details.'], null);
    expect(splitHeader('Assistant Manager/Shift ManagerAssistant Store Manager', page)?.titles).toEqual(['Assistant Manager/Shift Manager', 'Assistant Store Manager']);
  });

  it('reads the older layout, whose title line shortens the second title ("… Specialist Vs Clerk")', () => {
    const page = evidenceOf(['Post Job', 'Accounts Receivable Specialist Vs Clerk'], 'Accounts Receivable Specialist Vs Clerk');
    expect(splitHeader('Accounts Receivable SpecialistAccounts Receivable Clerk', page)).toMatchObject({
      titles: ['Accounts Receivable Specialist', 'Accounts Receivable Clerk'],
      alternatives: [],
      confirmed: true,
    });
  });

  it('uses the roles\' own section headings ("What does an … do?", "Common … skills")', () => {
    const page = evidenceOf(['What Does An HR Generalist Do?', 'Common IT Manager skills'], null);
    expect(splitHeader('HR GeneralistIT Manager', page)?.titles).toEqual(['HR Generalist', 'IT Manager']);
  });

  it('falls back to the capital after a lower-case letter, unconfirmed, when the page names neither title', () => {
    expect(splitHeader('Collections RepresentativeCollections Coordinator', evidenceOf([], null))).toMatchObject({
      titles: ['Collections Representative', 'Collections Coordinator'],
      confirmed: false,
    });
  });

  it('is no header when far longer than two titles', () => {
    expect(splitHeader('Manager'.repeat(100), evidenceOf([], null))).toBeNull();
  });
});
