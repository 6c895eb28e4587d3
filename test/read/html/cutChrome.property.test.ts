import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withoutChromeContent } from '../../../src/read/html/cutChrome.js';
import { parsePage } from '../../../src/read/html/parsePage.js';
import { readParsedPage } from '../../../src/read/html/readHtml.js';
import { FIXTURES } from '../../support/seeds.js';

/**
 * Cutting chrome out of the raw text is only a speed-up: the page document must be exactly the
 * one read from the whole page, whatever the markup around and inside the chrome.
 */
const documentOf = (html: string) => readParsedPage(parsePage(html));
const sameDocument = (html: string): void => {
  expect(documentOf(withoutChromeContent(html))).toEqual(documentOf(html));
};

/** Markup that a scanner of raw text could get wrong, inside chrome and around it. */
const SNIPPETS = [
  '<nav class="main-nav">', '<nav>', '</nav>', '<NAV >', '</NAV >', '</ nav>', '<nav/>', '<aside class="related">', '</aside>',
  '<ul>', '</ul>', '<li>', '</li>', '<li><a href="/x">Cashier vs clerk</a></li>', '<p>', '</p>', '<div>', '</div>', '</span>',
  '<h1>Account specialist vs collections associate</h1>', '<h1>', '<main>', '</main>', '<article>', '<div role="main">', '<div role=main>',
  '<div role="&#109;ain">', '<link rel="canonical" href="/canonical">', '<meta property="og:url" content="/og">',
  '<svg viewBox="0 0 24 24"><path d="M12 2"/></svg>', '<svg>', '</svg>', '<svg/>', '<math>', '<title>', '</title>', '<foreignObject>',
  '<script>var s = "</nav>";</script>', '<script>if (a < b) document.write("<nav>")</script>', '<SCRIPT>x</script >', '<style>nav > a { color: red }</style>',
  '<textarea><nav></textarea>', '<title>Menu </nav></title>', '<xmp></aside></xmp>', '<!-- </nav> -->', '<!-->', '<!--->', '<!---->', '<!-- -- -->',
  '<!doctype html>', '<?xml version="1.0"?>', '<!x>', '</>', '</ >', '< nav>', '<3', 'a < b', '<a title="x > y">link</a>', "<a title='</nav>'>q</a>",
  '<a =x>', '<a href=/x/y>u</a>', '<a href="x"title="y">v</a>', '<input value="<nav>">', '<img src=x alt="</aside>">', '<br/>', '</br>', '<hr>',
  '<table><tr><td>Yearly salary</td><td>$37,938</td><td>$41,011</td></tr></table>', '<td>', '<tr>', '<button>Show more</button>', '<select><option>a',
  '<p>Collections coordinators earn $37,938 a year.</p>', 'Loose text ', '&amp; &lt;nav&gt;', '<div class="x" hidden>', '<span>',
  '<footer class="site-footer">', '</footer>', '<FOOTER>', '<footer/>', '<header>', '</header>', '<section>', '</section>', '</article>', '</main>',
  '<footer><p>Salaries are yearly averages.</p></footer>', '<footer><a href="/about">About</a></footer>',
];

const page = (inner: string) => `<!DOCTYPE html><html><head><title>T</title></head><body>${inner}</body></html>`;
const body = fc.array(fc.constantFrom(...SNIPPETS), { maxLength: 40 }).map((parts) => page(parts.join('')));

/** Mostly well-formed menu content, with now and then something that must stop the cut. */
const MENU_CONTENT = [
  '<ul class="menu">', '</ul>', '<li class="menu__group">', '</li>', '<li><a class="link" href="/cashier-jobs/" title="Cashier vs clerk">Cashier vs clerk</a></li>',
  '<button type="button"><svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor" d="M12 2C6.48 2 2 6.48 2 12z"/></svg>Group 1</button>',
  '<svg><use href="#i"></use></svg>', '<svg/>', '<p>', '<p>Menu</p>', '<br/>', '</br>', '<img src=x alt="</aside>">', '<a title="x > y">q</a>', "<a title='</nav>'>q</a>",
  '<!-- </nav> -->', '<!-->', '<!--->', '<script>document.write("</nav>")</script>', '<style>nav > a{}</style>', '<textarea></nav></textarea>',
  '<div role="menu">', '<div class="main-nav__inner">', '</div>', '<span>', '</span>', '<h2>Related comparisons</h2>', '<table><tr><td>a<td>b</table>',
  '<select><option>a<option>b</select>', '&amp;', 'text', '<nav>', '</nav>', '<aside>', '</aside>', '<dl><dt>a<dd>b</dl>',
  // Rare: each of these must make the cut give up, or be handled exactly.
  '<h1>Title</h1>', '<div role="main">', '<link rel="canonical" href="/c">', '</p>', '</section>', '<svg>', '</svg>', '<title>x</title>', '<math><mi>x</mi></math>',
];
const AROUND = ['<p>', '<div>', '</div>', '<span>', '<main><h1>Account specialist vs collections associate</h1>', '</main>', '<section>', '</section>', '<p>Intro text.</p>',
  '<article>', '</article>', '<div><section>', '<aside>', '</aside>',
  '<table><tr><td>Yearly salary</td><td>$37,938</td><td>$41,011</td></tr></table>', '<svg>', '</svg>', '<ul><li>Submit appeals.</li></ul>', ''];
const region = fc
  .tuple(
    fc.constantFrom('<nav class="main-nav" aria-label="Main">', '<nav>', '<aside class="related">', '<NAV>', '<footer class="site-footer">', '<header class="site-header">'),
    fc.array(fc.constantFrom(...MENU_CONTENT), { maxLength: 25 }),
    fc.constantFrom('</nav>', '</aside>', '</NAV >', '</footer>', '</header>', ''),
  )
  .map(([open, inner, close]) => `${open}${inner.join('')}${close}`);
const chromePage = fc
  .array(fc.tuple(fc.constantFrom(...AROUND), region, fc.constantFrom(...AROUND)), { minLength: 1, maxLength: 3 })
  .map((parts) => page(parts.map(([a, r, b]) => a + r + b).join('')));

describe('withoutChromeContent', () => {
  it('leaves the page document of the fixtures exactly as reading the whole page gives it', () => {
    const pages = readdirSync(FIXTURES).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(0);
    for (const name of pages) sameDocument(readFileSync(join(FIXTURES, name), 'utf8'));
  });

  it('cuts the content of menus and link lists, keeping the elements', () => {
    const html = '<body><nav class="main-nav"><ul class="menu"><li><a href="/cashier-jobs/">Cashier vs clerk</a></li></ul></nav><main><h1>T</h1></main><aside class="related"><h2>Related comparisons</h2></aside></body>';
    expect(withoutChromeContent(html)).toBe('<body><nav class="main-nav"></nav><main><h1>T</h1></main><aside class="related"></aside></body>');
  });

  it('cuts the text of scripts and styles, and the page\'s own footer, never a footer inside an article or section', () => {
    const html =
      '<head><script>window.state = {"roles": 2};</script><style>.c0{margin:0}</style></head><body><main><h1>T</h1>' +
      '<article><footer><p>Salaries are yearly averages.</p></footer></article></main>' +
      '<section><footer>Sources</footer></section><div><section></div><footer>Inside, as far as the text tells</footer>' +
      '</body>';
    expect(withoutChromeContent(html)).toBe(
      '<head><script></script><style></style></head><body><main><h1>T</h1>' +
        '<article><footer><p>Salaries are yearly averages.</p></footer></article></main>' +
        '<section><footer>Sources</footer></section><div><section></div><footer>Inside, as far as the text tells</footer>' +
        '</body>',
    );
    expect(withoutChromeContent('<body><main><h1>T</h1></main><footer class="site-footer"><ul><li><a href="/about">About</a></li></ul></footer></body>')).toBe(
      '<body><main><h1>T</h1></main><footer class="site-footer"></footer></body>',
    );
  });

  it('cuts nothing it cannot be sure of: the article inside, an end tag closing something outside, the page address', () => {
    for (const html of [
      '<body><nav><h1>Title</h1></nav></body>',
      '<body><div><nav><a>x</a></div><p>after</p></nav></body>',
      '<body><p><span><nav>x</p>y</nav></span></body>',
      '<body><nav><link rel="canonical" href="/a"></nav></body>',
      '<body><nav><svg><path></nav><br/></body>',
      '<body><nav><![CDATA[ x ]]></nav></body>',
    ]) {
      expect(withoutChromeContent(html)).toBe(html);
    }
  });

  it('knows that `<svg/>` closes (its own foreign context makes `/>` count) and `<div/>` does not', () => {
    // Found by the property below: taking `<svg/>` for an open element made the cut end early.
    sameDocument(page('<p><nav class="main-nav"><p>Menu</p><svg/><p><nav class="main-nav"></svg></nav><p><nav><div role="main"></nav><p>'));
    sameDocument(page('<nav><div/><a href="/x">x</a></nav><p>after</p>'));
  });

  it('gives the same page document as the whole page on any mix of tricky markup', () => {
    fc.assert(fc.property(body, sameDocument), { numRuns: 3000 });
  });

  it('gives the same page document on menus and link lists of any shape, cut or not', () => {
    fc.assert(fc.property(chromePage, sameDocument), { numRuns: 3000 });
  });
});
