import type PostalMime from 'postal-mime';
import { PageError } from '../../errors.js';

/** How browsers name a single-file save: the kinds a folder is walked for, beside pages and archives. */
export const SINGLE_FILE_EXTENSIONS: ReadonlySet<string> = new Set(['.mhtml', '.mht']);

/** How much of a file's start is searched for the MIME headers of a `.mhtml` save. */
const HEADER_BYTES = 4096;

/**
 * Whether the bytes are a single-file web page as Chrome and Edge save it (`.mhtml`, "Webpage,
 * Single File"): a MIME message whose headers, before the first blank line, say `MIME-Version`
 * and `multipart/related`. Told by content, as every other kind of saved page is.
 */
export function isMhtml(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, HEADER_BYTES));
  const headers = head.split(/\r?\n\r?\n/, 1)[0]!;
  return /^MIME-Version:/im.test(headers) && /^Content-Type:\s*multipart\/related/im.test(headers);
}

/** The page a `.mhtml` file holds: its HTML part, and the URL and date the browser saved it with. */
export interface MhtmlPage {
  /** The HTML part, decoded from quoted-printable or base64 and its charset, as UTF-8 with a byte order mark. */
  bytes: Uint8Array;
  url: string | null;
  /** ISO 8601 UTC, from the message's `Date`; null without a valid one. */
  savedAt: string | null;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * Reads a `.mhtml` save with postal-mime: the message's first HTML part is the page (the others are
 * its images and styles), `Snapshot-Content-Location` its URL, `Date` when it was saved.
 */
export async function readMhtml(bytes: Uint8Array, path: string): Promise<MhtmlPage> {
  // Loaded here, not with this module: reading a page that is no `.mhtml` does not pay for postal-mime.
  const { default: parser } = await import('postal-mime');
  let email: Awaited<ReturnType<typeof PostalMime.parse>>;
  try {
    email = await parser.parse(bytes);
  } catch (error) {
    throw new PageError('not-text', path, `the .mhtml file cannot be read as a MIME message (${error instanceof Error ? error.message : String(error)}); save the page again`);
  }
  if (!email.html) throw new PageError('not-a-comparison', path, 'the .mhtml file holds no HTML part; save the page again as "Webpage, Single File"');
  // The part is text now; the byte order mark makes the readers take it as the UTF-8 it is
  // re-encoded as, whatever charset its <meta> names.
  const html = new TextEncoder().encode(email.html);
  const page = new Uint8Array(UTF8_BOM.length + html.byteLength);
  page.set(UTF8_BOM);
  page.set(html, UTF8_BOM.length);
  const location = email.headers.find((h) => h.key === 'snapshot-content-location')?.value.trim();
  const time = email.date ? Date.parse(email.date) : Number.NaN;
  return { bytes: page, url: location ? location : null, savedAt: Number.isNaN(time) ? null : new Date(time).toISOString() };
}
