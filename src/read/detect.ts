import { PageError } from '../errors.js';
import { utf8CharAt } from '../util/utf8.js';
import type { ReaderNote } from './document.js';

/**
 * What a saved file is, from its bytes rather than its name: HTML or text, and which encoding
 * turns its bytes into text. Browsers and capture tools save pages as UTF-8, as the page's own
 * charset (often windows-1252 on older pages) or as UTF-16 with a BOM; all decode here.
 */
export interface DecodedPage {
  /**
   * The text, in pieces decoded from `PIECE_BYTES` of the file each. A served page made as one
   * string would be one of the strings V8 allocates apart, each in pages of its own, which costs
   * more than making the same text in pieces. The HTML reader parses the pieces as they come;
   * text captures, far smaller, are joined.
   */
  pieces: string[];
  kind: 'html' | 'text';
  /** The WHATWG name of the encoding used (`utf-8`, `windows-1252`, `utf-16le`, …). */
  encoding: string;
  /** How the encoding was chosen when that was not certain (no BOM, no valid declaration). */
  notes: ReaderNote[];
}

/** How far into the file a `<meta charset>` is looked for; heads put it first (spec: 1024). */
const SNIFF_BYTES = 4096;

/** The bytes decoded into one piece of text: at most 64 KB as a string, below V8's large objects. */
const PIECE_BYTES = 32 * 1024;

export function decodePage(bytes: Uint8Array, path: string): DecodedPage {
  if (bytes.length === 0) {
    throw new PageError('not-a-comparison', path, 'the file is empty (0 bytes); save the page again');
  }
  const format = knownBinaryFormat(bytes);
  if (format) {
    throw new PageError('not-text', path, `the file holds binary data (${format}), not a saved page (expected HTML or text)`);
  }
  const notes: ReaderNote[] = [];
  const encoding = chooseEncoding(bytes, path, notes);
  let pieces: string[];
  try {
    pieces = decodeInPieces(bytes, encoding.name, true);
  } catch {
    if (encoding.name !== 'utf-8') {
      throw new PageError('not-text', path, `the bytes are not valid ${encoding.name} (${encoding.why}); save the page again as UTF-8`);
    }
    const tally = tallyUtf8(bytes);
    if (tally.characters >= tally.strays) {
      // A UTF-8 save with a stray byte or two: decoding it all as windows-1252 would garble every
      // other character (the bullets that mark list items among them).
      pieces = decodeInPieces(bytes, 'utf-8', false);
      notes.push({
        label: null,
        message: `the file is UTF-8 but for ${tally.strays === 1 ? 'one byte sequence' : `${tally.strays} byte sequences`} that ${tally.strays === 1 ? 'is' : 'are'} not (the first at byte ${tally.firstStray}); each was replaced by U+FFFD`,
      });
    } else {
      // Bytes that are not UTF-8 and say nothing else are almost always a windows-1252 save.
      pieces = decodeInPieces(bytes, 'windows-1252', false);
      notes.push({ label: null, message: `the file is not valid UTF-8 (${encoding.why}); it was decoded as windows-1252` });
      encoding.name = 'windows-1252';
    }
  }
  // The first piece holds 8,192 characters at least (four bytes a character at most), or the whole text.
  if (looksBinary(pieces[0] ?? '')) {
    throw new PageError('not-text', path, 'the file holds binary data, not a saved page (expected HTML or text)');
  }
  if (pieces.every((piece) => piece.trim() === '')) {
    throw new PageError('not-a-comparison', path, `the file holds only whitespace (${bytes.length} bytes); save the page again`);
  }
  return { pieces, kind: isHtml(headOf(pieces)) ? 'html' : 'text', encoding: encoding.name, notes };
}

/**
 * `bytes` decoded as `encoding`, in pieces of `PIECE_BYTES` (a character cut between two pieces
 * is carried to the next). `ignoreBOM: false`, the default, strips the BOM the encoding was
 * chosen by. With `fatal`, throws at the first byte sequence that is not the encoding's.
 */
function decodeInPieces(bytes: Uint8Array, encoding: string, fatal: boolean): string[] {
  const decoder = new TextDecoder(encoding, { fatal });
  const pieces: string[] = [];
  for (let at = 0; at < bytes.length; at += PIECE_BYTES) {
    const piece = decoder.decode(bytes.subarray(at, at + PIECE_BYTES), { stream: true });
    if (piece) pieces.push(piece);
  }
  const last = decoder.decode();
  if (last) pieces.push(last);
  return pieces;
}

/** The text from its first piece that is not blank, as far as `isHtml` looks into a page. */
function headOf(pieces: readonly string[]): string {
  let head = '';
  for (const piece of pieces) {
    head = head.trim() === '' ? piece : head + piece;
    if (head.length > SNIFF_BYTES * 4 + 64 && head.trim() !== '') break;
  }
  return head;
}

/**
 * How much of a text that is not valid UTF-8 is UTF-8 all the same: its well-formed multi-byte
 * characters, and the byte sequences a UTF-8 decoder replaces (counted as it counts them, one
 * for each maximal ill-formed part). A windows-1252 save has no multi-byte characters but by
 * rare accident; a UTF-8 save with a stray byte has many more of them than strays.
 */
export function tallyUtf8(bytes: Uint8Array): { characters: number; strays: number; firstStray: number } {
  let characters = 0;
  let strays = 0;
  let firstStray = -1;
  for (let i = 0; i < bytes.length; ) {
    if (bytes[i]! < 0x80) {
      i++;
      continue;
    }
    const { length, wellFormed } = utf8CharAt(bytes, i);
    if (wellFormed) characters++;
    else {
      if (firstStray < 0) firstStray = i;
      strays++;
    }
    i += length;
  }
  return { characters, strays, firstStray };
}

/** Files that land among saved pages by mistake, named by their magic numbers so the reason says what they are. */
const MAGIC: ReadonlyArray<[string, readonly number[]]> = [
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['a ZIP archive (or an Office document)', [0x50, 0x4b, 0x03, 0x04]],
  ['a gzip archive', [0x1f, 0x8b]],
];

function knownBinaryFormat(bytes: Uint8Array): string | null {
  for (const [name, magic] of MAGIC) {
    if (bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b)) return name;
  }
  // RIFF….WEBP
  if (bytes.length >= 12 && String.fromCharCode(...bytes.subarray(0, 4)) === 'RIFF' && String.fromCharCode(...bytes.subarray(8, 12)) === 'WEBP') {
    return 'a WebP image';
  }
  return null;
}

interface Choice {
  name: string;
  why: string;
}

function chooseEncoding(bytes: Uint8Array, path: string, notes: ReaderNote[]): Choice {
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { name: 'utf-8', why: 'UTF-8 byte order mark' };
  if (b0 === 0xff && b1 === 0xfe) return { name: 'utf-16le', why: 'UTF-16 LE byte order mark' };
  if (b0 === 0xfe && b1 === 0xff) return { name: 'utf-16be', why: 'UTF-16 BE byte order mark' };

  const utf16 = utf16WithoutBom(bytes);
  if (utf16) {
    notes.push({ label: null, message: `no byte order mark; decoded as ${utf16} from its zero bytes` });
    return { name: utf16, why: `${utf16} by its zero bytes` };
  }
  // Buffer's indexOf is memchr; a typed array's includes looks at each byte in turn (30 times slower).
  if (Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(0) !== -1) {
    throw new PageError('not-text', path, 'the file holds NUL bytes: it is binary, not a saved page (expected HTML or text)');
  }

  const declared = declaredCharset(bytes);
  if (declared) {
    const name = encodingName(declared);
    // A page that says UTF-16 while its bytes are ASCII-compatible was transcoded on save (HTML spec).
    if (name && !name.startsWith('utf-16')) return { name, why: `declared charset "${declared}"` };
    if (!name) notes.push({ label: null, message: `unknown declared charset "${declared}"; decoded as UTF-8` });
  }
  return { name: 'utf-8', why: 'no byte order mark or charset declaration' };
}

/** `latin1`, `ISO-8859-1`, `cp1252` → the decoder's name, or null when no decoder knows it. */
function encodingName(label: string): string | null {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return null;
  }
}

/**
 * UTF-16 saved without a BOM still shows itself: ASCII markup has a zero byte in every pair,
 * on the odd side for little-endian and the even side for big-endian.
 */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 512) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.6 && evenZeros < pairs * 0.1) return 'utf-16le';
  if (evenZeros > pairs * 0.6 && oddZeros < pairs * 0.1) return 'utf-16be';
  return null;
}

/** The charset of `<meta charset>`, `<meta http-equiv content="…; charset=…">` or `<?xml encoding>`. */
function declaredCharset(bytes: Uint8Array): string | null {
  // Latin-1 maps every byte to one character, so offsets and ASCII markup survive whatever the encoding.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, SNIFF_BYTES));
  const xml = /^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([\w.:-]{1,40})["']/i.exec(head);
  if (xml) return xml[1]!;
  const metas = head.match(/<meta\b[^>]{0,1000}>/gi) ?? [];
  for (const meta of metas) {
    const m = /charset\s*=\s*["']?\s*([\w.:-]{1,40})/i.exec(meta);
    if (m) return m[1]!;
  }
  return null;
}

/** Control characters other than whitespace (and the replacement of undecodable bytes) mean binary. */
function looksBinary(text: string): boolean {
  const n = Math.min(text.length, 8192);
  if (n === 0) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f || c === 0xfffd) control++;
  }
  return control > n * 0.02;
}

/**
 * HTML when the text opens like a document (doctype, `<html>`, `<head>`, `<body>`, a comment
 * or XML declaration, any element) and closes a tag somewhere early. Text captures open with
 * words ("Explore jobs", "Post job"), never with markup.
 */
export function isHtml(text: string): boolean {
  let i = 0;
  while (i < text.length && (text.charCodeAt(i) <= 0x20 || text.charCodeAt(i) === 0xfeff)) i++;
  const start = text.slice(i, i + 64).toLowerCase();
  if (/^<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|\?xml\s|!--)/.test(start)) return true;
  if (!/^<[a-z][a-z0-9-]*[\s/>]/.test(start)) return false;
  return /<\/[a-z][a-z0-9-]*\s*>/i.test(text.slice(i, i + SNIFF_BYTES * 4));
}
