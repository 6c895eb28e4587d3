/** How the report writes values: dollars, percents and counts as the site writes them. */

const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const cents = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const upToOneDecimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** What the report writes where the database has no value. */
export const NONE = '–';

export function dollars(n: number | null): string {
  return n === null ? NONE : `$${whole.format(n)}`;
}

export function hourly(n: number | null): string {
  return n === null ? NONE : `$${cents.format(n)}`;
}

export function percent(n: number | null): string {
  return n === null ? NONE : `${upToOneDecimal.format(n)}%`;
}

export function count(n: number | null): string {
  return n === null ? NONE : whole.format(n);
}

export function plain(n: number | null): string {
  return n === null ? NONE : upToOneDecimal.format(n);
}

/** `$30,000` → `$30k` for axis ticks, where room is short. */
export function dollarsShort(n: number): string {
  if (n !== 0 && n % 1000 === 0) return `$${whole.format(n / 1000)}k`;
  return dollars(n);
}

/**
 * A value as one page showed it (parsed from `observations.value`), written the way the site
 * writes that field. Shapes the field does not normally have are written as compact JSON rather
 * than dropped, so a disagreement is never hidden by formatting.
 */
export function formatObserved(field: string, value: unknown): string {
  if (value === null || value === undefined) return NONE;
  const n = typeof value === 'number' ? value : null;
  const obj = typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  switch (field) {
    case 'yearlySalary':
      if (n !== null) return dollars(n);
      break;
    case 'hourlyRate':
      if (n !== null) return hourly(n);
      break;
    case 'growthRate':
    case 'lgbtPct':
      if (n !== null) return percent(n);
      break;
    case 'numberOfJobs':
      if (n !== null) return count(n);
      break;
    case 'salaryRange':
      if (obj && typeof obj.min === 'number' && typeof obj.max === 'number') {
        return `${dollars(obj.min)} – ${dollars(obj.max)}`;
      }
      break;
    case 'degree':
      if (obj && typeof obj.name === 'string' && typeof obj.pct === 'number') return `${obj.name}, ${percent(obj.pct)}`;
      break;
    case 'gender':
      if (obj && typeof obj.male === 'number' && typeof obj.female === 'number') {
        return `Male ${percent(obj.male)}, female ${percent(obj.female)}`;
      }
      break;
  }
  if (n !== null) return plain(n);
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join(', ');
  if (Array.isArray(value)) return value.map(formatShare).join(', ');
  return JSON.stringify(value);
}

/** `{ group | name, pct }` list items (race, skills) as `White 59%`. */
function formatShare(item: unknown): string {
  if (item !== null && typeof item === 'object') {
    const o = item as Record<string, unknown>;
    const label = typeof o.group === 'string' ? o.group : typeof o.name === 'string' ? o.name : null;
    if (label !== null && typeof o.pct === 'number') return `${label} ${percent(o.pct)}`;
  }
  return JSON.stringify(item);
}
