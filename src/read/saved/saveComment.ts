/** How much of an HTML file's start is searched for the comment a saving tool wrote there. */
const HEAD_BYTES = 4096;

/** What a saving tool wrote at the top of an HTML page about where and when it was saved. */
export interface SaveComment {
  url: string | null;
  /** ISO 8601 UTC; null when the tool writes no date (Chrome's "Webpage, HTML only"). */
  savedAt: string | null;
}

/**
 * Reads the comment a saving tool puts at the top of a page: SingleFile's
 * (`<!--\n Page saved with SingleFile \n url: https://… \n saved date: Mon Jan 15 2024 … -->`)
 * or Chrome's "Webpage, HTML only" (`<!-- saved from url=(0042)https://… -->`, the number being
 * the URL's length). Null when the page has neither.
 */
export function readSaveComment(bytes: Uint8Array): SaveComment | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, HEAD_BYTES));
  const singleFile = /<!--\s*Page saved with SingleFile\s*\n([\s\S]*?)-->/.exec(head);
  if (singleFile) {
    const fields = singleFile[1]!;
    const url = /^\s*url:\s*(\S+)\s*$/m.exec(fields)?.[1] ?? null;
    // The date is written by JavaScript's Date.prototype.toString, which Date.parse reads back;
    // the zone's name in brackets is left out, as a locale may translate it.
    const date = /^\s*saved date:\s*(.+?)\s*$/m.exec(fields)?.[1]?.replace(/\s*\(.*\)$/, '');
    const time = date ? Date.parse(date) : Number.NaN;
    return { url, savedAt: Number.isNaN(time) ? null : new Date(time).toISOString() };
  }
  const chrome = /<!--\s*saved from url=\((\d+)\)(\S+)/.exec(head);
  if (chrome) {
    const url = chrome[2]!.slice(0, Number(chrome[1]));
    return { url: url.length > 0 ? url : null, savedAt: null };
  }
  return null;
}
