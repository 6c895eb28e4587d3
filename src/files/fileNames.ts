import { utf8CharAt } from '../util/utf8.js';

/**
 * File names that are not UTF-8. A Linux file name is bytes; Node reads names as UTF-8 and turns
 * bytes that are not into U+FFFD, a name that then opens nothing. Such a name is kept in a string
 * the way Python's `surrogateescape` keeps it: each stray byte 0xNN becomes the lone surrogate
 * U+DCNN, which no UTF-8 name can hold, so the string goes back to the exact bytes when the file
 * is opened, and `printable` shows the byte as `\xNN`.
 */

// ignoreBOM keeps a leading U+FEFF: it is part of the name.
const STRICT = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** A directory entry's name as read with `encoding: 'buffer'`, as a string that keeps every byte. */
export function nameFromBytes(bytes: Uint8Array): string {
  try {
    return STRICT.decode(bytes);
  } catch {
    return escapeStrays(bytes);
  }
}

/** What to hand `fs` for a path: the string itself, or its bytes when it holds escaped ones. */
export function pathOnDisk(path: string): string | Buffer {
  if (!ESCAPED_BYTE.test(path)) return path;
  const parts: Buffer[] = [];
  let run = '';
  for (const c of path) {
    const code = c.charCodeAt(0);
    if (c.length === 1 && code >= 0xdc80 && code <= 0xdcff) {
      parts.push(Buffer.from(run, 'utf8'), Buffer.from([code - 0xdc00]));
      run = '';
    } else run += c;
  }
  parts.push(Buffer.from(run, 'utf8'));
  return Buffer.concat(parts);
}

/**
 * A path as text any UTF-8 reader takes, for a database or a report: each byte that is not UTF-8
 * written `\xNN`, as `printable` writes it. What opens the file is the path itself.
 */
export function pathAsText(path: string): string {
  return ESCAPED_BYTE.test(path) ? path.replace(ESCAPED_BYTES, (c) => `\\x${(c.charCodeAt(0) - 0xdc00).toString(16)}`) : path;
}

const ESCAPED_BYTES = /[\u{dc80}-\u{dcff}]/gu;

/** A lone surrogate standing for a byte (in `u` mode a surrogate pair is one character and never matches). */
const ESCAPED_BYTE = /[\u{dc80}-\u{dcff}]/u;

function escapeStrays(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; ) {
    const { length, wellFormed } = utf8CharAt(bytes, i);
    if (wellFormed) out += STRICT.decode(bytes.subarray(i, i + length));
    else for (const b of bytes.subarray(i, i + length)) out += String.fromCharCode(0xdc00 + b);
    i += length;
  }
  return out;
}
