import type { RowTarget } from '../../site/rowFields.js';
import { type IntroFacts, readIntroSentences } from '../../site/introSentences.js';
import { parseWholeDollars } from '../../values/numbers.js';
import type { RowCheck } from './splitGluedRow.js';

/** A pair of values for the two roles, left column first; null where the page does not say. */
export type Pair = [unknown, unknown];

/**
 * What the page says about row values outside the row itself: the intro's two yearly salaries,
 * and the values that rows split unambiguously (the overview's degree and age, which the
 * education and demographics tables repeat; the yearly salary, which fixes the hourly rate).
 */
export interface PageEvidence {
  introSalaries: [number | null, number | null];
  /** Values of rows that only one split fitted, by field. */
  decided: ReadonlyMap<RowTarget, Pair>;
}

const lower = (text: string): string => text.replace(/[\s\u00a0]+/g, ' ').trim().toLowerCase();
const json = (v: unknown): string => JSON.stringify(v);

/**
 * The intro's "a collections coordinator has an average salary of $37,938, which is higher than
 * the $34,015 average annual salary of a collections representative", attributed to the header's
 * titles only when the sentence names them exactly; a near miss is no evidence.
 */
export function introSalaries(paragraphs: readonly string[], titles: readonly [string, string]): [number | null, number | null] {
  return salariesNamed(readIntroSentences(paragraphs).salaries, titles);
}

/** introSalaries for the salary sentences already read from the intro (a page reads them once). */
export function salariesNamed(salaries: IntroFacts['salaries'], titles: readonly [string, string]): [number | null, number | null] {
  const found: [number | null, number | null] = [null, null];
  const [a, b] = titles.map(lower);
  for (const { name, amount } of salaries) {
    const role = lower(name) === a ? 0 : lower(name) === b ? 1 : null;
    const value = parseWholeDollars(amount);
    if (role !== null && a !== b && value.ok) found[role] = value.value;
  }
  return found;
}

/** Hourly × 2080 working hours ≈ yearly; the site rounds each, so allow a dollar an hour's slack in 1%. */
export function hourlyFitsYearly(hourly: number, yearly: number): boolean {
  return Math.abs(hourly * 2080 - yearly) <= Math.max(0.01 * yearly, 21);
}

/** The checks that apply to a row of `field`, strongest first. */
export function checksFor(field: RowTarget, page: PageEvidence): RowCheck[] {
  const checks: RowCheck[] = [];
  const both = (pair: Pair, test: (value: unknown, known: unknown, side: 0 | 1) => boolean | undefined) => (values: Pair): boolean | undefined => {
    const verdicts = ([0, 1] as const).map((i) => (pair[i] === null || values[i] === null ? undefined : test(values[i], pair[i], i)));
    if (verdicts.every((v) => v === undefined)) return undefined;
    return verdicts.every((v) => v !== false);
  };
  if (field === 'yearlySalary' && page.introSalaries.some((s) => s !== null)) {
    checks.push({ name: 'the intro states both yearly salaries', agrees: both(page.introSalaries, (v, known) => v === known) });
  }
  const decided = page.decided.get(field);
  if (decided) {
    checks.push({ name: 'another table shows the same values', agrees: both(decided, (v, known) => json(v) === json(known)) });
  }
  if (field === 'hourlyRate') {
    const yearly = page.decided.get('yearlySalary') ?? page.introSalaries;
    checks.push({
      name: 'hourly × 2080 matches the yearly salary',
      agrees: both(yearly, (v, known) => (typeof v === 'number' && typeof known === 'number' ? hourlyFitsYearly(v, known) : undefined)),
    });
  }
  return checks;
}
