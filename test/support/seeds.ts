import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The repository's fixtures folder, where the seeds are kept byte for byte. */
export const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));

/**
 * The seed captures' file names, in order: the text captures saved from the site, named by number
 * and hash (`000_61d26842a8aa7f89.txt`), not the pages written for the project beside them
 * (`010_no-overview.txt`).
 */
export const SEED_CAPTURES: readonly string[] = readdirSync(FIXTURES)
  .filter((f) => /^\d{3}_[0-9a-f]{16}\.txt$/.test(f))
  .sort();

/** A seed capture's text by its number: `seed('000')`. */
export function seed(number: string): string {
  const name = readdirSync(FIXTURES).find((f) => f.startsWith(`${number}_`) && f.endsWith('.txt'));
  if (!name) throw new Error(`no seed ${number}_*.txt in ${FIXTURES}`);
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/** The line of a seed that contains `needle`, so tests run on real lines. */
export function seedLine(number: string, needle: string): string {
  const line = seed(number).split('\n').find((l) => l.includes(needle));
  if (!line) throw new Error(`seed ${number} has no line containing "${needle}"`);
  return line;
}

/** Each seed role with the number of seed pages that show it: two are on three, the others on one. */
export const SEED_PAGE_COUNTS = [
  { key: 'account-specialist', page_count: 3 },
  { key: 'collections-accounts-receivable', page_count: 1 },
  { key: 'collections-associate', page_count: 1 },
  { key: 'collections-coordinator', page_count: 3 },
  { key: 'collections-representative', page_count: 1 },
  { key: 'senior-collection-specialist', page_count: 1 },
] as const;
