import { type CellKind, type SiteRow, TEXT_CELL } from '../../schema/roleFields.js';
import { ROW_FIELDS, type RowTarget } from '../../site/rowFields.js';
import { isStateCode, isStateName } from './usStates.js';

export type { CellKind };

/**
 * How the site prints each field's cell, as evidence for where two glued cells meet: which
 * characters can end one cell and start the next, the shape a cell must have, and the range a
 * value can take. Parsers (src/site/rowFields.ts) say whether a text is a value at all; this
 * says whether it is a value the site would print.
 */
export interface CellFormat {
  kind: CellKind;
  /** What the format is called in a split's reason ("thousands groups", "City, ST", …). */
  evidence: string;
  /** Whether `glued` can hold a cell boundary just before index `at` (both sides non-empty). */
  boundary(glued: string, at: number): boolean;
  /** Why a cell that parsed is still not what the site prints here; null when it is. */
  misfit(cell: string, value: unknown): string | null;
}

const DASH = /^[-\u2010-\u2015\u2212]$/;
const isDash = (ch: string | undefined): boolean => ch !== undefined && DASH.test(ch);
const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9';
// Every position of every glued row asks these; ASCII, nearly all of it, is answered without a pattern.
const isAscii = (ch: string): boolean => ch < '\u0080';
const isSpace = (ch: string | undefined): boolean =>
  ch === undefined || (isAscii(ch) ? ch === ' ' || (ch >= '\t' && ch <= '\r') : /\s/.test(ch));
const isUpper = (ch: string | undefined): boolean => ch !== undefined && (isAscii(ch) ? ch >= 'A' && ch <= 'Z' : /\p{Lu}/u.test(ch));
const isLower = (ch: string | undefined): boolean => ch !== undefined && (isAscii(ch) ? ch >= 'a' && ch <= 'z' : /\p{Ll}/u.test(ch));
const isLetter = (ch: string | undefined): boolean => isUpper(ch) || isLower(ch);

/** The left cell is the site's "-" (no value): the boundary right after a leading dash. */
const dashLeft = (g: string, at: number): boolean => at === 1 && isDash(g[0]);
/** The right cell is "-": the boundary right before a trailing dash. */
const dashRight = (g: string, at: number): boolean => at === g.length - 1 && isDash(g[at]);

/**
 * A text cell (company, industry, major, college) starts with a capital or a digit ("3M"): the
 * site capitalises its values, which is what makes `Finance|Professional` a boundary and
 * `Financ|eProfessional` none. A glued boundary has no space on either side; a space inside a
 * name ("Health Care") is never a boundary. (A value the site printed in lower case, "eBay",
 * is therefore not found; its row then fails to split or splits at its capital, with a warning
 * only when another cut also fits.)
 */
export function textBoundary(g: string, at: number): boolean {
  const a = g[at - 1];
  const b = g[at];
  if (isSpace(a) || isSpace(b)) return false;
  if (dashLeft(g, at) || dashRight(g, at)) return true;
  if (/[,(/&\-+]/.test(a!)) return false;
  return isUpper(b) || isDigit(b) || /["\u201c(]/.test(b!);
}

const numericBoundary = (g: string, at: number): boolean => {
  const a = g[at - 1];
  const b = g[at];
  if (dashLeft(g, at) || dashRight(g, at)) return true;
  return (isDigit(a) || a === '%') && (isDigit(b) || b === '$' || b === '+' || b === '.' || isDash(b));
};

/**
 * Digits as the site prints them: thousands in groups of exactly three ("85,275", never
 * "85275"), no leading zero ("0.5" but not "05"), a digit before any decimal point.
 */
export function digitsMisfit(cell: string): string | null {
  // Scanned by hand rather than with matchAll: every candidate cut of every numeric row comes
  // here. A number is what /[.\d][\d,.]*/g matches, less its trailing "." and ",".
  for (let start = 0; start < cell.length; start++) {
    if (!isDigit(cell[start]) && cell[start] !== '.') continue;
    let end = start + 1;
    while (end < cell.length && (isDigit(cell[end]) || cell[end] === ',' || cell[end] === '.')) end++;
    let last = end;
    while (last > start && (cell[last - 1] === '.' || cell[last - 1] === ',')) last--;
    const misfit = last > start ? numberMisfit(cell.slice(start, last)) : null;
    if (misfit !== null) return misfit;
    start = end - 1;
  }
  return null;
}

/** digitsMisfit for one number: digits, commas and points, starting with a digit or a point. */
function numberMisfit(token: string): string | null {
  const point = token.indexOf('.');
  if (point >= 0 && token.includes('.', point + 1)) return `"${token}" has two decimal points`;
  const wholeLength = point >= 0 ? point : token.length;
  if (wholeLength === 0) return `"${token}" starts with a decimal point`;
  const comma = token.indexOf(',');
  const grouped = comma >= 0 && comma < wholeLength;
  const leadLength = grouped ? comma : wholeLength;
  if (leadLength > 1 && token[0] === '0') return `"${token}" has a leading zero`;
  if (!grouped && leadLength > 3) return `"${token}" is not grouped in thousands`;
  if (grouped && (leadLength === 0 || leadLength > 3 || !groupsOfThree(token, comma, wholeLength))) {
    return `"${token}" is not grouped in thousands of three digits`;
  }
  return null;
}

/** Whether every group after the comma at `comma`, up to `end`, has exactly three digits. */
function groupsOfThree(token: string, comma: number, end: number): boolean {
  for (let at = comma; at < end; ) {
    const next = token.indexOf(',', at + 1);
    const groupEnd = next >= 0 && next < end ? next : end;
    if (groupEnd - at - 1 !== 3) return false;
    at = groupEnd;
  }
  return true;
}

const inRange = ([min, max, unit]: readonly [number, number, string]) => (value: unknown): string | null =>
  typeof value === 'number' && (value < min || value > max) ? `${value} is outside ${min}–${max} ${unit}` : null;

const CITY = /^(\p{Lu}[^,]*), (\p{Lu}{2})$/u;

/** A cell's format, from how the table of role fields says the site prints the field. */
function formatOf({ kind, evidence, range }: SiteRow['cell']): CellFormat {
  switch (kind) {
    case 'money':
    case 'percent':
    case 'count':
    case 'decimal': {
      const outside = range === undefined ? () => null : inRange(range);
      return { kind, evidence, boundary: numericBoundary, misfit: (cell, value) => digitsMisfit(cell) ?? (value === null ? null : outside(value)) };
    }
    case 'range':
      return {
        kind,
        evidence,
        boundary: (g, at) => dashLeft(g, at) || dashRight(g, at) || (isDigit(g[at - 1]) && (isLetter(g[at]) || g[at] === '$')),
        misfit: (cell) => digitsMisfit(cell),
      };
    case 'share':
    case 'shareList':
      return { kind, evidence, boundary: (g, at) => dashLeft(g, at) || dashRight(g, at) || (g[at - 1] === '%' && !isSpace(g[at])), misfit: () => null };
    case 'city':
      return {
        kind,
        evidence,
        boundary: (g, at) => dashLeft(g, at) || dashRight(g, at) || (isUpper(g[at - 1]) && (isUpper(g[at]) || isDigit(g[at]))),
        misfit: (cell, value) => {
          if (value === null) return null;
          const m = CITY.exec(cell.trim());
          if (!m) return `"${cell}" is not like "San Ramon, CA"`;
          return isStateCode(m[2]!) ? null : `"${m[2]}" is not a state code`;
        },
      };
    case 'state':
      return {
        kind,
        evidence,
        boundary: (g, at) => dashLeft(g, at) || dashRight(g, at) || (isLower(g[at - 1]) && isUpper(g[at])),
        misfit: (cell, value) => (value === null || isStateName(cell.trim()) ? null : `"${cell}" is not a US state`),
      };
    case 'text':
      return { kind, evidence, boundary: textBoundary, misfit: () => null };
  }
}

const FORMATS = new Map<RowTarget, CellFormat>(ROW_FIELDS.map((r) => [r.field, formatOf(r.cell)]));

/** The format used when no split fits the strict one: any boundary a name could start at. */
export const LOOSE_TEXT: CellFormat = formatOf({ kind: 'text', evidence: TEXT_CELL });

export function formatFor(field: RowTarget): CellFormat {
  return FORMATS.get(field) ?? LOOSE_TEXT;
}
