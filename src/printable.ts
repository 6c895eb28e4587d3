/**
 * Characters that break a message's line or drive the terminal: C0 and C1 controls, DEL, the
 * Unicode line separators and the bidirectional overrides; and the lone surrogates U+DC80–U+DCFF
 * that stand for the bytes of a file name that are not UTF-8 (see `files/fileNames.ts`).
 */
const UNSAFE = /[\u{0000}-\u{001f}\u{007f}-\u{009f}\u{2028}\u{2029}\u{200e}\u{200f}\u{202a}-\u{202e}\u{2066}-\u{2069}\u{dc80}-\u{dcff}]/gu;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Text (a file name, most often) made safe to print inside a one-line message: each unsafe
 * character is written as an escape (`\n`, `\x1b`, `\u202e`), and a byte of a name that is not
 * UTF-8 as that byte (`caf\xe9.txt`), so a name cannot split a message in two or clear the
 * screen. Everything else, letters of any script included, is kept.
 */
export function printable(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const named = NAMED[c];
    if (named) return named;
    const code = c.charCodeAt(0);
    if (code >= 0xdc80 && code <= 0xdcff) return `\\x${(code - 0xdc00).toString(16)}`;
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
