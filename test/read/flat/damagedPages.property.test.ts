import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PageError } from '../../../src/errors.js';
import { readFlatText } from '../../../src/read/flat/readFlatText.js';
import { extractText } from '../../support/extractText.js';
import { seed } from '../../support/seeds.js';

const page = seed('004');
const lines = page.split('\n');

/** Damage as captures suffer it: cut off anywhere, lines lost, characters dropped or doubled. */
const damaged = fc.oneof(
  fc.integer({ min: 0, max: page.length }).map((at) => page.slice(0, at)),
  fc.array(fc.boolean(), { minLength: lines.length, maxLength: lines.length }).map((keep) => lines.filter((_, i) => keep[i]).join('\n')),
  fc.tuple(fc.integer({ min: 0, max: page.length }), fc.integer({ min: 1, max: 40 }), fc.string({ maxLength: 20 })).map(([at, n, junk]) => page.slice(0, at) + junk + page.slice(at + n)),
);

describe('damaged flattened pages', () => {
  it('are read without an exception, and extract to a record or a PageError naming the file', () => {
    fc.assert(
      fc.property(damaged, (text) => {
        const doc = readFlatText(text);
        expect(doc.layout).toBe('flat');
        try {
          extractText(text, 'damaged.txt');
        } catch (error) {
          expect(error).toBeInstanceOf(PageError);
          expect((error as PageError).message).toMatch(/^damaged\.txt: /);
        }
      }),
      { numRuns: 500, seed: 4 },
    );
  });
});
