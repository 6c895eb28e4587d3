import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PageError } from '../../src/errors.js';
import { decodePage, isHtml, tallyUtf8 } from '../../src/read/detect.js';
import { FIXTURES, seed, seedLine } from '../support/seeds.js';
import { extractPage } from '../../src/extract/extractPage.js';
import { readPageBytes } from '../../src/read/readPage.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
function utf16(s: string, endian: 'le' | 'be', bom: boolean): Uint8Array {
  const out: number[] = bom ? (endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out.push(...(endian === 'le' ? [c & 0xff, c >> 8] : [c >> 8, c & 0xff]));
  }
  return Uint8Array.from(out);
}

const degree = seedLine('000', '| Most common degree |'); // "Bachelor's Degree, 48%"
const htmlPage = (head: string, body: string) => `<!DOCTYPE html><html><head>${head}</head><body><p>${body}</p></body></html>`;

describe('decodePage: encodings', () => {
  it('reads UTF-8 by default, and strips a UTF-8 BOM', () => {
    const decoded = decodePage(utf8(seed('000')), 'a.txt');
    expect(decoded).toMatchObject({ kind: 'text', encoding: 'utf-8', notes: [] });
    expect(decoded.pieces.join('')).toBe(seed('000'));
    expect(decodePage(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(degree)]), 'a.txt').pieces.join("")).toBe(degree);
  });

  it('decodes a served page in pieces of 32 KiB of its bytes, a character cut between two carried whole to the next', () => {
    // 32,767 ASCII bytes, then "–" (three bytes) across the first boundary.
    const page = htmlPage('', `${'x'.repeat(32_767 - htmlPage('', '').indexOf('</p>'))}– Bachelor’s Degree, 48%`) + ' '.repeat(100_000);
    const { pieces, kind } = decodePage(utf8(page), 'a.html');
    expect(kind).toBe('html');
    expect(pieces.join('')).toBe(page);
    expect(pieces.length).toBe(Math.ceil(Buffer.byteLength(page) / 32_768));
    expect(pieces[1]!.startsWith('– Bachelor’s')).toBe(true);
  });

  it('decodes UTF-16 LE and BE by their BOM', () => {
    const page = htmlPage('', 'Café – Bachelor’s Degree, 48%');
    for (const order of ['le', 'be'] as const) {
      const decoded = decodePage(utf16(page, order, true), 'a.html');
      expect(decoded).toMatchObject({ kind: 'html', encoding: `utf-16${order}` });
      expect(decoded.pieces.join('')).toBe(page);
    }
  });

  it('recognises UTF-16 saved without a BOM by its zero bytes, and says it inferred it', () => {
    const decoded = decodePage(utf16(degree, 'le', false), 'a.txt');
    expect(decoded.pieces.join("")).toBe(degree);
    expect(decoded.notes[0]?.message).toMatch(/no byte order mark; decoded as utf-16le/);
  });

  it('decodes a latin-1 page by its <meta charset> or http-equiv content type', () => {
    const body = 'Highest paying City: San José, CA';
    for (const head of ['<meta charset="iso-8859-1">', '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">']) {
      const decoded = decodePage(latin1(htmlPage(head, body)), 'a.html');
      expect(decoded.pieces.join("")).toContain(body);
      expect(decoded.encoding).toBe('windows-1252');
    }
  });

  it('decodes undeclared bytes that are not UTF-8 as windows-1252, with a note', () => {
    const decoded = decodePage(latin1('Highest paying City: San José, CA'), 'a.txt');
    expect(decoded.pieces.join("")).toBe('Highest paying City: San José, CA');
    expect(decoded.notes[0]?.message).toMatch(/not valid UTF-8.*windows-1252/);
  });

  it('decodes UTF-8 with one stray byte as UTF-8, that byte replaced, with a note that says where', () => {
    const line = 'Highest paying City: San José, CA';
    const bytes = Uint8Array.from([...utf8(line), 0xa0, ...utf8(` Café Manager\n${seed('000')}`)]);
    const decoded = decodePage(bytes, 'a.txt');
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.pieces.join("")).toBe(`${line}\ufffd Café Manager\n${seed('000')}`);
    expect(decoded.notes.map((n) => n.message)).toEqual(['the file is UTF-8 but for one byte sequence that is not (the first at byte 34); each was replaced by U+FFFD']);
  });

  it('still decodes a latin-1 save with a UTF-8-looking pair by accident as windows-1252 when its strays outnumber it', () => {
    // "Â©" is a valid UTF-8 pair; "é" and "è" alone are not.
    const decoded = decodePage(latin1('Crème brûlée chef Â© 2024, café'), 'a.txt');
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.pieces.join("")).toBe('Crème brûlée chef Â© 2024, café');
  });

  it('ignores a UTF-16 declaration on ASCII-compatible bytes (the page was transcoded on save)', () => {
    expect(decodePage(utf8(htmlPage('<meta charset="utf-16">', 'Café')), 'a.html').pieces.join("")).toContain('Café');
  });

  it('refuses binary content with a one-line not-text error naming the file', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(() => decodePage(png, 'logo.html')).toThrow(PageError);
    expect(() => decodePage(png, 'logo.html')).toThrow(/^logo\.html: .*binary/);
    const controls = latin1('\x01\x02\x03\x04\x05\x06 text'.repeat(50));
    expect(() => decodePage(controls, 'x.txt')).toThrow(/binary data/);
  });
});

describe('isHtml: by content, not by name', () => {
  it('sees the seed captures as text', () => {
    for (const n of ['000', '004']) expect(isHtml(seed(n))).toBe(false);
  });

  it('sees documents and fragments as HTML', () => {
    expect(isHtml(htmlPage('', 'x'))).toBe(true);
    expect(isHtml('\n  <!-- saved --><html>')).toBe(true);
    expect(isHtml('<div class="cmp"><p>Yearly salary</p></div>')).toBe(true);
  });

  it('does not take text that merely starts with "<" for HTML', () => {
    expect(isHtml('<3 this job\nYearly salary $37,938')).toBe(false);
    expect(isHtml('<b> is how a tag looks')).toBe(false);
  });
});

describe('tallyUtf8', () => {
  it('counts well-formed multi-byte characters and the sequences a UTF-8 decoder replaces', () => {
    expect(tallyUtf8(utf8('Café – 48%'))).toEqual({ characters: 2, strays: 0, firstStray: -1 });
    expect(tallyUtf8(latin1('San José'))).toEqual({ characters: 0, strays: 1, firstStray: 7 });
    // A cut-off three-byte character is one stray, as the decoder makes it one U+FFFD.
    expect(tallyUtf8(Uint8Array.from([0x41, 0xe2, 0x80, 0x41, 0xc3, 0xa9]))).toEqual({ characters: 1, strays: 1, firstStray: 1 });
  });

  it('finds as many strays as the WHATWG decoder makes replacement characters, in any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const clean = bytes.filter((b, i) => !(b === 0xef && bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd));
        const replaced = [...new TextDecoder('utf-8', { ignoreBOM: true }).decode(clean)].filter((c) => c === '\ufffd').length;
        expect(tallyUtf8(clean).strays).toBe(replaced);
      }),
    );
  });
});

describe('a capture with one stray byte', () => {
  const file = join(FIXTURES, '004_53ee470b7ca18917.txt');
  const recordOf = (bytes: Uint8Array) => {
    const page = readPageBytes(bytes, file);
    return extractPage(page.document, { path: file, sha256: page.sha256 });
  };

  it('gives fixture 004 the same roles, every skill and responsibility kept, and a page warning', () => {
    const bytes = readFileSync(file);
    const at = bytes.indexOf(' average salary');
    const damaged = Uint8Array.from(bytes);
    damaged[at] = 0xa0;
    const clean = recordOf(bytes);
    const record = recordOf(damaged);
    expect(record.roles.map((r) => [r.key, r.skills.length, r.responsibilities.length])).toEqual(clean.roles.map((r) => [r.key, r.skills.length, r.responsibilities.length]));
    expect(record.roles[0]!.skills.length).toBeGreaterThan(0);
    expect(record.roles[1]!.responsibilities[0]).toBe(clean.roles[1]!.responsibilities[0]);
    expect(record.roles.map((r) => r.yearlySalary)).toEqual(clean.roles.map((r) => r.yearlySalary));
    expect(record.warnings.filter((w) => w.role === null).map((w) => w.message)).toEqual([
      `the file is UTF-8 but for one byte sequence that is not (the first at byte ${at}); each was replaced by U+FFFD`,
    ]);
  });
});
