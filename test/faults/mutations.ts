import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { FIXTURES } from '../support/seeds.js';

/** Every page in fixtures/ (the five seed captures and their HTML renderings), as text. */
export const PAGES: ReadonlyArray<{ name: string; text: string }> = readdirSync(FIXTURES)
  .filter((f) => /\.(txt|html)$/.test(f))
  .sort()
  .map((name) => ({ name, text: readFileSync(join(FIXTURES, name), 'utf8') }));

/** Characters the site's values and markup are made of, so random text hits the parsers' paths. */
const SITE_CHARS = [...'0123456789,.$%-| \n\t<>/"\'=&;:#()•…–—éñ'];
export const siteText = fc.string({ unit: fc.constantFrom(...SITE_CHARS), maxLength: 400 });
export const anyText = fc.oneof(fc.string({ maxLength: 400 }), fc.string({ unit: 'binary', maxLength: 400 }), siteText);

/** One edit a capture tool, a truncated download or a person could make to a page. */
type Mutation = (text: string) => string;

const at = (text: string, f: number) => Math.floor(f * text.length);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  // Cut off at any point (a download that stopped).
  fc.double({ min: 0, max: 1, noNaN: true }).map((f) => (t: string) => t.slice(0, at(t, f))),
  // A slice deleted.
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 400 })).map(([f, n]) => (t: string) => t.slice(0, at(t, f)) + t.slice(at(t, f) + n)),
  // A slice duplicated in place (a capture that scrolled back).
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 2000 })).map(([f, n]) => (t: string) => t.slice(0, at(t, f) + n) + t.slice(at(t, f))),
  // Text inserted.
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), anyText).map(([f, s]) => (t: string) => t.slice(0, at(t, f)) + s + t.slice(at(t, f))),
  // A run of one value character inserted (backtracking bait).
  fc
    .tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom('1', '1,', '$', '%', '$1,', '|', ' ', '<b>', '-', '•'), fc.integer({ min: 1, max: 3000 }))
    .map(([f, s, n]) => (t: string) => t.slice(0, at(t, f)) + s.repeat(n) + t.slice(at(t, f))),
  // Line ends changed, or lines glued together (a flattening capture).
  fc.constantFrom<Mutation>(
    (t) => t.replace(/\n/g, '\r\n'),
    (t) => t.replace(/\n/g, '\r'),
    (t) => t.replace(/\n/g, ''),
    (t) => t.replace(/\|/g, ''),
    (t) => t.replace(/\d/g, '9'),
    (t) => t.toUpperCase(),
  ),
  // Two lines swapped.
  fc.tuple(fc.nat(), fc.nat()).map(([i, j]) => (t: string) => {
    const lines = t.split('\n');
    const a = i % lines.length;
    const b = j % lines.length;
    [lines[a], lines[b]] = [lines[b]!, lines[a]!];
    return lines.join('\n');
  }),
);

/** A page of fixtures/ with one to four mutations applied. */
export const mutatedPage = fc
  .tuple(fc.constantFrom(...PAGES), fc.array(mutation, { minLength: 1, maxLength: 4 }))
  .map(([page, edits]) => ({ name: page.name, text: edits.reduce((t, edit) => edit(t), page.text) }));

/**
 * The middle of a few runs, in milliseconds: a run that other work slowed, or one that a garbage
 * collection happened to miss, moves it less than it moves the fastest or the slowest.
 */
export function median(run: () => unknown, times = 5): number {
  const runs: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    run();
    runs.push(performance.now() - started);
  }
  return runs.sort((a, b) => a - b)[Math.floor(times / 2)]!;
}

/** The fastest of a few runs, in milliseconds: the least disturbed by the other work on the machine. */
export function fastest(run: () => unknown, times = 3): number {
  let best = Infinity;
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    run();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

/** Openings of the intro's sentences, which the intro's patterns look for, to repeat and mix. */
export const INTRO_OPENINGS = [
  'It typically takes 6-12 months to become both a ',
  'takes 1-2 years to become a ',
  ', becoming a ',
  ' and a ',
  ' has an average salary of $42,586, which is higher than the ',
  ' average annual salary of an ',
  'The top three skills for a ',
  ' include ',
  'differences between ',
  ' can be seen',
  'customer service, ',
  '. ',
];
