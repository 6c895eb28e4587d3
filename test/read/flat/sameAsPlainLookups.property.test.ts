import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROW_FIELDS } from '../../../src/site/rowFields.js';
import { digitsMisfit, textBoundary } from '../../../src/read/flat/cellFormats.js';
import { gluedRow, isHeadingLine } from '../../../src/read/flat/lines.js';
import { MAX_HEADER_LENGTH, pluralForms, splitHeader, titleEvidence } from '../../../src/read/flat/splitHeader.js';
import { clip } from '../../../src/read/flat/splitGluedRow.js';

/**
 * digitsMisfit scans by hand, splitHeader scores cuts against an index, and the line and cell
 * tests skip their patterns where a character says they cannot match, all for speed. These are
 * the plain versions they replaced, kept as the oracle: same answers on any text.
 */

function plainTextBoundary(g: string, at: number): boolean {
  const a = g[at - 1];
  const b = g[at];
  if (a === undefined || b === undefined || /\s/.test(a) || /\s/.test(b)) return false;
  if ((at === 1 && /^[-\u2010-\u2015\u2212]$/.test(g[0]!)) || (at === g.length - 1 && /^[-\u2010-\u2015\u2212]$/.test(b))) return true;
  if (/[,(/&\-+]/.test(a)) return false;
  return /\p{Lu}/u.test(b) || (b >= '0' && b <= '9') || /["\u201c(]/.test(b);
}

const SECTION_HEADINGS = [/^.{1,150} example responsibilities\.?$/i, /^what does .{1,150} do\??$/i, /^common .{1,150} skills:?$/i];
function plainIsHeadingLine(line: string): boolean {
  if (SECTION_HEADINGS.some((p) => p.test(line))) return true;
  return line.length <= 120 && !/[.:;,]$/.test(line) && !/[.!?]\s/.test(line);
}

const LABELS = [...ROW_FIELDS].sort((a, b) => b.label.length - a.label.length);
function plainGluedRow(line: string) {
  const head = line.slice(0, 40).toLowerCase();
  for (const field of LABELS) {
    if (!head.startsWith(field.label)) continue;
    if (/\p{Ll}/u.test(line[field.label.length] ?? '')) continue;
    return { label: line.slice(0, field.label.length), field, glued: line.slice(field.label.length).replace(/^\s*:/, '').trim() };
  }
  return null;
}

function plainDigitsMisfit(cell: string): string | null {
  for (const m of cell.matchAll(/[.\d][\d,.]*/g)) {
    const token = m[0].replace(/[.,]+$/, '');
    if (token === '') continue;
    const [whole = '', ...rest] = token.split('.');
    if (rest.length > 1) return `"${token}" has two decimal points`;
    if (whole === '') return `"${token}" starts with a decimal point`;
    const groups = whole.split(',');
    const [lead = ''] = groups;
    if (lead.length > 1 && lead.startsWith('0')) return `"${token}" has a leading zero`;
    if (groups.length === 1 && lead.length > 3) return `"${token}" is not grouped in thousands`;
    if (groups.length > 1 && (lead.length === 0 || lead.length > 3 || groups.slice(1).some((g) => g.length !== 3))) {
      return `"${token}" is not grouped in thousands of three digits`;
    }
  }
  return null;
}

const lower = (text: string): string => text.replace(/[\s\u00a0]+/g, ' ').trim().toLowerCase();
const SECTIONS = ['overview', 'salary', 'demographics', 'skills'];
const BETWEEN_SECTIONS = ['education', 'duties and responsibilities'];

function plainSplitHeader(glued: string, lines: readonly string[], titleLine: string | null) {
  const page = titleEvidence(lines, titleLine);
  const has = (line: string) => page.lines.has(line);
  const t = page.titleLine;
  const text = glued.trim();
  if (text.length < 2 || text.length > MAX_HEADER_LENGTH) return null;
  const scored: Array<{ titles: [string, string]; score: number; why: string[] }> = [];
  for (let at = 1; at < text.length; at++) {
    if (/\s/.test(text[at - 1]!) || /\s/.test(text[at]!)) continue;
    const titles: [string, string] = [text.slice(0, at), text.slice(at)];
    const [l, r] = titles.map(lower) as [string, string];
    const why: string[] = [];
    if (t === `${l} vs ${r}` || t === `${l} vs. ${r}`) why.push('the title line');
    if (SECTIONS.some((s) => has(`${l} vs ${r} ${s}`))) why.push('a section heading');
    if (BETWEEN_SECTIONS.some((s) => has(`differences between ${l} and ${r} ${s}`))) why.push('a "differences between" heading');
    if (page.pluralPairs.size > 0 && pluralForms(l).some((pl) => pluralForms(r).some((pr) => page.pluralPairs.has(`${pl} and ${pr}`)))) why.push('the intro');
    const side = (name: string, left: boolean): number => {
      let score = 0;
      if (has(`what does a ${name} do?`) || has(`what does an ${name} do?`)) score++;
      if (has(`${name} example responsibilities.`) || has(`${name} example responsibilities`)) score++;
      if (has(`common ${name} skills`)) score++;
      if (t !== null && (left ? t.startsWith(`${name} vs `) : t.endsWith(` vs ${name}`))) score++;
      const shortened = t === null ? null : / vs\.? (.+)$/.exec(t)?.[1];
      if (!left && shortened && name !== shortened && name.endsWith(` ${shortened}`)) score += 0.5;
      return score;
    };
    const sides = side(l, true) + side(r, false);
    scored.push({ titles, score: 4 * why.length + sides, why: [...why, ...(sides > 0 ? ['the roles\' own headings'] : [])] });
  }
  const best = Math.max(0, ...scored.map((s) => s.score));
  if (best < 1) return 'by capitals';
  const [chosen, ...others] = scored.filter((s) => s.score === best);
  const reason = others.length === 0
    ? `the titles named by ${chosen!.why.join(', ')}`
    : `${others.length + 1} ways to cut "${clip(text)}" are equally named by the page; chose the first`;
  return { titles: chosen!.titles, alternatives: others.map((s) => s.titles), reason, confirmed: true };
}

/** The index's bookkeeping (lengths, plural endings, casing) is where it could go wrong: pieces that stress it. */
const WORDS = ['Manager', 'manager', 'Clerk', 'Sales', 'Man', 'man', 'Men', 'Secretary', 'Secretaries', 'Boy', 'Boys', 'Box', 'Boxes', 'vs', 'Vs.', 'And', 'and', 'IT', 'HR', 'İ', 'Σ', 'é', '\u{10400}', 'y', 's', 'es'];
const SEPARATORS = ['', '', '', ' ', ' ', '  ', '\t', '\u00a0', '/'];
const name = fc.array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPARATORS)), { minLength: 1, maxLength: 4 }).map((parts) => parts.map(([w, s]) => w + s).join('').trim() || 'X');
const plural = (n: string) => fc.constantFrom(...pluralForms(n.toLowerCase()), n);

/** Page lines naming (some of) the two titles the way the site does, plus near misses. */
const page = fc.tuple(name, name).chain(([a, b]) =>
  fc.record({
    header: fc.constantFrom(`${a}${b}`, `${a}${b}`, `${a} ${b}`, `${b}${a}`, `${a}${b}${b}`),
    titleLine: fc.option(fc.constantFrom(`${a} vs ${b}`, `${a} Vs. ${b}`, `${a} vs ${b.split(' ').at(-1)}`, `${b} vs ${a}`, `${a}vs ${b}`), { nil: null }),
    lines: fc.array(
      fc.oneof(
        fc.constantFrom(`What does a ${a} do?`, `What does an ${b} do?`, `${a} example responsibilities.`, `${b} example responsibilities`, `Common ${a} skills`, `Common ${b} skills`),
        fc.constantFrom(...SECTIONS, ...BETWEEN_SECTIONS).map((s) => `${a} vs ${b} ${s}`),
        fc.constantFrom(...BETWEEN_SECTIONS).map((s) => `Differences between ${a} and ${b} ${s}`),
        fc.tuple(plural(a), plural(b)).map(([pa, pb]) => `The differences between ${pa} and ${pb} can be seen in a few details.`),
        name,
      ),
      { maxLength: 8 },
    ),
  }),
);

describe('the fast paths answer as the plain code did', () => {
  it('digitsMisfit: the scanner finds the same first misfit as matchAll', () => {
    const cell = fc.string({ unit: fc.constantFrom(...'0123456789,.$%- ab'), maxLength: 30 });
    fc.assert(fc.property(cell, (text) => {
      expect(digitsMisfit(text)).toBe(plainDigitsMisfit(text));
    }), { numRuns: 20_000, seed: 1 });
  });

  it('textBoundary, isHeadingLine and gluedRow: the character shortcuts change no answer', () => {
    const chars = [...'aAzZ09 \t\n\v\f\r\u001c\u00a0\u2028-\u2212,(/&+"\u201c.:;?!sScCwWéÉİΣ\u{10400}'];
    const phrases = ['Example Responsibilities', 'What does ', ' do?', 'Common ', ' skills', ' skills:', 'Average age', 'Most Common ', 'x'.repeat(70)];
    const text = fc.array(fc.constantFrom(...chars, ...phrases), { maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (line) => {
        for (let at = 1; at < line.length; at++) expect(textBoundary(line, at)).toBe(plainTextBoundary(line, at));
        expect(isHeadingLine(line)).toBe(plainIsHeadingLine(line));
        expect(gluedRow(line)).toEqual(plainGluedRow(line));
      }),
      { numRuns: 10_000, seed: 5 },
    );
  });

  it('splitHeader: the indexed scoring picks the same cut, alternatives and reason as building every phrasing', () => {
    fc.assert(
      fc.property(page, ({ header, titleLine, lines }) => {
        const all = titleLine === null ? lines : [titleLine, ...lines];
        const split = splitHeader(header, titleEvidence(all, titleLine));
        const plain = plainSplitHeader(header, all, titleLine);
        if (plain === 'by capitals') expect(split?.confirmed ?? false).toBe(false);
        else expect(split).toEqual(plain);
      }),
      { numRuns: 5_000, seed: 2 },
    );
  });

  it('splitHeader: and on text that is not a page at all', () => {
    const text = fc.string({ unit: fc.constantFrom(...'aAsS yY vV.İΣé\t'), maxLength: 40 });
    fc.assert(
      fc.property(text, fc.array(text, { maxLength: 5 }), fc.option(text, { nil: null }), (header, lines, titleLine) => {
        const split = splitHeader(header, titleEvidence(lines, titleLine));
        const plain = plainSplitHeader(header, lines, titleLine);
        if (plain === 'by capitals') expect(split?.confirmed ?? false).toBe(false);
        else expect(split).toEqual(plain);
      }),
      { numRuns: 5_000, seed: 3 },
    );
  });
});
