import { describe, expect, it } from 'vitest';
import { isIntroParagraph, readIntroSentences, splitSkillList } from '../../src/site/introSentences.js';
import { seedLine } from '../support/seeds.js';

describe('readIntroSentences', () => {
  it('reads "takes 6-12 months to become both a … and a …" for both roles (seed 000)', () => {
    const intro = readIntroSentences([seedLine('000', 'The differences between')]);
    expect(intro.timeToBecome).toEqual([
      { name: 'collections coordinator', time: '6-12 months' },
      { name: 'account specialist', time: '6-12 months' },
    ]);
    expect(intro.pluralPair).toBe('collections coordinators and account specialists');
  });

  it('reads the salary sentence with the higher-paid role named first (seed 000)', () => {
    const intro = readIntroSentences([seedLine('000', 'The differences between')]);
    expect(intro.salaries).toEqual([
      { name: 'account specialist', amount: '$42,586' },
      { name: 'collections coordinator', amount: '$37,938' },
    ]);
  });

  it('reads "While it typically takes 1-2 years to become a …, becoming a … usually requires 6-8 years"', () => {
    const intro = readIntroSentences([
      'Each job has different responsibilities and duties. While it typically takes 1-2 years to become a credit analyst, becoming a credit manager usually requires 6-8 years.',
    ]);
    expect(intro.timeToBecome).toEqual([
      { name: 'credit analyst', time: '1-2 years' },
      { name: 'credit manager', time: '6-8 years' },
    ]);
  });

  it('reads the site\'s garbled "becoming a … takes usually requires 6-12 months" without the verb in the name', () => {
    const intro = readIntroSentences([
      'While it typically takes 2-4 years to become a journeyman, becoming a master electrician takes usually requires 6-12 months.',
    ]);
    expect(intro.timeToBecome).toEqual([
      { name: 'journeyman', time: '2-4 years' },
      { name: 'master electrician', time: '6-12 months' },
    ]);
  });

  it('reads both skills sentences (seed 000)', () => {
    const intro = readIntroSentences([seedLine('000', 'The top three skills')]);
    expect(intro.topSkills).toEqual([
      { name: 'collections coordinator', skills: ['customer service', 'patients', 'phone calls'] },
      { name: 'account specialist', skills: ['customer service', 'patients', 'account management'] },
    ]);
  });

  it('passes over a paragraph too long to be an intro', () => {
    expect(readIntroSentences([`${'takes 1 year to become a '.repeat(500)}x.`]).timeToBecome).toEqual([]);
  });
});

describe('isIntroParagraph', () => {
  it('is true of the intro\'s paragraphs (seed 000)', () => {
    expect(isIntroParagraph(seedLine('000', 'The differences between'))).toBe(true);
    expect(isIntroParagraph(seedLine('000', 'The top three skills'))).toBe(true);
  });

  it('is false of a description and of the pay scales sentence (seed 000)', () => {
    expect(isIntroParagraph(seedLine('000', 'Usually working alongside'))).toBe(false);
    expect(isIntroParagraph(seedLine('000', 'have different pay scales'))).toBe(false);
  });
});

describe('splitSkillList', () => {
  it('splits with and without the serial comma', () => {
    expect(splitSkillList('customer service, patients and phone calls')).toEqual(['customer service', 'patients', 'phone calls']);
    expect(splitSkillList('customer service, patients, and account management')).toEqual(['customer service', 'patients', 'account management']);
  });
  it('keeps "and" inside a name when the commas already give three', () => {
    expect(splitSkillList('research and development, patients, and sales')).toEqual(['research and development', 'patients', 'sales']);
  });
});
