import { describe, expect, it } from 'vitest';
import { matchOne, mentionedRoles, pairIsSwapped } from '../../src/extract/matchRole.js';

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
});
