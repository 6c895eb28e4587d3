import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PageError } from '../../../src/errors.js';
import { MAX_MARKUP_DEPTH, markupDepth } from '../../../src/read/html/depth.js';
import { readHtml } from '../../../src/read/html/readHtml.js';
import { readPageBytes } from '../../../src/read/readPage.js';
import { FIXTURES } from '../../support/seeds.js';

const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

describe('markupDepth: how deep elements nest, in one pass', () => {
  it('finds the served pages a few levels deep', () => {
    expect(markupDepth(fixture('005_61d26842a8aa7f89_table.html'))).toBeLessThan(20);
    expect(markupDepth(fixture('009_53ee470b7ca18917_grid.html'))).toBeLessThan(20);
  });

  it('counts elements closed or not, and not those that close themselves or hold nothing', () => {
    expect(markupDepth('<div><div><b>x</b></div></div>')).toBe(3);
    expect(markupDepth('<b><b><b>unclosed')).toBe(3);
    expect(markupDepth('<ul><li>a<li>b<li>c</ul><p>one<p>two<br><img src=x><hr/>')).toBe(1);
    expect(markupDepth('<svg><path/><path/></svg>')).toBe(1);
  });

  it('does not count markup in comments, scripts and styles', () => {
    expect(markupDepth(`<!-- ${'<div>'.repeat(50)} --><script>var t = "${'<div>'.repeat(50)}";</SCRIPT><style>a{}</style><p>x`)).toBe(0);
  });

  it('stops counting just above its limit', () => {
    expect(markupDepth('<i>'.repeat(1000), 10)).toBe(11);
  });
});

describe('readHtml on markup nested past any page', () => {
  it('reads 20,000 nested inline elements, keeping the deep rich text as plain text with a note', () => {
    const doc = readHtml(`<div><p>${'<b>'.repeat(20_000)}Bold at the bottom${'</b>'.repeat(20_000)}</p></div>`);
    expect(doc.blocks).toEqual([{ kind: 'paragraph', text: 'Bold at the bottom', markdown: 'Bold at the bottom' }]);
    expect(doc.notes).toEqual([{ label: null, message: 'rich text nested deeper than 64 levels was kept as plain text' }]);
  });

  it(`does not parse markup deeper than ${MAX_MARKUP_DEPTH} levels, and says so`, () => {
    const doc = readHtml(`${'<div>'.repeat(200_000)}<p>x</p>`);
    expect(doc.blocks).toEqual([]);
    expect(doc.notes[0]?.message).toBe(
      'markup nested more than 25,000 levels deep was not read (a page nests a few dozen; parsing it would take minutes)',
    );
  });

  it('and a saved file of such markup fails with a PageError naming it', () => {
    const bytes = Buffer.from(`<html><body>${'<div>'.repeat(100_000)}</body></html>`);
    expect(() => readPageBytes(bytes, 'nest.html')).toThrow(PageError);
    expect(() => readPageBytes(bytes, 'nest.html')).toThrow(
      'nest.html: the markup nests more than 25,000 levels deep; a saved page nests a few dozen, so this is not one (it was not parsed)',
    );
  });
});
