import { type Parsed, isNoValue, parsed, rejected, tooLong, quoted } from './parsed.js';

// Digits as the site prints them: plain (`46`, `2080`) or in groups of exactly three
// (`116,010`, `1,236,194`). A group of two or four digits is not a number of the site's.
const GROUPED = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)`;
const MONEY = new RegExp(String.raw`^\$\s?(${GROUPED})(?:\.(\d{1,2}))?$`);
const COUNT = new RegExp(String.raw`^(${GROUPED})$`);
const PERCENT_CELL = new RegExp(String.raw`^([+-]?)(${GROUPED}(?:\.\d+)?|\.\d+)\s?%$`);
const DECIMAL = /^(\d+(?:\.\d+)?|\.\d+)$/;

const toNumber = (digits: string): number => Number(digits.replace(/,/g, ''));

/** Hundreds of digits are valid syntax but no number of the site (JavaScript makes them Infinity). */
const finite = (t: string, value: number): Parsed<number> =>
  Number.isFinite(value) ? parsed(value) : rejected(`${quoted(t)} has ${t.replace(/\D/g, '').length} digits, too many for a number of the site`);

function guard(text: string, what: string): Parsed<number> | 'go' {
  if (tooLong(text)) return rejected(`${what} cell is ${text.length} characters long`);
  if (isNoValue(text)) return parsed<number>(null);
  return 'go';
}

/** `$37,938` → 37938, `$18.24` → 18.24, `-` → null. */
export function parseMoney(text: string): Parsed<number> {
  const t = text.trim();
  const g = guard(t, 'money');
  if (g !== 'go') return g;
  const m = MONEY.exec(t);
  if (!m) return rejected(`${quoted(t)} is not an amount in dollars like "$37,938" or "$18.24"`);
  return finite(t, toNumber(m[1]!) + (m[2] ? Number(`0.${m[2]}`) : 0));
}

/** A yearly salary or range bound: whole dollars (`$37,938`). */
export function parseWholeDollars(text: string): Parsed<number> {
  const r = parseMoney(text);
  if (r.ok && r.value !== null && !Number.isInteger(r.value)) {
    return rejected(`${quoted(text.trim())} has cents; a yearly amount is whole dollars`);
  }
  return r;
}

/** `-8%` → -8, `17%` → 17, `+5%` → 5. */
export function parsePercent(text: string): Parsed<number> {
  const t = text.trim();
  const g = guard(t, 'percent');
  if (g !== 'go') return g;
  const m = PERCENT_CELL.exec(t);
  if (!m) return rejected(`${quoted(t)} is not a percentage like "-8%" or "17%"`);
  const value = toNumber(m[2]!);
  return finite(t, m[1] === '-' ? -value : value);
}

/** `116,010` → 116010. */
export function parseCount(text: string): Parsed<number> {
  const t = text.trim();
  const g = guard(t, 'count');
  if (g !== 'go') return g;
  const m = COUNT.exec(t);
  if (!m) return rejected(`${quoted(t)} is not a count like "116,010"`);
  return finite(t, toNumber(m[1]!));
}

/** `46`, `4.5`, `12` → the number; for ages, years and satisfaction scores. */
export function parseDecimal(text: string): Parsed<number> {
  const t = text.trim();
  const g = guard(t, 'number');
  if (g !== 'go') return g;
  if (!DECIMAL.test(t)) return rejected(`${quoted(t)} is not a number like "46" or "4.5"`);
  return finite(t, Number(t));
}
