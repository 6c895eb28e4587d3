import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PageError } from '../../src/errors.js';
import { readPageBytes } from '../../src/read/readPage.js';
import { FIXTURES } from '../support/seeds.js';

const served = readFileSync(join(FIXTURES, '005_61d26842a8aa7f89_table.html'), 'utf8');
const ARTICLE = '<article class="comparison">';
/** The served page with `run` at the top of its article. */
const withinArticle = (run: string) => Buffer.from(served.replace(ARTICLE, `${ARTICLE}${run}`));

/** What reading the bytes threw: its class, code and message. */
function refusal(bytes: Uint8Array): { error: string; code: string; message: string } | null {
  try {
    readPageBytes(bytes, 'page.html');
    return null;
  } catch (error) {
    if (!(error instanceof PageError)) throw error;
    return { error: error.name, code: error.code, message: error.message };
  }
}

describe('readPageBytes on markup nested past any page', () => {
  it.each([
    ['nested <div>s, closed again', `${'<div>'.repeat(30_000)}x${'</div>'.repeat(30_000)}`],
    ['unclosed <b>s', '<b>'.repeat(30_000)],
    ['menus whose end tags close nothing', '<nav><li><a href="/x">Cashier vs clerk</a></div>'.repeat(15_000)],
    ['nested menus', '<nav><a href="/x">x</a>'.repeat(30_000)],
    ['icons left open by the end tag of the div around them', '<div><svg viewBox="0 0 24 24"></div>'.repeat(30_000)],
  ])('refuses %s with one line naming the file and the depth', (_, run) => {
    expect(refusal(withinArticle(run))).toEqual({
      error: 'PageError',
      code: 'not-a-comparison',
      message: 'page.html: the markup nests more than 25,000 levels deep; a saved page nests a few dozen, so this is not one',
    });
  });

  it('reads the page when its markup nests thousands of levels, short of the limit', () => {
    const plain = readPageBytes(Buffer.from(served), 'page.html').document;
    const deep = readPageBytes(withinArticle(`${'<div>'.repeat(20_000)}${'</div>'.repeat(20_000)}`), 'page.html').document;
    expect(deep.blocks).toEqual(plain.blocks);
    expect(deep.url).toBe('https://www.zippia.com/collections-coordinator-jobs/collections-coordinator-vs-account-specialist/');
  });
});
