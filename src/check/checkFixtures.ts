import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { PageError } from '../errors.js';
import { printable } from '../printable.js';
import { extractBytes } from '../extract/extractFile.js';
import { writeFileAtomically } from '../files/writeFileAtomically.js';
import { PAGE_EXTENSIONS, readPageFile } from '../read/pageFile.js';
import { diffJson } from './diffJson.js';

/** A fixture's expected record sits beside it: `000_seed.txt` → `000_seed.txt.expected.json`. */
export const expectedPathFor = (page: string): string => `${page}${EXPECTED_SUFFIX}`;
const EXPECTED_SUFFIX = '.expected.json';

export type FixtureResult =
  | { page: string; status: 'match' }
  /** With `update`: the expected file was rewritten (an unchanged one is a match). */
  | { page: string; status: 'updated'; expectedFile: string }
  | { page: string; status: 'mismatch'; differences: string[] }
  | { page: string; status: 'missing-expected' | 'error'; reason: string }
  /** An expected record whose page is not in the folder: `page` is the expected file. */
  | { page: string; status: 'missing-page'; reason: string };

/**
 * Extracts every page in `dir` and compares its record with the expected JSON beside it. The
 * record's `source.path` is the page's name inside `dir`, so the expected files do not depend
 * on where the check runs from.
 */
export async function checkFixtures(dir: string, options: { update?: boolean } = {}): Promise<FixtureResult[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isFile() && PAGE_EXTENSIONS.has(extname(e.name).toLowerCase()))
    .map((e) => e.name)
    .sort();
  const results: FixtureResult[] = [];
  for (const name of names) results.push(await checkOne(dir, name, options.update ?? false));
  // An expected record left behind by a page that was renamed or deleted checks nothing.
  const pages = new Set(names);
  for (const e of entries.filter((e) => e.name.endsWith(EXPECTED_SUFFIX)).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const page = e.name.slice(0, -EXPECTED_SUFFIX.length);
    if (pages.has(page)) continue;
    results.push({
      page: join(dir, e.name),
      status: 'missing-page',
      reason: `its page ${printable(page)} is not in the folder; restore the page, or delete the expected record`,
    });
  }
  return results;
}

async function checkOne(dir: string, name: string, update: boolean): Promise<FixtureResult> {
  const file = join(dir, name);
  let bytes: Uint8Array;
  try {
    bytes = await readPageFile(file);
  } catch (error) {
    if (error instanceof PageError) return { page: file, status: 'error', reason: error.reason };
    throw error;
  }
  // The record's path is the page's name inside `dir`; otherwise it is what extract prints.
  const actual = extractBytes(bytes, name);
  if (actual instanceof PageError) return { page: file, status: 'error', reason: actual.reason };
  const expectedFile = expectedPathFor(file);
  if (update) {
    const text = `${JSON.stringify(actual, null, 2)}\n`;
    if ((await readExisting(expectedFile)) === text) return { page: file, status: 'match' };
    writeFileAtomically(expectedFile, text);
    return { page: file, status: 'updated', expectedFile };
  }
  let expected: unknown;
  try {
    expected = JSON.parse(await readFile(expectedFile, 'utf8'));
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return {
      page: file,
      status: 'missing-expected',
      reason: missing
        ? `no expected record at ${printable(expectedFile)}; run \`rolepages check ${printable(dir)} --update\`, then check every value by hand against the page`
        : `${printable(expectedFile)} is not valid JSON (${(error as Error).message})`,
    };
  }
  const differences = diffJson(expected, actual);
  return differences.length === 0 ? { page: file, status: 'match' } : { page: file, status: 'mismatch', differences };
}

/** The file's text, or null when there is none. */
async function readExisting(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
