import { describe, expect, it } from 'vitest';
import { matchOne, mentionedRoles, nameSimilarity, pairIsSwapped, roleMentions } from '../../src/extract/matchRole.js';

describe('matching the prose\'s names to the header\'s titles', () => {
  const titles = ['Collections Coordinator', 'Account Specialist'] as const;

  it('matches singular and plural forms', () => {
    expect(matchOne('collections coordinators', titles)).toBe(0);
    expect(matchOne('an account specialist', titles)).toBe(1);
  });

  it('matches a garbled plural ("collectionss, customer service")', () => {
    expect(matchOne('collectionss, customer service', ['Collections, Customer Service', 'District Manager & Store Manager'])).toBe(0);
  });

  it('tells a pair named in swapped order (the higher-paid role first)', () => {
    expect(pairIsSwapped('account specialist', 'collections coordinator', titles)).toBe(true);
    expect(pairIsSwapped('collections coordinator', 'account specialist', titles)).toBe(false);
  });

  it('cannot tell when both titles are the same', () => {
    expect(pairIsSwapped('clerk', 'clerk', ['Clerk', 'Clerk'])).toBeNull();
  });

  it('does not count a title found only inside a longer one', () => {
    const names = [['store manager'], ['assistant store manager']] as const;
    expect(mentionedRoles('An assistant store manager supports the team.', names)).toEqual(new Set([1]));
    expect(mentionedRoles('A store manager runs the store.', names)).toEqual(new Set([0]));
  });

  it('scores names by their shared letter pairs, a repeated pair counted as often as both have it', () => {
    expect(nameSimilarity('Clerk', 'clerks')).toBeCloseTo(8 / 9);
    expect(nameSimilarity('aaaa', 'aa')).toBe(0.5); // 3 "aa" pairs and 1: one shared
    expect(nameSimilarity('Café Manager', 'cafe manager')).toBe(1);
    expect(nameSimilarity('a', 'b')).toBe(0);
    expect(nameSimilarity('', '')).toBe(0);
  });

  it('compares names in any script by their letters', () => {
    expect(nameSimilarity('Медсестра', 'медсестры')).toBeCloseTo(14 / 16);
    expect(matchOne('медсестра', ['Медсестра', 'Account Specialist'])).toBe(0);
  });

  it('finds the same mentions in many passages as one at a time', () => {
    const names = [['store manager', 'Store Managers'], ['assistant store manager']] as const;
    const passages = ['An assistant store manager supports the team.', 'Store managers run the store.', 'Nobody here.', 'A store manager and an assistant store manager.'];
    const mentionsIn = roleMentions(names);
    for (const text of passages) expect(mentionsIn(text)).toEqual(mentionedRoles(text, names));
  });
});
