import { describe, expect, it } from 'vitest';
import { plural } from '../src/words.js';

describe('plural: a count with its noun', () => {
  it.each([
    [0, 'page', '0 pages'],
    [1, 'page', '1 page'],
    [2, 'page', '2 pages'],
    [1200, 'capture', '1,200 captures'],
    [1, 'conflicting field', '1 conflicting field'],
  ])('%d %s → %s', (n, noun, text) => {
    expect(plural(n, noun)).toBe(text);
  });

  it('takes an irregular plural', () => {
    expect(plural(3, 'was', 'were')).toBe('3 were');
  });
});
