import { printable } from './printable.js';

/**
 * The one error a page can fail with. It names the file and says why in one line, and what to do
 * where there is something to do; the batch reports it and goes on.
 */
export type PageErrorCode =
  | 'unreadable' // the file cannot be read (permissions, a directory, gone)
  | 'too-large' // over the size cap
  | 'not-text' // binary content, or an encoding that cannot be decoded
  | 'not-a-comparison' // readable, but not an "X vs Y" page of the site
  | 'internal'; // rolepages itself failed on it: a bug to report, with the file

export class PageError extends Error {
  override readonly name = 'PageError';
  constructor(
    readonly code: PageErrorCode,
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${printable(file)}: ${reason}`);
  }
}

/**
 * Any error met on one page as the PageError it is: one already, or `internal` (a bug, or an
 * exhausted stack), still one line naming the file.
 */
export function toPageError(error: unknown, path: string): PageError {
  if (error instanceof PageError) return error;
  return new PageError('internal', path, `rolepages could not read it: ${error instanceof Error ? error.message : String(error)}`);
}
