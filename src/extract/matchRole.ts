import { nameWords } from '../schema/roleKey.js';
import { BoundedCache } from '../util/boundedCache.js';

/**
 * Matching the prose's names for the roles ("collections/accounts receivables", "an officer
 * for collections/accounts receivable", garbled "collectionss, customer service") to the two
 * titles of the table header. Prose is never trusted to spell a title exactly, so names are
 * compared by their letters (bigram overlap), and a pair of names is matched as a pair.
 */

/**
 * A name's letter pairs (bigrams), each as one number, sorted: two sorted lists are compared in
 * one merge, without a map per name. A pair of UTF-16 units fits in 32 bits, whatever the script.
 */
type Bigrams = Uint32Array;

/**
 * Bigrams of recently compared names: a page compares each of its prose names with the same two
 * titles, and normalizing a name costs more than comparing it.
 */
const recentBigrams = new BoundedCache<Bigrams>(256);

function bigrams(text: string): Bigrams {
  return recentBigrams.remember(text, () => {
    const s = nameWords(text).replace(/ /g, '');
    const grams = new Uint32Array(Math.max(0, s.length - 1));
    for (let i = 0; i < grams.length; i++) grams[i] = s.charCodeAt(i) * 0x10000 + s.charCodeAt(i + 1);
    return grams.sort();
  });
}

/** How many bigrams two names share, a repeated pair counted as often as both have it. */
function sharedBigrams(a: Bigrams, b: Bigrams): number {
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else (shared++, i++, j++);
  }
  return shared;
}

/** Dice similarity of two names, 0..1 (1 for the same letters in the same order). */
export function nameSimilarity(a: string, b: string): number {
  const ga = bigrams(a);
  const gb = bigrams(b);
  const total = ga.length + gb.length;
  return total === 0 ? 0 : (2 * sharedBigrams(ga, gb)) / total;
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
  return roleMentions(names)(text);
}

/**
 * `mentionedRoles` for many passages of one page: the names are normalized and ordered once,
 * and the returned function looks for them in each passage.
 */
export function roleMentions(names: readonly [readonly string[], readonly string[]]): (text: string) => Set<0 | 1> {
  const candidates = ([0, 1] as const)
    .flatMap((i) => names[i].map((n) => ({ i, needle: ` ${nameWords(n)} ` })))
    .filter((c) => c.needle.length > 2)
    .sort((x, y) => y.needle.length - x.needle.length);
  return (text) => {
    let haystack = ` ${nameWords(text)} `;
    const found = new Set<0 | 1>();
    for (const { i, needle } of candidates) {
      if (haystack.includes(needle)) {
        found.add(i);
        haystack = haystack.split(needle).join(' \u0000 ');
      }
    }
    return found;
  };
}
