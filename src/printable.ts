/** Characters that break a message's line or drive the terminal: C0 and C1 controls, DEL, the Unicode line separators and the bidirectional overrides. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Text (a file name, most often) made safe to print inside a one-line message: each unsafe
 * character is written as an escape (`\n`, `\x1b`, `\u202e`), so a name cannot split a message
 * in two or clear the screen. Everything else, letters of any script included, is kept.
 */
export function printable(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const named = NAMED[c];
    if (named) return named;
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
