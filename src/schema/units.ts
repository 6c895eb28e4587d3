/**
 * The units of role values, each written once: the name the database's documentation gives it
 * (the `columns` table, Datasette's metadata) and how the report and `show` write a value in it,
 * as the site writes it.
 */
export interface Unit {
  /** As the `columns` table names it. */
  name: string;
  /** A value as people read it: `$37,938`, `-8%`, `40,113`. */
  write(n: number): string;
}

/**
 * A number format made when first used: every command that opens a database loads this table,
 * and most never write a value for people, so they do not pay for setting up the formats.
 */
function numberFormat(options: Intl.NumberFormatOptions): (n: number) => string {
  let format: Intl.NumberFormat | undefined;
  return (n) => (format ??= new Intl.NumberFormat('en-US', options)).format(n);
}

const whole = numberFormat({ maximumFractionDigits: 0 });
const cents = numberFormat({ minimumFractionDigits: 2, maximumFractionDigits: 2 });
const upToOneDecimal = numberFormat({ maximumFractionDigits: 1 });

export const USD_A_YEAR: Unit = { name: 'USD a year', write: (n) => `$${whole(n)}` };
export const USD_AN_HOUR: Unit = { name: 'USD an hour', write: (n) => `$${cents(n)}` };
export const PERCENT: Unit = { name: 'percent (0-100)', write: (n) => `${upToOneDecimal(n)}%` };
export const JOBS: Unit = { name: 'jobs', write: (n) => whole(n) };
export const RATING: Unit = { name: 'rating out of 5', write: (n) => upToOneDecimal(n) };
export const YEARS: Unit = { name: 'years', write: (n) => upToOneDecimal(n) };
export const PAGES: Unit = { name: 'pages', write: (n) => whole(n) };
