import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PageError } from '../../src/errors.js';
import { extractPage } from '../../src/extract/extractPage.js';
import { decodePage } from '../../src/read/detect.js';
import { readFlatText } from '../../src/read/flat/readFlatText.js';
import { MarkupTooDeep } from '../../src/read/html/parsePage.js';
import { readHtml } from '../../src/read/html/readHtml.js';
import { readPageText } from '../../src/read/readPage.js';
import { readTabularText } from '../../src/read/tabular/readTabularText.js';
import { readIntroSentences } from '../../src/site/introSentences.js';
import { INTRO_OPENINGS, median } from '../faults/mutations.js';
import { FIXTURES } from '../support/seeds.js';

const MB = 1_000_000;
const fill = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

/**
 * Text built to make a reader slow: runs of the characters value patterns repeat, lines and
 * rows by the hundred thousand, one row glued megabytes long, markup that nests or never ends.
 */
const HOSTILE: Record<string, (size: number) => string> = {
  'a line of spaces': (s) => fill(' ', s),
  'spaces and tabs': (s) => `${fill(' \t', s)}x`,
  digits: (s) => fill('1', s),
  'digits and commas': (s) => fill('1,', s),
  'dollar signs': (s) => fill('$', s),
  'percent signs': (s) => fill('%', s),
  'dollars, digits, commas': (s) => `${fill('$1,', s)}%`,
  pipes: (s) => fill('|', s),
  'pipes and spaces': (s) => fill('| ', s),
  'a glued row megabytes long': (s) => `Number of jobs${fill('85,275', s)}`,
  'glued rows': (s) => fill('Yearly salary$34,015$37,938\n', s),
  'pipe rows': (s) => fill('| Yearly salary | $1,1,1,1,1,1,1,1 | $2 |\n', s),
  'one pipe row megabytes long': (s) => `| Collections Coordinator | Account Specialist | |\n| Yearly salary | ${fill('$1,', s)} | $2 |\n`,
  'a glued header': (s) => fill('Collections RepresentativeCollections Coordinator', s),
  'short lines': (s) => fill('x\n', s),
  'carriage returns': (s) => fill('\r', s),
  bullets: (s) => fill('• a\n', s),
  'an intro sentence over and over': (s) => fill('It typically takes 6-12 months to become both a x and a ', s),
  'a paragraph of spans': (s) => `<p>${fill('<span>x</span>', s)}`,
  'a list of rich items': (s) => `<ul>${fill('<li><b>x</b></li>', s)}</ul>`,
  'table rows': (s) => `<table>${fill('<tr><td>Yearly salary</td><td>$1</td><td>$2</td></tr>', s)}</table>`,
  'unclosed tags': (s) => fill('<a ', s),
  'less-than signs': (s) => fill('<', s),
  'a long attribute': (s) => `<div class="${fill('a ', s)}">x</div>`,
  'nested divs': (s) => `${fill('<div>', s)}x`,
  // End tags that close nothing: the text looks flat, the parser's stack grows without end.
  'nested menus with stray end tags': (s) => fill('<nav><li>a</div>', s),
  // Each table's prose was read again by every table (2 MB took two minutes).
  'glued tables with prose between them': (s) =>
    fill('Collections RepresentativeCollections Coordinator\nYearly salary$34,015$37,938\nCollections representatives earn $34,015 a year.\n', s),
  'unclosed bold': (s) => `<p>${fill('<b>', s)}x`,
  'a saved page on one line': (s) => fill(readFileSync(join(FIXTURES, '000_61d26842a8aa7f89.txt'), 'utf8').replace(/\n/g, ' '), s),
};

/** The record of text, or the PageError the contract allows: the readers and the splitters after them. */
function extractText(text: string): void {
  try {
    extractPage(readPageText(text), { path: 'hostile.txt', sha256: '0'.repeat(64) });
  } catch (error) {
    if (!(error instanceof PageError)) throw error;
  }
}

/** The page document of markup, or the `MarkupTooDeep` it may throw on markup nested past any page. */
function readMarkup(text: string): void {
  try {
    readHtml(text);
  } catch (error) {
    if (!(error instanceof MarkupTooDeep)) throw error;
  }
}

const READERS: Array<[string, (text: string) => unknown]> = [
  ['readTabularText', readTabularText],
  ['readFlatText', readFlatText],
  ['readHtml', readMarkup],
  ['readPageText + extractPage', extractText],
];

/**
 * Linear time, checked by scaling rather than by a clock limit: quadrupling the input may
 * quadruple the time, where a backtracking pattern would multiply it by sixteen or more. The
 * bound of 10× sits between the two so that a busy machine (CI, a benchmark next door) does not
 * fail a linear reader, and the median of five runs and a 25 ms floor keep timer and collector
 * noise on small times from counting: the fastest run of the small input is sometimes the one
 * no collection fell in, which the large input never has. The 2 MB read must also end within a
 * few seconds.
 */
function expectLinear<T>(read: (input: T) => unknown, make: (size: number) => T, [smallSize, largeSize] = [MB / 2, 2 * MB]): void {
  const small = make(smallSize);
  const large = make(largeSize);
  const a = median(() => read(small));
  const b = median(() => read(large));
  expect({ msSmall: Math.round(a), msLarge: Math.round(b), linear: b / Math.max(a, 25) < 10 }).toMatchObject({ linear: true });
  expect(b).toBeLessThan(10_000);
}

// A timing can still be disturbed by the machine; a quadratic reader fails every retry.
const TIMING = { retry: 2 };

describe.each(READERS)('%s reads hostile text in linear time', TIMING, (_, read) => {
  it.each(Object.entries(HOSTILE))('%s', (__, make) => expectLinear(read, make));
});

// An intro is a paragraph of 4,000 characters at most (longer ones are skipped): its patterns
// must stay linear up to that size, whichever sentence opening repeats.
describe('readIntroSentences reads a paragraph up to the intro size limit in linear time', TIMING, () => {
  it.each(INTRO_OPENINGS)('%j over and over', (opening) => expectLinear((text: string) => readIntroSentences([text]), (size) => fill(opening, size), [999, 3999]));
});

describe('decodePage decodes in linear time', TIMING, () => {
  const decode = (bytes: Uint8Array) => {
    try {
      decodePage(bytes, 'x.html');
    } catch (error) {
      if (!(error instanceof PageError)) throw error;
    }
  };
  it.each([
    ['latin-1 text', (s: number) => Buffer.from(fill('café ', s), 'latin1')],
    ['UTF-16 with a BOM', (s: number) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(fill('Yearly salary ', s / 2), 'utf16le')])],
    ['a charset declaration and then text', (s: number) => Buffer.from(`<meta charset="windows-1252">${fill('<meta ', s)}`, 'latin1')],
  ])('%s', (__, make) => expectLinear(decode, make));
});
