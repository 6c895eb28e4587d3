/**
 * Matching the prose's names for the roles ("collections/accounts receivables", "an officer
 * for collections/accounts receivable", garbled "collectionss, customer service") to the two
 * titles of the table header. Prose is never trusted to spell a title exactly, so names are
 * compared by their letters (bigram overlap), and a pair of names is matched as a pair.
 */

export function normalizeName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Bigrams of recently compared names: a page compares each of its prose names with the same two
 * titles, and normalizing a name costs more than comparing it. Small, and emptied when full, so
 * a worker's memory does not grow with the corpus.
 */
const recentBigrams = new Map<string, ReadonlyMap<string, number>>();
const RECENT_BIGRAMS_LIMIT = 256;

function bigrams(text: string): ReadonlyMap<string, number> {
  const known = recentBigrams.get(text);
  if (known) return known;
  const s = normalizeName(text).replace(/ /g, '');
  const grams = new Map<string, number>();
  for (let i = 0; i < s.length - 1; i++) {
    const g = s.slice(i, i + 2);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  if (recentBigrams.size >= RECENT_BIGRAMS_LIMIT) recentBigrams.clear();
  recentBigrams.set(text, grams);
  return grams;
}

/** Dice similarity of two names, 0..1 (1 for the same letters in the same order). */
export function nameSimilarity(a: string, b: string): number {
  const ga = bigrams(a);
  const gb = bigrams(b);
  let total = 0;
  let shared = 0;
  for (const n of ga.values()) total += n;
  for (const [g, n] of gb) {
    total += n;
    shared += Math.min(n, ga.get(g) ?? 0);
  }
  return total === 0 ? 0 : (2 * shared) / total;
}

/** Below this, a prose name is taken to name neither title. */
const MIN_SIMILARITY = 0.5;

/** Index (0 or 1) of the title a prose name means, or null when it is not clear. */
export function matchOne(name: string, titles: readonly [string, string]): 0 | 1 | null {
  const [a, b] = [nameSimilarity(name, titles[0]), nameSimilarity(name, titles[1])];
  if (Math.max(a, b) < MIN_SIMILARITY || a === b) return null;
  return a > b ? 0 : 1;
}

/**
 * Whether two prose names given together (first, second) are in title order (`false`) or
 * swapped (`true`); null when the letters cannot tell (e.g. both titles the same).
 */
export function pairIsSwapped(first: string, second: string, titles: readonly [string, string]): boolean | null {
  const straight = nameSimilarity(first, titles[0]) + nameSimilarity(second, titles[1]);
  const swapped = nameSimilarity(first, titles[1]) + nameSimilarity(second, titles[0]);
  if (Math.max(straight, swapped) < 2 * MIN_SIMILARITY || straight === swapped) return null;
  return swapped > straight;
}

/**
 * Which titles a passage of prose mentions by name. A title found inside a longer title's
 * mention ("manager" within "assistant manager") is not counted for the shorter one.
 */
export function mentionedRoles(text: string, names: readonly [readonly string[], readonly string[]]): Set<0 | 1> {
  let haystack = ` ${normalizeName(text)} `;
  const candidates = ([0, 1] as const)
    .flatMap((i) => names[i].map((n) => ({ i, n: normalizeName(n) })))
    .filter((c) => c.n.length > 0)
    .sort((x, y) => y.n.length - x.n.length);
  const found = new Set<0 | 1>();
  for (const { i, n } of candidates) {
    const needle = ` ${n} `;
    if (haystack.includes(needle)) {
      found.add(i);
      haystack = haystack.split(needle).join(' \u0000 ');
    }
  }
  return found;
}
