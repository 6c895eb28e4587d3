import { isMhtml, readMhtml } from './mhtml.js';
import { readSaveComment } from './saveComment.js';

/** A saved file's page, with what the file itself says of where and when the page was saved. */
export interface SavedPage {
  /** The page's bytes: the file's, or the HTML part of a `.mhtml` file. */
  bytes: Uint8Array;
  url: string | null;
  /** ISO 8601 UTC; null when the file does not say. */
  savedAt: string | null;
}

/**
 * Unwraps a saved file: a `.mhtml` save gives its HTML part, URL and date; an HTML page saved by
 * SingleFile or by Chrome's "Webpage, HTML only" stays as it is, with the URL (and date) its top
 * comment states; any other file is its own page, saying nothing of its saving.
 */
export async function unwrapSavedPage(bytes: Uint8Array, path: string): Promise<SavedPage> {
  if (isMhtml(bytes)) return readMhtml(bytes, path);
  const comment = readSaveComment(bytes);
  return { bytes, url: comment?.url ?? null, savedAt: comment?.savedAt ?? null };
}
