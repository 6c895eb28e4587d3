import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPage } from '../../../src/extract/extractPage.js';
import { readHtml } from '../../../src/read/html/readHtml.js';
import { FIXTURES } from '../../support/seeds.js';

const article = (): string => {
  const page = readFileSync(join(FIXTURES, '005_61d26842a8aa7f89_table.html'), 'utf8');
  return page.slice(page.indexOf('<main'), page.indexOf('</main>') + '</main>'.length);
};

describe('a page wrapped in thousands of nested wrappers', () => {
  it('is read as the page inside, with a warning that the wrappers were stepped through', () => {
    const depth = 10_000;
    const doc = readHtml(`<html><body>${'<div>'.repeat(depth)}${article()}${'</div>'.repeat(depth)}</body></html>`);
    const record = extractPage(doc, { path: 'deep.html', sha256: '0'.repeat(64) });
    expect(record.roles.map((r) => [r.key, r.yearlySalary])).toEqual([
      ['collections-coordinator', 37938],
      ['account-specialist', 42586],
    ]);
    expect(record.warnings).toContainEqual({
      role: null,
      field: 'page',
      message: 'wrappers nested deeper than 256 levels (10001) were stepped through to the content',
    });
  });

  it('steps through custom elements and sections as well as divs', () => {
    const open = '<section><x-card><div>'.repeat(2_000);
    const close = '</div></x-card></section>'.repeat(2_000);
    const doc = readHtml(`${open}<p>Inner text</p>${close}`);
    expect(doc.blocks).toEqual([{ kind: 'paragraph', text: 'Inner text', markdown: 'Inner text' }]);
  });

  it('still reads siblings at each level in page order', () => {
    const doc = readHtml(`<div><div><h2>Title</h2><div><div><p>One</p></div></div><p>Two</p></div></div>`);
    expect(doc.blocks.map((b) => (b.kind === 'heading' || b.kind === 'paragraph' ? b.text : b.kind))).toEqual(['Title', 'One', 'Two']);
  });
});
