import { roleField } from '../schema/roleFields.js';
import { JOBS, PERCENT, RATING, USD_A_YEAR, USD_AN_HOUR, type Unit } from '../schema/units.js';

/** How the report writes values: each unit as the table of role fields writes it. */

/** What the report writes where the database has no value. */
export const NONE = '–';

const inUnit = (unit: Unit) => (n: number | null): string => (n === null ? NONE : unit.write(n));

export const dollars = inUnit(USD_A_YEAR);
export const hourly = inUnit(USD_AN_HOUR);
export const percent = inUnit(PERCENT);
export const count = inUnit(JOBS);
export const plain = inUnit(RATING);

/** `$30,000` → `$30k` for axis ticks, where room is short. */
export function dollarsShort(n: number): string {
  if (n !== 0 && n % 1000 === 0) return `$${count(n / 1000)}k`;
  return dollars(n);
}

/**
 * A value as the pages or the roles table give it, written the way the table of role fields
 * writes that field. Shapes the field does not normally have are written as compact JSON rather
 * than dropped, so a disagreement is never hidden by formatting.
 */
export function formatValue(field: string, value: unknown): string {
  if (value === null || value === undefined) return NONE;
  const shown = roleField(field)?.show(value);
  if (shown !== null && shown !== undefined) return shown;
  if (typeof value === 'number') return plain(value);
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
