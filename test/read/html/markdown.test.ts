import { describe, expect, it } from 'vitest';
import { htmlToMarkdown, MarkdownBatch } from '../../../src/read/html/markdown.js';

/** The seeds' description of the collections coordinator (abridged), with inline markup of the kind rich text has. */
const DESCRIPTION =
  'Usually working alongside a company\'s account receivables team, a <strong>collections coordinator</strong> is in charge of ' +
  'developing strategies to optimize the <a href="/payment-jobs/">payment collection operations</a>. <em>Moreover</em>, a ' +
  'collections coordinator must maintain an active communication line with staff.';

function convertAll(fragments: string[]): string[] {
  const batch = new MarkdownBatch();
  const out: string[] = new Array<string>(fragments.length).fill('');
  fragments.forEach((html, i) => batch.add(html, (markdown) => (out[i] = markdown)));
  batch.convert();
  return out;
}

describe('MarkdownBatch', () => {
  it('gives each fragment the Markdown turndown gives it alone', () => {
    const fragments = [DESCRIPTION, 'Submit <strong>insurance</strong> appeals.', '1. Not a list: <em>text</em>'];
    expect(convertAll(fragments)).toEqual(fragments.map(htmlToMarkdown));
    expect(convertAll([DESCRIPTION])[0]).toBe(
      "Usually working alongside a company's account receivables team, a **collections coordinator** is in charge of developing " +
        'strategies to optimize the [payment collection operations](/payment-jobs/). _Moreover_, a collections coordinator must ' +
        'maintain an active communication line with staff.',
    );
  });

  it('gives a fragment seen on an earlier page the same Markdown at once, without waiting for the batch', () => {
    const first = convertAll([DESCRIPTION])[0];
    const batch = new MarkdownBatch();
    let markdown: string | undefined;
    batch.add(DESCRIPTION, (m) => (markdown = m));
    // Known already: answered when added, before `convert`.
    expect(markdown).toBe(first);
    batch.convert();
    expect(markdown).toBe(htmlToMarkdown(DESCRIPTION));
  });

  it('still converts fragments it has not seen when some of the page are known', () => {
    const fresh = 'Arrange <a href="/payment-terms/">payment terms</a> with <strong>clients</strong>.';
    expect(convertAll([DESCRIPTION, fresh, DESCRIPTION])).toEqual([DESCRIPTION, fresh, DESCRIPTION].map(htmlToMarkdown));
  });
});
