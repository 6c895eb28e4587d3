import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPage } from '../../src/extract/extractPage.js';
import type { PageDocument } from '../../src/read/document.js';
import { readHtml } from '../../src/read/html/readHtml.js';
import { readPageText } from '../../src/read/readPage.js';
import type { PageRecord } from '../../src/schema/pageRecord.js';
import { type GridMarkup, renderFlatCapture, renderTabularCapture } from '../support/renderCaptures.js';
import { FIXTURES } from '../support/seeds.js';

/**
 * One record whatever the capture: each HTML fixture, its tabular text rendering and its
 * flattened text rendering must give the same roles, values and warnings (the flattened one
 * adds a warning for each value it had to split out of glued text). A reader drifting from the
 * others (a cell read differently, a section lost) shows up here first.
 */
const PAGES: Array<{ file: string; grid: GridMarkup | null }> = [
  { file: '005_61d26842a8aa7f89_table.html', grid: null },
  { file: '006_47a54ea3bd2ce3cc_table.html', grid: null },
  { file: '007_c0781b1da5386105_grid.html', grid: { grid: '.compare-grid', row: '.compare-row' } },
  { file: '008_83570a534fe137c2_table.html', grid: null },
  { file: '009_53ee470b7ca18917_grid.html', grid: { grid: 'jc-compare', row: 'jc-row' } },
  { file: '012_no-overview_table.html', grid: null },
  { file: '013_no-overview_grid.html', grid: { grid: 'jc-compare', row: 'jc-row' } },
];

function record(doc: PageDocument, content: string, path: string): Omit<PageRecord, 'source'> {
  const { source: _source, ...rest } = extractPage(doc, { path, sha256: createHash('sha256').update(content).digest('hex') });
  return rest;
}

describe.each(PAGES)('$file', ({ file, grid }) => {
  const html = readFileSync(join(FIXTURES, file), 'utf8');
  const fromHtml = () => record(readHtml(html), html, file);

  it('gives the same record from its tabular text capture', () => {
    const text = renderTabularCapture(html, grid);
    const doc = readPageText(text);
    expect(doc.layout).toBe('table');
    expect(record(doc, text, `${file}.txt`)).toEqual(fromHtml());
  });

  it('gives the same record from its flattened text capture, saying which glued cells it split by inference', () => {
    const text = renderFlatCapture(html, grid);
    const doc = readPageText(text);
    expect(doc.layout).toBe('flat');
    const flat = record(doc, text, `${file}.flat.txt`);
    const expected = fromHtml();
    expect(flat.roles).toEqual(expected.roles);
    // Where the DOM gave the cell boundaries, the glued text may fit several splits: the contract
    // wants each such value warned about, with the value the page really shows chosen first.
    const inferred = flat.warnings.filter((w) => w.candidates !== undefined);
    expect(flat.warnings.filter((w) => w.candidates === undefined)).toEqual(expected.warnings);
    for (const warning of inferred) {
      const role = expected.roles.find((r) => r.key === warning.role);
      expect(warning.candidates?.[0]).toEqual(role?.[warning.field as keyof typeof role]);
    }
  });
});
