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

const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const cents = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const upToOneDecimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

export const USD_A_YEAR: Unit = { name: 'USD a year', write: (n) => `$${whole.format(n)}` };
export const USD_AN_HOUR: Unit = { name: 'USD an hour', write: (n) => `$${cents.format(n)}` };
export const PERCENT: Unit = { name: 'percent (0-100)', write: (n) => `${upToOneDecimal.format(n)}%` };
export const JOBS: Unit = { name: 'jobs', write: (n) => whole.format(n) };
export const RATING: Unit = { name: 'rating out of 5', write: (n) => upToOneDecimal.format(n) };
export const YEARS: Unit = { name: 'years', write: (n) => upToOneDecimal.format(n) };
export const PAGES: Unit = { name: 'pages', write: (n) => whole.format(n) };
