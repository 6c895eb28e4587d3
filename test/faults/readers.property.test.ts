import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PageError } from '../../src/errors.js';
import { extractPage } from '../../src/extract/extractPage.js';
import { decodePage } from '../../src/read/detect.js';
import type { PageDocument } from '../../src/read/document.js';
import { readFlatText } from '../../src/read/flat/readFlatText.js';
import { readHtml } from '../../src/read/html/readHtml.js';
import { readPageBytes, readPageText } from '../../src/read/readPage.js';
import { readTabularText } from '../../src/read/tabular/readTabularText.js';
import { anyText, mutatedPage } from './mutations.js';

const READERS: Array<[string, (text: string) => PageDocument]> = [
  ['readTabularText', readTabularText],
  ['readFlatText', readFlatText],
  ['readHtml', readHtml],
  ['readPageText', readPageText],
];

/** The record of a document, or the PageError the contract allows; anything else is a bug. */
function extractOrPageError(doc: PageDocument): 'record' | 'page-error' {
  try {
    extractPage(doc, { path: 'mutated.txt', sha256: '0'.repeat(64) });
    return 'record';
  } catch (error) {
    if (error instanceof PageError) return 'page-error';
    throw error;
  }
}

describe('every reader takes any text without an exception', () => {
  it.each(READERS)('%s: arbitrary strings give a document', (_, read) => {
    fc.assert(
      fc.property(anyText, (text) => {
        const doc = read(text);
        expect(Array.isArray(doc.blocks)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  // That each is read quickly is checked in test/scale/boundedTime.test.ts (npm run test:scale).
  it.each(READERS)('%s: mutated real pages give a document the extractor turns into a record or a PageError', (_, read) => {
    fc.assert(
      fc.property(mutatedPage, (page) => {
        expect(['record', 'page-error']).toContain(extractOrPageError(read(page.text)));
      }),
      { numRuns: 150 },
    );
  });
});

describe('decodePage takes any bytes', () => {
  const bytes = fc.oneof(
    fc.uint8Array({ maxLength: 3000 }),
    // Text-like bytes, with and without the BOMs and declarations the detector looks for.
    fc
      .tuple(fc.constantFrom([], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff]), fc.constantFrom('', '<meta charset="latin1">', '<?xml version="1.0" encoding="utf-16"?>', '<html>'), anyText)
      .map(([bom, head, text]) => Uint8Array.from([...bom, ...Buffer.from(head + text, 'utf8')])),
    mutatedPage.map((p) => Uint8Array.from(Buffer.from(p.text, 'latin1'))),
  );

  it('gives a decoded page or a PageError naming the file, never another exception', () => {
    fc.assert(
      fc.property(bytes, (input) => {
        try {
          const decoded = decodePage(input, 'any.bin');
          expect(decoded.pieces.every((piece) => typeof piece === "string")).toBe(true);
        } catch (error) {
          if (!(error instanceof PageError)) throw error;
          expect(error.message.startsWith('any.bin: ')).toBe(true);
          expect(error.reason).not.toContain('\n');
        }
      }),
      { numRuns: 400 },
    );
  });

  it('and the whole read of those bytes ends in a record or a PageError', () => {
    fc.assert(
      fc.property(bytes, (input) => {
        try {
          const page = readPageBytes(input, 'any.bin');
          extractOrPageError(page.document);
        } catch (error) {
          if (!(error instanceof PageError)) throw error;
        }
      }),
      { numRuns: 200 },
    );
  });
});
