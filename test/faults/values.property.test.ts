import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readIntroSentences, splitSkillList } from '../../src/site/introSentences.js';
import { ROW_FIELDS } from '../../src/site/rowFields.js';
import { parseCount, parseDecimal, parseMoney, parsePercent, parseWholeDollars } from '../../src/values/numbers.js';
import type { Parsed } from '../../src/values/parsed.js';
import { parseGender, parseNamedShare, parseRace, parseSalaryRange, parseShareList, parseText } from '../../src/values/shares.js';
import { seed } from '../support/seeds.js';
import { anyText, INTRO_OPENINGS, siteText } from './mutations.js';

const PARSERS: Array<[string, (text: string) => Parsed<unknown>]> = [
  ['parseMoney', parseMoney],
  ['parseWholeDollars', parseWholeDollars],
  ['parsePercent', parsePercent],
  ['parseCount', parseCount],
  ['parseDecimal', parseDecimal],
  ['parseNamedShare', (t) => parseNamedShare(t)],
  ['parseSalaryRange', parseSalaryRange],
  ['parseShareList', (t) => parseShareList(t, 'race ratio')],
  ['parseGender', parseGender],
  ['parseRace', parseRace],
  ['parseText', parseText],
];

/** Real cells of the seeds, so mutations start from what the site prints. */
const CELLS = seed('000')
  .split('\n')
  .filter((l) => l.startsWith('|'))
  .flatMap((l) => l.split('|').map((c) => c.trim()))
  .filter(Boolean);

const cellText = fc.oneof(
  anyText,
  // A real cell with a run of one of its own characters inserted: long runs of digits, commas, "$", "%".
  fc.tuple(fc.constantFrom(...CELLS), fc.nat(), fc.constantFrom('1', ',', '$', '%', '1,', ' ', '.'), fc.integer({ min: 1, max: 5000 })).map(([cell, at, run, n]) => {
    const i = at % (cell.length + 1);
    return cell.slice(0, i) + run.repeat(n) + cell.slice(i);
  }),
);

/** Every number in a parsed value is a real one (no NaN, no Infinity from hundreds of digits). */
function numbersIn(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(numbersIn);
  return [];
}

describe('value parsers take any text: a value, null for "-", or a one-line reason; never an exception', () => {
  it.each(PARSERS)('%s', (_, parse) => {
    fc.assert(
      fc.property(cellText, (text) => {
        const result = parse(text);
        if (result.ok) {
          for (const n of numbersIn(result.value)) expect(Number.isFinite(n)).toBe(true);
        } else {
          expect(result.reason).not.toMatch(/[\r\n]/);
          expect(result.reason.length).toBeLessThan(200);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the row parsers of every label do the same', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ROW_FIELDS), cellText, (row, text) => {
        const result = row.parse(text);
        if (!result.ok) expect(result.reason).not.toMatch(/[\r\n]/);
      }),
      { numRuns: 500 },
    );
  });
});

describe('what the site prints reads back exactly', () => {
  it('whole dollars, grouped by threes: "$37,938"', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), (n) => {
        expect(parseWholeDollars(`$${n.toLocaleString('en-US')}`)).toEqual({ ok: true, value: n });
      }),
    );
  });

  it('hourly rates with cents: "$18.24"', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 0, max: 99 }), (dollars, cents) => {
        const text = `$${dollars.toLocaleString('en-US')}.${String(cents).padStart(2, '0')}`;
        expect(parseMoney(text)).toEqual({ ok: true, value: dollars + cents / 100 });
      }),
    );
  });

  it('counts and percentages: "116,010", "-8%"', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 9 }), fc.integer({ min: -100, max: 100 }), (count, pct) => {
        expect(parseCount(count.toLocaleString('en-US'))).toEqual({ ok: true, value: count });
        expect(parsePercent(`${pct}%`)).toEqual({ ok: true, value: pct });
      }),
    );
  });

  it('a number of hundreds of digits is refused with its length, not read as Infinity', () => {
    expect(parseCount('9'.repeat(400))).toEqual({
      ok: false,
      reason: `"${'9'.repeat(59)}…" has 400 digits, too many for a number of the site`,
    });
    expect(parseMoney(`$${'9'.repeat(400)}`).ok).toBe(false);
    expect(parseDecimal('9'.repeat(400)).ok).toBe(false);
  });
});

describe('the intro sentences take any paragraphs', () => {
  const INTRO = seed('000').split('\n').slice(6, 8);
  const paragraph = fc.oneof(
    anyText,
    siteText,
    fc.array(fc.constantFrom(...INTRO_OPENINGS), { maxLength: 200 }).map((parts) => parts.join('')),
    fc.tuple(fc.constantFrom(...INTRO), fc.nat(), anyText).map(([p, at, s]) => p.slice(0, at % p.length) + s + p.slice(at % p.length)),
  );

  it('readIntroSentences never throws and names only text that is in the paragraph', () => {
    fc.assert(
      fc.property(fc.array(paragraph, { maxLength: 4 }), (paragraphs) => {
        const facts = readIntroSentences(paragraphs);
        const all = paragraphs.join('\n');
        for (const t of facts.timeToBecome) expect(all).toContain(t.name);
        for (const s of facts.salaries) expect(all).toContain(s.amount);
      }),
      { numRuns: 400 },
    );
  });

  it('splitSkillList gives trimmed, non-empty names', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, fc.array(fc.constantFrom('customer service', ', ', ' and ', 'and ', ',', ' '), { maxLength: 50 }).map((p) => p.join(''))), (list) => {
        for (const name of splitSkillList(list)) {
          expect(name).toBe(name.trim());
          expect(name).not.toBe('');
        }
      }),
    );
  });

  it('reads a paragraph of one sentence opening repeated to the size limit, and names only text in it', () => {
    // Longer paragraphs are not intros and are skipped. That the lazy patterns stay linear up to
    // the limit is timed by `npm run test:scale` (test/scale/hostileText.test.ts).
    for (const fragment of INTRO_OPENINGS) {
      const text = fragment.repeat(Math.floor(3999 / fragment.length));
      const facts = readIntroSentences([text]);
      for (const t of facts.timeToBecome) expect(text).toContain(t.name);
      for (const salary of facts.salaries) expect(text).toContain(salary.amount);
    }
    expect(readIntroSentences(['takes 1 year to become both a x and a '.repeat(1000)])).toEqual({
      pluralPair: null,
      timeToBecome: [],
      salaries: [],
      topSkills: [],
    });
  });
});
