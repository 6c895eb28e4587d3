import type { Degree, Gender, RaceShare, SalaryRange, SkillShare } from '../schema/pageRecord.js';
import { parseWholeDollars } from './numbers.js';
import { MAX_SHARE_LIST_LENGTH, type Parsed, isNoValue, parsed, rejected, tooLong, quoted } from './parsed.js';

const PCT = /^(\d+(?:\.\d+)?)\s?%$/;

/**
 * `Bachelor's Degree, 48%` → { name, pct }. The name is everything before the last comma, so
 * names that hold commas themselves survive. Used for degrees and skills alike.
 */
export function parseNamedShare(text: string, what = 'share'): Parsed<{ name: string; pct: number }> {
  const t = text.trim();
  if (tooLong(t)) return rejected(`${what} cell is ${t.length} characters long`);
  if (isNoValue(t)) return parsed(null);
  const comma = t.lastIndexOf(',');
  const pct = comma < 0 ? null : PCT.exec(t.slice(comma + 1).trim());
  const name = comma < 0 ? '' : t.slice(0, comma).trim();
  if (!pct || !name || Number(pct[1]) > 100) {
    return rejected(`${quoted(t)} is not a ${what} like "Bachelor's Degree, 48%"`);
  }
  return parsed({ name, pct: Number(pct[1]) });
}

export const parseDegree = (text: string): Parsed<Degree> => parseNamedShare(text, 'degree');
export const parseSkill = (text: string): Parsed<SkillShare> => parseNamedShare(text, 'skill');

/** `Between $30,000 And $47,000` (any case) or `$30,000 - $47,000` → { min, max }. */
export function parseSalaryRange(text: string): Parsed<SalaryRange> {
  const t = text.trim();
  if (tooLong(t)) return rejected(`salary range cell is ${t.length} characters long`);
  if (isNoValue(t)) return parsed(null);
  const m = /^(?:between\s+)?(\$[\d,.]+)\s*(?:and|to|-|\u2013)\s*(\$[\d,.]+)$/i.exec(t);
  if (!m) return rejected(`${quoted(t)} is not a salary range like "Between $30,000 And $47,000"`);
  const min = parseWholeDollars(m[1]!);
  const max = parseWholeDollars(m[2]!);
  if (!min.ok || !max.ok || min.value === null || max.value === null) {
    return rejected(`${quoted(t)} has a bound that is not whole dollars`);
  }
  if (min.value > max.value) return rejected(`${quoted(t)} has its lower bound above its upper bound`);
  return parsed({ min: min.value, max: max.value });
}

/**
 * A run of `Name, 12.1%` shares glued by spaces, as race and gender ratios print:
 * `Black or African American, 12.1% Unknown, 4.1% …`. Splitting on "%" keeps it linear.
 */
export function parseShareList(text: string, what: string): Parsed<Array<{ name: string; pct: number }>> {
  const t = text.trim();
  if (t.length > MAX_SHARE_LIST_LENGTH) return rejected(`${what} cell is ${t.length} characters long`);
  if (isNoValue(t)) return parsed(null);
  if (!t.endsWith('%')) return rejected(`${quoted(t)} does not end in a percentage; expected "Name, 12.1% Name, 4.1%"`);
  const shares: Array<{ name: string; pct: number }> = [];
  for (const piece of t.slice(0, -1).split('%')) {
    const share = parseNamedShare(`${piece}%`, what);
    if (!share.ok || share.value === null) {
      return rejected(`${quoted(`${piece.trim()}%`)} in ${what} is not like "Asian, 3.6%"`);
    }
    shares.push(share.value);
  }
  return parsed(shares);
}

/** `Male, 26.6% Female, 73.4%` (either order) → { male, female }. */
export function parseGender(text: string): Parsed<Gender> {
  const list = parseShareList(text, 'gender ratio');
  if (!list.ok || list.value === null) return list.ok ? parsed(null) : list;
  const find = (name: string) => list.value!.find((s) => s.name.toLowerCase() === name)?.pct;
  const male = find('male');
  const female = find('female');
  if (male === undefined || female === undefined || list.value.length !== 2) {
    return rejected(`${quoted(text.trim())} is not a gender ratio like "Male, 26.6% Female, 73.4%"`);
  }
  return parsed({ male, female });
}

/** `Black or African American, 12.1% Unknown, 4.1% …` → [{ group, pct }] in page order. */
export function parseRace(text: string): Parsed<RaceShare[]> {
  const list = parseShareList(text, 'race ratio');
  if (!list.ok || list.value === null) return list.ok ? parsed(null) : list;
  return parsed(list.value.map((s) => ({ group: s.name, pct: s.pct })));
}

/** A plain text value (`New York, NY`, `Microsoft`); `-` is null. */
export function parseText(text: string): Parsed<string> {
  const t = text.trim();
  if (tooLong(t)) return rejected(`text cell is ${t.length} characters long`);
  return parsed(isNoValue(t) ? null : t);
}
