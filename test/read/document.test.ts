import { describe, expect, it } from 'vitest';
import { collapseWhitespace } from '../../src/read/document.js';

describe('collapsing whitespace', () => {
  it('turns every run of whitespace into one space and trims', () => {
    expect(collapseWhitespace('  Yearly\u00a0 salary\t$37,938\n')).toBe('Yearly salary $37,938');
    expect(collapseWhitespace('a  b')).toBe('a b');
    expect(collapseWhitespace('a\u2003b\u2028c\ufeff')).toBe('a b c');
  });

  it('returns already collapsed text as it is, but for its ends', () => {
    expect(collapseWhitespace('Yearly salary $37,938')).toBe('Yearly salary $37,938');
    expect(collapseWhitespace(' Yearly salary ')).toBe('Yearly salary');
    expect(collapseWhitespace('')).toBe('');
    expect(collapseWhitespace(' ')).toBe('');
  });
});
