import { describe, expect, it } from 'vitest';
import { BoundedCache } from '../../src/util/boundedCache.js';

describe('BoundedCache', () => {
  it('forgets the entries it remembered first once their cost passes the bound, used or not', () => {
    const cache = new BoundedCache<string>(30, (_, value) => value.length);
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
    const byLength = new BoundedCache<string>(100, (_, value) => value.length);
    byLength.set('description', 'x'.repeat(11));
    expect(byLength.get('description')).toBeUndefined();
  });
});
