import { describe, expect, it } from 'vitest';
import { BoundedCache } from '../../src/util/boundedCache.js';

describe('BoundedCache', () => {
  it('forgets the least recently used entries once their cost passes the bound', () => {
    const cache = new BoundedCache<string>(30, (_, value) => value.length);
    for (const name of ['nurse', 'doctor', 'medic', 'porter', 'clerk']) cache.set(name, `${name[0]}${name[1]}${name[2]}`); // 15
    for (const name of ['baker', 'cook', 'miner', 'smith', 'tanner']) cache.set(name, `${name[0]}${name[1]}${name[2]}`); // 30
    expect(cache.get('nurse')).toBe('nur'); // used again: doctor is now the oldest
    cache.set('arborist', 'arb'); // 33: doctor goes
    expect(cache.get('doctor')).toBeUndefined();
    expect([cache.get('nurse'), cache.get('medic'), cache.get('arborist')]).toEqual(['nur', 'med', 'arb']);
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
