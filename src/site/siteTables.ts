import { normalizeLabel, rowFieldFor } from './rowFields.js';

/**
 * The site's comparison tables in page order, each with its row labels in the order it prints
 * them (as `normalizeLabel` gives them). A page may lack the overview; every page carries the
 * other three, and the demographics table is the last.
 */
export const SITE_TABLES = [
  {
    name: 'overview',
    labels: ['yearly salary', 'hourly rate', 'growth rate', 'number of jobs', 'job satisfaction', 'most common degree', 'average age', 'years of experience'],
  },
  {
    name: 'salary',
    labels: ['average salary', 'salary range', 'highest paying city', 'highest paying state', 'best paying company', 'best paying industry'],
  },
  { name: 'education', labels: ['most common degree', 'most common major', 'most common college'] },
  { name: 'demographics', labels: ['average age', 'gender ratio', 'race ratio', 'lgbt percentage'] },
] as const;

export type SiteTable = (typeof SITE_TABLES)[number];

/**
 * Which of the site's tables holds these row labels: the one holding most of them. The degree and
 * the age are in two tables each, so a table showing only one of them is taken for the first
 * such table not before the one read before it (`after`, an index into SITE_TABLES). Null when
 * no label is the site's.
 */
export function siteTableOf(labels: readonly string[], after: number): number | null {
  const known = labels.filter((l) => rowFieldFor(l) !== undefined).map(normalizeLabel);
  if (known.length === 0) return null;
  let best: number | null = null;
  let bestCount = 0;
  SITE_TABLES.forEach((table, i) => {
    const count = known.filter((l) => (table.labels as readonly string[]).includes(l)).length;
    const better = count > bestCount || (count === bestCount && count > 0 && best !== null && best < after && i >= after);
    if (better) {
      best = i;
      bestCount = count;
    }
  });
  return best;
}

/** The site's titles over a page's sections: "X vs Y skills", "Differences between X and Y education". */
const SECTION_TITLE = /(?:\svs\.?\s.+\s(?:overview|salary|demographics|skills)|^differences between .+\sand\s.+\s(?:education|duties and responsibilities))$/i;
const LONGEST_SECTION_TITLE = 300;

export const isSectionTitle = (text: string): boolean => text.length <= LONGEST_SECTION_TITLE && SECTION_TITLE.test(text);
