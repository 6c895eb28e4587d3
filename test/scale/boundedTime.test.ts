import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PageError } from '../../src/errors.js';
import { extractPage } from '../../src/extract/extractPage.js';
import type { PageDocument } from '../../src/read/document.js';
import { readFlatText } from '../../src/read/flat/readFlatText.js';
import { MarkupTooDeep } from '../../src/read/html/parsePage.js';
import { readHtml } from '../../src/read/html/readHtml.js';
import { readPageText } from '../../src/read/readPage.js';
import { readTabularText } from '../../src/read/tabular/readTabularText.js';
import { fastest, mutatedPage } from '../faults/mutations.js';

// Checks on wall time, kept out of `npm test` (which must pass on a busy machine): run them on a
// quiet one with `npm run test:scale`. The same inputs are read for their results in `npm test`.

const READERS: Array<[string, (text: string) => PageDocument]> = [
  ['readTabularText', readTabularText],
  ['readFlatText', readFlatText],
  ['readHtml', readHtml],
  ['readPageText', readPageText],
];

describe('mutated real pages are read quickly', () => {
  it.each(READERS)('%s', (_, read) => {
    fc.assert(
      fc.property(mutatedPage, (page) => {
        const started = performance.now();
        try {
          extractPage(read(page.text), { path: 'mutated.txt', sha256: '0'.repeat(64) });
        } catch (error) {
          if (!(error instanceof PageError)) throw error;
        }
        // A mutated page is at most a few dozen KB: a linear read takes milliseconds, a
        // quadratic one (2,000 unclosed <b>s, say) took seconds.
        expect(performance.now() - started).toBeLessThan(1500);
      }),
      { numRuns: 150 },
    );
  });
});

describe('readHtml on markup nested past any page', () => {
  it('takes time in proportion to the nesting above the limit (the parser alone would take its square)', () => {
    const nested = (n: number) => `<div>${'<i>'.repeat(n)}x${'</i>'.repeat(n)}</div>`;
    const read = (html: string) => () => expect(() => readHtml(html)).toThrow(MarkupTooDeep);
    // Four times the nesting: linear work takes about 4x, the parser's square would take 16x.
    const a = fastest(read(nested(100_000)));
    const b = fastest(read(nested(400_000)));
    expect(b / Math.max(a, 10)).toBeLessThan(10);
  });
});
