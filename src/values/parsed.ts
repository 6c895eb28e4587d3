/**
 * What a value parser returns: the value (null when the page shows "-", i.e. no value), or why
 * the text is not a value of that kind. Parsers never throw on page text.
 */
export type Parsed<T> = { ok: true; value: T | null } | { ok: false; reason: string };

export const parsed = <T>(value: T | null): Parsed<T> => ({ ok: true, value });
export const rejected = <T = never>(reason: string): Parsed<T> => ({ ok: false, reason });

/** The site prints "-" for a value it does not have; some captures use a dash look-alike. */
export function isNoValue(text: string): boolean {
  return /^(?:[-\u2010-\u2015\u2212]|n\/a)?$/i.test(text.trim());
}

/** Longest cell text a parser looks at; page cells are short, and this bounds the work. */
export const MAX_CELL_LENGTH = 2000;
/** A race or gender ratio lists several shares in one cell, so it may be a few cells long. */
export const MAX_SHARE_LIST_LENGTH = 4 * MAX_CELL_LENGTH;

export function tooLong(text: string): boolean {
  return text.length > MAX_CELL_LENGTH;
}

/** Page text quoted in a reason, cut short: a warning stays one readable line whatever the cell holds. */
export function quoted(text: string, max = 60): string {
  const line = text.replace(/\s+/g, ' ');
  return `"${line.length > max ? `${line.slice(0, max - 1)}…` : line}"`;
}
