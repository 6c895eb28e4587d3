import { describe, expect, it } from 'vitest';
import { printable } from '../src/printable.js';

describe('printable: a name safe inside a one-line message', () => {
  it.each([
    ['pages/line one\nline two.txt', 'pages/line one\\nline two.txt'],
    ['pages/\u001b[2Jcleared.html', 'pages/\\x1b[2Jcleared.html'],
    ['tab\there\r.txt', 'tab\\there\\r.txt'],
    ['bell\u0007 and del\u007f and c1\u009b', 'bell\\x07 and del\\x7f and c1\\x9b'],
    ['evil\u202etxt.exe', 'evil\\u202etxt.exe'],
    ['sep\u2028arator', 'sep\\u2028arator'],
  ])('%j is printed as %s', (name, shown) => {
    expect(printable(name)).toBe(shown);
  });

  it('keeps spaces, accents and other scripts as they are', () => {
    expect(printable('good-003 café ñandú/Медсестра רופא.txt')).toBe('good-003 café ñandú/Медсестра רופא.txt');
  });

  it('shows a byte of a file name that is not UTF-8 as that byte, and keeps characters beyond the BMP', () => {
    expect(printable('pages/caf\udce9.txt')).toBe('pages/caf\\xe9.txt');
    expect(printable('pages/\u{1f4e9} mail.txt')).toBe('pages/\u{1f4e9} mail.txt');
  });
});
