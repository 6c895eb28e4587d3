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
  /** The same evidence indexed once per page, so that scoring a cut builds no strings. */
  index: TitleIndex;
}

/**
 * What each candidate cut is looked up in. A 40-character header has 40 cuts, each tested
 * against a dozen phrasings; building every phrasing to look it up cost more than the rest of
 * the reader. The roles' own headings are indexed by the name they hold; the headings naming
 * both titles by where their " vs " or " and " falls, a filter that only the right cut (rarely
 * also another) passes before the phrasing is built and looked up as before.
 */
interface TitleIndex {
  /** NAME of every "what does a(n) NAME do?" line. */
  whatDoes: ReadonlySet<string>;
  /** NAME of every "NAME example responsibilities(.)" line. */
  responsibilities: ReadonlySet<string>;
  /** NAME of every "common NAME skills" line. */
  skills: ReadonlySet<string>;
  /** Where " vs " falls in each "L vs R <section>" line. */
  sectionCuts: CutPositions;
  /** Where " and " falls in each "differences between L and R <section>" line. */
  betweenCuts: CutPositions;
  /** Where " and " falls in each of the intro's plural pairs. */
  pluralCuts: CutPositions;
  /** The older title line's shortened second title, after a space (" clerk"). */
  shortenedSuffix: string | null;
}

/** By the length of L + R, every length of L: where a separator falls in texts "L sep R". */
type CutPositions = ReadonlyMap<number, ReadonlySet<number>>;

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
/** Whitespace `lower` would change inside a text: any but a plain space, or two spaces in a row. */
const UNCOLLAPSED = /[^\S ]| {2}/;

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
  const lineSet = new Set(lowered);
  const loweredTitle = titleLine === null ? null : lower(titleLine);
  return { lines: lineSet, titleLine: loweredTitle, pluralPairs, index: indexTitleEvidence(lineSet, loweredTitle, pluralPairs) };
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

function indexTitleEvidence(lines: ReadonlySet<string>, titleLine: string | null, pluralPairs: ReadonlySet<string>): TitleIndex {
  const whatDoes = new Set<string>();
  const responsibilities = new Set<string>();
  const skills = new Set<string>();
  const sectionCuts: CutMap = new Map();
  const betweenCuts: CutMap = new Map();
  for (const line of lines) {
    addNameBetween(whatDoes, line, 'what does a ', ' do?');
    addNameBetween(whatDoes, line, 'what does an ', ' do?');
    addNameBetween(responsibilities, line, '', ' example responsibilities.');
    addNameBetween(responsibilities, line, '', ' example responsibilities');
    addNameBetween(skills, line, 'common ', ' skills');
    for (const s of SECTIONS) addCuts(sectionCuts, line, '', ' vs ', ` ${s}`);
    for (const s of BETWEEN_SECTIONS) addCuts(betweenCuts, line, 'differences between ', ' and ', ` ${s}`);
  }
  const pluralCuts: CutMap = new Map();
  for (const pair of pluralPairs) addCuts(pluralCuts, pair, '', ' and ', '');
  const shortened = titleLine === null ? null : / vs\.? (.+)$/.exec(titleLine)?.[1];
  return { whatDoes, responsibilities, skills, sectionCuts, betweenCuts, pluralCuts, shortenedSuffix: shortened ? ` ${shortened}` : null };
}

type CutMap = Map<number, Set<number>>;

/** Adds NAME when `line` is `${prefix}NAME${suffix}`. */
function addNameBetween(names: Set<string>, line: string, prefix: string, suffix: string): void {
  if (line.length >= prefix.length + suffix.length && line.startsWith(prefix) && line.endsWith(suffix)) {
    names.add(line.slice(prefix.length, line.length - suffix.length));
  }
}

/** When `text` is `${prefix}L${sep}R${suffix}`, records |L| under |L| + |R|, for each `sep` it holds. */
function addCuts(cuts: CutMap, text: string, prefix: string, sep: string, suffix: string): void {
  const bodyLength = text.length - prefix.length - suffix.length;
  if (bodyLength < sep.length || !text.startsWith(prefix) || !text.endsWith(suffix)) return;
  const body = text.slice(prefix.length, prefix.length + bodyLength);
  const total = bodyLength - sep.length;
  for (let at = body.indexOf(sep); at >= 0; at = body.indexOf(sep, at + 1)) {
    let lefts = cuts.get(total);
    if (lefts === undefined) cuts.set(total, (lefts = new Set()));
    lefts.add(at);
  }
}

/** Whether an indexed text may be "L sep R" with |L| = `left` and |R| = `right`. */
const mayCut = (cuts: CutPositions, left: number, right: number): boolean => cuts.get(left + right)?.has(left) ?? false;

/** Whether `text` is `${l}${sep}${r}`, without building the latter. */
function isJoined(text: string, l: string, sep: string, r: string): boolean {
  return text.length === l.length + sep.length + r.length && text.startsWith(l) && text.startsWith(sep, l.length) && text.endsWith(r);
}

/** Evidence naming both titles at once, in order: decisive. */
function pairScore(l: string, r: string, page: TitleEvidence): { score: number; why: string[] } {
  const why: string[] = [];
  const { titleLine, index } = page;
  if (titleLine !== null && (isJoined(titleLine, l, ' vs ', r) || isJoined(titleLine, l, ' vs. ', r))) why.push('the title line');
  if (mayCut(index.sectionCuts, l.length, r.length) && SECTIONS.some((s) => page.lines.has(`${l} vs ${r} ${s}`))) why.push('a section heading');
  if (mayCut(index.betweenCuts, l.length, r.length) && BETWEEN_SECTIONS.some((s) => page.lines.has(`differences between ${l} and ${r} ${s}`))) {
    why.push('a "differences between" heading');
  }
  if (mayBePluralPair(l, r, index.pluralCuts)) {
    const rightForms = pluralForms(r);
    if (pluralForms(l).some((pl) => rightForms.some((pr) => page.pluralPairs.has(`${pl} and ${pr}`)))) why.push('the intro');
  }
  return { score: 4 * why.length, why };
}

/** A plural form is as long as its name or up to two characters longer (see pluralForms). */
function mayBePluralPair(l: string, r: string, pluralCuts: CutPositions): boolean {
  if (pluralCuts.size === 0) return false;
  for (let longerLeft = 0; longerLeft <= 2; longerLeft++) {
    for (let longerRight = 0; longerRight <= 2; longerRight++) {
      if (mayCut(pluralCuts, l.length + longerLeft, r.length + longerRight)) return true;
    }
  }
  return false;
}

/** Evidence naming one title: the role's own section headings, or one side of the title line. */
function sideScore(name: string, side: 'left' | 'right', page: TitleEvidence): number {
  const { whatDoes, responsibilities, skills, shortenedSuffix } = page.index;
  let score = 0;
  if (whatDoes.has(name)) score++;
  if (responsibilities.has(name)) score++;
  if (skills.has(name)) score++;
  const t = page.titleLine;
  if (t !== null && (side === 'left' ? isJoinedLeft(t, name) : isJoinedRight(t, name))) score++;
  // The older title line shortens the second title to what differs ("Accounts Receivable
  // Specialist Vs Clerk"): a right title ending in that word is weaker evidence than equality.
  if (side === 'right' && shortenedSuffix !== null && name.endsWith(shortenedSuffix)) score += 0.5;
  return score;
}

/** `titleLine.startsWith(`${name} vs `)`, without building the latter. */
const isJoinedLeft = (titleLine: string, name: string): boolean => titleLine.startsWith(name) && titleLine.startsWith(' vs ', name.length);
/** `titleLine.endsWith(` vs ${name}`)`, without building the latter. */
const isJoinedRight = (titleLine: string, name: string): boolean => titleLine.endsWith(name) && titleLine.endsWith(' vs ', titleLine.length - name.length);

/**
 * Splits a glued header row into the two titles, as printed. Every cut without a space on
 * either side is scored by the page's text; the best wins, ties are kept as alternatives. When
 * no text names either title, the cut falls where a capital follows a lower-case letter, and
 * the split is marked unconfirmed.
 */
export function splitHeader(glued: string, page: TitleEvidence): HeaderSplit | null {
  const text = glued.trim();
  if (text.length < 2 || text.length > MAX_HEADER_LENGTH) return null;
  const lowerSide = sideLowerer(text);
  // Cuts no page text names cannot be the best one, so only named cuts are kept.
  const scored: Array<{ titles: [string, string]; score: number; why: string[] }> = [];
  for (let at = 1; at < text.length; at++) {
    if (/\s/.test(text[at - 1]!) || /\s/.test(text[at]!)) continue;
    const titles: [string, string] = [text.slice(0, at), text.slice(at)];
    const l = lowerSide(titles[0], 0, at);
    const r = lowerSide(titles[1], at, text.length);
    const pair = pairScore(l, r, page);
    const sides = sideScore(l, 'left', page) + sideScore(r, 'right', page);
    const score = pair.score + sides;
    if (score > 0) scored.push({ titles, score, why: [...pair.why, ...(sides > 0 ? ['the roles\' own headings'] : [])] });
  }
  const best = scored.reduce((top, s) => Math.max(top, s.score), 0);
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

/**
 * `lower` for a side of `text`, given as the side and where it lies in `text`. A cut falls between
 * two non-spaces, so when the text holds no whitespace but single spaces, lower-casing is all
 * that `lower` does to a side; and ASCII lower-cases letter by letter, so then each side is a
 * slice of the text lower-cased once.
 */
function sideLowerer(text: string): (side: string, start: number, end: number) => string {
  if (UNCOLLAPSED.test(text)) return lower;
  if (!ASCII.test(text)) return (side) => side.toLowerCase();
  const lowered = text.toLowerCase();
  return (_, start, end) => lowered.slice(start, end);
}

const ASCII = /^[\x00-\x7f]*$/;

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
