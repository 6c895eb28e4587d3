import { describe, expect, it } from 'vitest';
import { BoundedCache } from '../../src/util/boundedCache.js';

describe('BoundedCache', () => {
  it('forgets the entries it remembered first once their cost passes the bound, used or not', () => {
    const cache = new BoundedCache<string>(30, { costOf: (_, value) => value.length });
    for (const name of ['nurse', 'doctor', 'medic', 'porter', 'clerk']) cache.set(name, `${name[0]}${name[1]}${name[2]}`); // 15
    for (const name of ['baker', 'cook', 'miner', 'smith', 'tanner']) cache.set(name, `${name[0]}${name[1]}${name[2]}`); // 30
    expect(cache.get('nurse')).toBe('nur');
    cache.set('arborist', 'arb'); // 33: nurse, the first remembered, goes
    expect(cache.get('nurse')).toBeUndefined();
    expect([cache.get('doctor'), cache.get('tanner'), cache.get('arborist')]).toEqual(['doc', 'tan', 'arb']);
  });

  it('counts entries when it is given no cost, and does not keep an entry that alone costs more than a tenth', () => {
    const byCount = new BoundedCache<number>(20);
    for (let i = 0; i < 25; i++) byCount.set(`k${i}`, i);
    expect([byCount.get('k4'), byCount.get('k5'), byCount.get('k24')]).toEqual([undefined, 5, 24]);
    const byLength = new BoundedCache<string>(100, { costOf: (_, value) => value.length });
    byLength.set('description', 'x'.repeat(11));
    expect(byLength.get('description')).toBeUndefined();
  });

  it('remembers what it makes, once a key, and makes but does not keep what a key too long gives', () => {
    const labels = new BoundedCache<string>(1_000, { longestKey: 14 });
    const made: string[] = [];
    const key = (label: string) => labels.remember(label, (l) => (made.push(l), l.trim().toLowerCase()));
    expect([key('Average Age '), key('Average Age '), key('Years of experience'), key('Years of experience')]).toEqual([
      'average age',
      'average age',
      'years of experience',
      'years of experience',
    ]);
    expect(made).toEqual(['Average Age ', 'Years of experience', 'Years of experience']);
    expect(labels.get('Years of experience')).toBeUndefined();
  });
});
