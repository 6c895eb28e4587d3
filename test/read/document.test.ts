import fc from 'fast-check';
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

  it('collapses page-long text by the same rule, lone surrogates kept', () => {
    const rule = (text: string) => text.replace(/[\s\u00a0]+/g, ' ').trim();
    // A text node of short lines, as a broken save can hold: a million runs of whitespace.
    const lines = 'x\n'.repeat(1_000_000);
    expect(collapseWhitespace(lines)).toBe(rule(lines));
    const unit = fc.string({ unit: fc.constantFrom('a', 'é', ' ', '\n', '\t', '\u00a0', '\u2003', '\u2028', '\ufeff', '\ud800'), minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(unit, (text) => {
        const long = text.repeat(Math.ceil(70_000 / text.length));
        expect(collapseWhitespace(long)).toBe(rule(long));
      }),
      { numRuns: 40 },
    );
  });
});
