import { textBoundary } from './cellFormats.js';
import { clip } from './splitGluedRow.js';

/**
 * What the page's own text says the two role titles are, for splitting the glued header row
 * (`Collections RepresentativeCollections Coordinator`). A candidate split is tested against the
 * page rather than names parsed out of it, so titles holding " and ", " vs " or each other as a
 * prefix ("Assistant Manager/Shift Manager" before "Assistant Store Manager") need no guessing.
 */
export interface TitleEvidence {
  /** Every line of the page that is not a table row, whitespace collapsed, lower-cased. */
  lines: ReadonlySet<string>;
  /** The page's title line ("collections representative vs collections coordinator"), lower-cased. */
  titleLine: string | null;
  /** What intro paragraphs say between "differences between" and "can be seen", lower-cased:
   * both titles in the plural ("collections representatives and collections coordinators"). */
  pluralPairs: ReadonlySet<string>;
}

export interface HeaderSplit {
  titles: [string, string];
  alternatives: Array<[string, string]>;
  reason: string;
  /** False when no page text named either title and the split rests on capitals alone. */
  confirmed: boolean;
}

/** Longer than any two titles: such a line is not a header row. */
export const MAX_HEADER_LENGTH = 300;
const MAX_INTRO_LENGTH = 4000;

const lower = (text: string): string => text.replace(/[\s\u00a0]+/g, ' ').trim().toLowerCase();

/** `lines` come whitespace-collapsed from the reader. */
export function titleEvidence(lines: readonly string[], titleLine: string | null): TitleEvidence {
  const lowered = lines.map((l) => l.toLowerCase());
  const pluralPairs = new Set<string>();
  for (const line of lowered) {
    if (line.length > MAX_INTRO_LENGTH) continue;
    const start = line.indexOf('differences between ');
    const end = line.indexOf(' can be seen', start);
    if (start >= 0 && end > start) pluralPairs.add(line.slice(start + 'differences between '.length, end));
  }
  return { lines: new Set(lowered), titleLine: titleLine === null ? null : lower(titleLine), pluralPairs };
}

const SECTIONS = ['overview', 'salary', 'demographics', 'skills'];
const BETWEEN_SECTIONS = ['education', 'duties and responsibilities'];

/** "collections coordinator" → the plurals the intro may use for it. */
export function pluralForms(name: string): string[] {
  const forms = [`${name}s`, `${name}es`, name];
  if (/[^aeiou]y$/.test(name)) forms.push(`${name.slice(0, -1)}ies`);
  if (name.endsWith('man')) forms.push(`${name.slice(0, -3)}men`);
  return forms;
}

/** Evidence naming both titles at once, in order: decisive. */
function pairScore(l: string, r: string, page: TitleEvidence): { score: number; why: string[] } {
  const why: string[] = [];
  if (page.titleLine === `${l} vs ${r}` || page.titleLine === `${l} vs. ${r}`) why.push('the title line');
  if (SECTIONS.some((s) => page.lines.has(`${l} vs ${r} ${s}`))) why.push('a section heading');
  if (BETWEEN_SECTIONS.some((s) => page.lines.has(`differences between ${l} and ${r} ${s}`))) why.push('a "differences between" heading');
  if (page.pluralPairs.size > 0 && pluralForms(l).some((pl) => pluralForms(r).some((pr) => page.pluralPairs.has(`${pl} and ${pr}`)))) {
    why.push('the intro');
  }
  return { score: 4 * why.length, why };
}

/** Evidence naming one title: the role's own section headings, or one side of the title line. */
function sideScore(name: string, side: 'left' | 'right', page: TitleEvidence): number {
  let score = 0;
  if (page.lines.has(`what does a ${name} do?`) || page.lines.has(`what does an ${name} do?`)) score++;
  if (page.lines.has(`${name} example responsibilities.`) || page.lines.has(`${name} example responsibilities`)) score++;
  if (page.lines.has(`common ${name} skills`)) score++;
  const t = page.titleLine;
  if (t !== null && (side === 'left' ? t.startsWith(`${name} vs `) : t.endsWith(` vs ${name}`))) score++;
  // The older title line shortens the second title to what differs ("Accounts Receivable
  // Specialist Vs Clerk"): a right title ending in that word is weaker evidence than equality.
  const shortened = t === null ? null : / vs\.? (.+)$/.exec(t)?.[1];
  if (side === 'right' && shortened && name !== shortened && name.endsWith(` ${shortened}`)) score += 0.5;
  return score;
}

/**
 * Splits a glued header row into the two titles, as printed. Every cut without a space on
 * either side is scored by the page's text; the best wins, ties are kept as alternatives. When
 * no text names either title, the cut falls where a capital follows a lower-case letter, and
 * the split is marked unconfirmed.
 */
export function splitHeader(glued: string, page: TitleEvidence): HeaderSplit | null {
  const text = glued.trim();
  if (text.length < 2 || text.length > MAX_HEADER_LENGTH) return null;
  const scored: Array<{ titles: [string, string]; score: number; why: string[] }> = [];
  for (let at = 1; at < text.length; at++) {
    if (/\s/.test(text[at - 1]!) || /\s/.test(text[at]!)) continue;
    const titles: [string, string] = [text.slice(0, at), text.slice(at)];
    const [l, r] = titles.map(lower) as [string, string];
    const pair = pairScore(l, r, page);
    const left = sideScore(l, 'left', page);
    const right = sideScore(r, 'right', page);
    const why = [...pair.why, ...(left + right > 0 ? ['the roles\' own headings'] : [])];
    scored.push({ titles, score: pair.score + left + right, why });
  }
  const best = Math.max(0, ...scored.map((s) => s.score));
  // The shortened title line alone (half a point) fits every cut that ends in its word.
  if (best >= 1) {
    const [chosen, ...others] = scored.filter((s) => s.score === best);
    const reason = others.length === 0
      ? `the titles named by ${chosen!.why.join(', ')}`
      : `${others.length + 1} ways to cut "${clip(text)}" are equally named by the page; chose the first`;
    return { titles: chosen!.titles, alternatives: others.map((s) => s.titles), reason, confirmed: true };
  }
  return splitByCapitals(text);
}

function splitByCapitals(text: string): HeaderSplit | null {
  const cuts: Array<{ titles: [string, string]; camel: boolean; balance: number }> = [];
  for (let at = 1; at < text.length; at++) {
    if (!textBoundary(text, at)) continue;
    const titles: [string, string] = [text.slice(0, at), text.slice(at)];
    cuts.push({ titles, camel: /\p{Ll}/u.test(text[at - 1]!), balance: Math.abs(2 * at - text.length) });
  }
  if (cuts.length === 0) return null;
  cuts.sort((x, y) => Number(y.camel) - Number(x.camel) || x.balance - y.balance);
  const [chosen, ...others] = cuts;
  return {
    titles: chosen!.titles,
    alternatives: others.map((c) => c.titles),
    reason: 'no page text names the titles; cut where a capital follows a lower-case letter',
    confirmed: false,
  };
}
