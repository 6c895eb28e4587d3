import { dirname, relative, resolve } from 'node:path';
import type { Database } from 'better-sqlite3';
import { pathAsText } from '../files/fileNames.js';

/**
 * The page a capture is of. The site's URL for "A vs B" ends in `a-vs-b`, built from the two
 * roles' keys, so that last segment of a capture's URL, or the same text made from its roles
 * when it has no URL, names the page whether it was saved as HTML or as text.
 */
export function pageKeyOf(url: string | null, roleA: string, roleB: string): string {
  const segment = url?.replace(/[?#].*$/, '').replace(/\/+$/, '').split('/').pop();
  return segment && segment.includes('-vs-') ? segment.toLowerCase() : `${roleA}-vs-${roleB}`;
}

/** The folder a database's relative paths start from (the working folder for an in-memory one). */
export function databaseFolder(db: Database): string {
  return db.memory ? process.cwd() : dirname(resolve(db.name));
}

/**
 * A capture's path as stored: relative to the database's folder, so that a database and its
 * folder of pages can be moved together. `path` is absolute, or relative to the working folder.
 * A name that is not UTF-8 is stored as text, its stray bytes written `\xNN`.
 */
export function storedPath(folder: string, path: string): string {
  return pathAsText(relative(folder, resolve(path)).split('\\').join('/'));
}
