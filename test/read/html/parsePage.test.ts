import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnyNode, Element } from 'domhandler';
import { describe, expect, it } from 'vitest';
import { MAX_MARKUP_DEPTH, MarkupTooDeep, parsePage } from '../../../src/read/html/parsePage.js';
import { readHtml } from '../../../src/read/html/readHtml.js';
import { FIXTURES } from '../../support/seeds.js';

const elements = (nodes: readonly AnyNode[]): Element[] =>
  nodes.flatMap((n) => (n.type === 'tag' || n.type === 'script' || n.type === 'style' ? [n as Element, ...elements((n as Element).children)] : []));
const named = (html: string, name: string): Element[] => elements(parsePage(html).dom.children).filter((e) => e.name === name);

describe('parsePage', () => {
  it('builds no scripts, styles, icons or comments', () => {
    const html =
      '<!DOCTYPE html><body><h2><svg class="icon" viewBox="0 0 24 24"><path d="M12 2"/></svg>Salary<!-- cell --></h2>' +
      '<script>var rowTemplate="<table><tr><td>Yearly salary</td></tr></table>";</script></body>';
    const { dom } = parsePage(html);
    expect(elements(dom.children).map((e) => e.name)).toEqual(['body', 'h2']);
    expect(named(html, 'h2')[0]!.children).toMatchObject([{ type: 'text', data: 'Salary' }]);
    expect(dom.children.map((n) => n.type)).toEqual(['tag']);
    expect(readHtml(html).blocks).toEqual([{ kind: 'heading', text: 'Salary' }]);
  });

  it('builds no page chrome that does not hold the article', () => {
    const html =
      '<body><nav class="main-nav" aria-label="Main"><ul class="menu"><li><a href="/cashier-jobs/">Cashier vs Clerk</a></li></ul></nav>' +
      '<main><h1>Collections representative vs collections coordinator</h1></main>' +
      '<footer class="site-footer"><p>&copy; 2024 Zippia, Inc.</p></footer></body>';
    expect(elements(parsePage(html).dom.children).map((e) => e.name)).toEqual(['body', 'main', 'h1']);
    expect(readHtml(html).title).toBe('Collections representative vs collections coordinator');
  });

  it('builds the chrome that turns out to hold the article, with what it held before, but not the chrome closed inside it', () => {
    // A "hero-banner" is a noise word, yet here it holds the title and the intro.
    const html =
      '<body><div class="hero-banner"><nav><a href="/">Home</a></nav><p>Compare two careers</p>' +
      '<h1>Collections representative vs collections coordinator</h1>' +
      '<p>Collections representatives and collections coordinators have different pay scales.</p><aside>Ad</aside></div></body>';
    expect(elements(parsePage(html).dom.children).map((e) => e.name)).toEqual(['body', 'div', 'p', 'h1', 'p']);
    expect(readHtml(html).blocks).toMatchObject([
      { kind: 'paragraph', text: 'Compare two careers' },
      { kind: 'heading', text: 'Collections representative vs collections coordinator' },
      { kind: 'paragraph', text: 'Collections representatives and collections coordinators have different pay scales.' },
    ]);
  });

  it('reads a served page whose chrome, article and all, sits inside a banner as the page itself', () => {
    const page = readFileSync(join(FIXTURES, '005_61d26842a8aa7f89_table.html'), 'utf8');
    // The site's header, menu, consent box and ad, then its article, all inside a "promo-banner".
    const wrapped = page.replace('<header class="site-header">', '<div class="promo-banner"><header class="site-header">').replace('</main>', '</main></div>');
    expect(wrapped).toContain('<div class="promo-banner"><header class="site-header">');
    expect(wrapped).toContain('</main></div>');
    expect(readHtml(wrapped)).toEqual(readHtml(page));
  });

  it('builds every chrome element open around the article, each once', () => {
    const html =
      '<body><header class="site-header"><div class="promo-box" title="Pay &amp;amp; benefits"><div role="main" title="&amp;lt;b&amp;gt;">' +
      '<h1>Account specialist vs collections associate</h1></div></div></header><p>After</p></body>';
    expect(elements(parsePage(html).dom.children).map((e) => e.name)).toEqual(['body', 'header', 'div', 'div', 'h1', 'p']);
    // Each element's attributes are decoded once, whether it was kept aside or looked at as a marker.
    expect(named(html, 'div').map((d) => d.attribs['title'])).toEqual(['Pay &amp; benefits', '&lt;b&gt;']);
    expect(readHtml(html).title).toBe('Account specialist vs collections associate');
  });

  it('does not take an h1 inside an icon, or an h1 styled as chrome, within chrome for the article', () => {
    const icon = '<body><nav><svg><h1>Menu</h1></svg><a href="/">Home</a></nav><h1>Account specialist vs collections associate</h1></body>';
    expect(elements(parsePage(icon).dom.children).map((e) => e.name)).toEqual(['body', 'h1']);
    expect(readHtml(icon).title).toBe('Account specialist vs collections associate');
    const banner = '<body><nav><h1 class="site-banner">Zippia</h1><a href="/">Home</a></nav><h1>Account specialist vs collections associate</h1></body>';
    expect(elements(parsePage(banner).dom.children).map((e) => e.name)).toEqual(['body', 'h1']);
    expect(readHtml(banner).title).toBe('Account specialist vs collections associate');
  });

  it('takes the first canonical link, else the first og:url, wherever they stand', () => {
    const canonical = '<link rel="canonical" href="https://www.zippia.com/collections-representative-jobs/collections-representative-vs-collections-coordinator/">';
    expect(parsePage(`<head><meta property="og:url" content="https://example.com/og">${canonical}</head><body></body>`).url).toBe(
      'https://www.zippia.com/collections-representative-jobs/collections-representative-vs-collections-coordinator/',
    );
    expect(parsePage('<head><meta property="og:url" content=" https://example.com/og "></head>').url).toBe('https://example.com/og');
    // Inside elements whose content is skipped, as the whole-tree search found them before.
    expect(parsePage('<body><noscript><link rel="Canonical Alternate" href="/a"></noscript><link rel="canonical" href="/b"></body>').url).toBe('/a');
    expect(parsePage('<body><p>No address</p></body>').url).toBeNull();
  });

  it('reads a page given in pieces cut anywhere, a tag, an attribute or an entity included, as the whole page', () => {
    const page = readFileSync(join(FIXTURES, '005_61d26842a8aa7f89_table.html'), 'utf8');
    const whole = readHtml(page);
    for (const size of [7, 1000, 32_768]) {
      const pieces = Array.from({ length: Math.ceil(page.length / size) }, (_, i) => page.slice(i * size, (i + 1) * size));
      expect(readHtml(pieces)).toEqual(whole);
    }
  });
});

describe('character references', () => {
  it('are decoded in what is built, as the parser would, even cut between two pieces', () => {
    const pieces = ['<body><h2 title="Pay &amp; ', 'benefits">Pay &am', 'p; benefits &#8211; 2024</h2>', '<p>AT&T&nbsp;Inc.</p><p>&lt;b&gt;</p></body>'];
    const { dom } = parsePage(pieces);
    const [h2] = elements(dom.children).filter((e) => e.name === 'h2');
    expect(h2!.attribs['title']).toBe('Pay & benefits');
    expect(readHtml(pieces).blocks.map((b) => (b.kind === 'heading' || b.kind === 'paragraph' ? b.text : b.kind))).toEqual(['Pay & benefits – 2024', 'AT&T Inc.', '<b>']);
  });

  it('are decoded under an element of 200,000 children', () => {
    const { dom } = parsePage(`<body><p>${'<span>&amp;</span>'.repeat(200_000)}</p></body>`);
    const spans = elements(dom.children).filter((e) => e.name === 'span');
    expect(spans).toHaveLength(200_000);
    expect(spans.every((s) => s.children[0]?.type === 'text' && s.children[0].data === '&')).toBe(true);
  });
});

describe('the one guard on markup nested past any page', () => {
  const TOO_DEEP = 'the markup nests more than 25,000 levels deep';

  it('reads 20,000 nested inline elements, keeping the deep rich text as plain text with a note', () => {
    const doc = readHtml(`<div><p>${'<b>'.repeat(20_000)}Bold at the bottom${'</b>'.repeat(20_000)}</p></div>`);
    expect(doc.blocks).toEqual([{ kind: 'paragraph', text: 'Bold at the bottom', markdown: 'Bold at the bottom' }]);
    expect(doc.notes).toEqual([{ label: null, message: 'rich text nested deeper than 64 levels was kept as plain text' }]);
  });

  it(`parses ${MAX_MARKUP_DEPTH.toLocaleString('en-US')} open elements and refuses the next one, chrome kept aside included`, () => {
    expect(parsePage('<b>'.repeat(25_000)).dom.children).toHaveLength(1);
    expect(() => parsePage('<b>'.repeat(25_001))).toThrow(MarkupTooDeep);
    expect(() => parsePage('<b>'.repeat(25_001))).toThrow(TOO_DEEP);
    expect(() => parsePage(`<body><nav>${'<span>'.repeat(30_000)}</nav><h1>x</h1></body>`)).toThrow(TOO_DEEP);
  });

  it('counts what the parser holds open, not the tags in the text: implied end tags close, stray ones do not', () => {
    // Each `<li>` closes the one before it: thirty thousand items are one level.
    expect(named(`<ul>${'<li>a'.repeat(30_000)}</ul>`, 'li')).toHaveLength(30_000);
    // `</div>` closes nothing, so each menu and its item stay open: two levels a time.
    expect(() => parsePage('<nav><li>a</div>'.repeat(12_500))).not.toThrow();
    expect(() => parsePage('<nav><li>a</div>'.repeat(12_501))).toThrow(TOO_DEEP);
  });

  it('counts the foreign contents (svg, math) an end tag for another element leaves open', () => {
    expect(named('<div><svg></svg></div>'.repeat(30_000), 'div')).toHaveLength(30_000);
    // The parser leaves a foreign content only at an end tag of its name.
    expect(() => parsePage('<div><svg></div>'.repeat(25_000))).not.toThrow();
    expect(() => parsePage('<div><svg></div>'.repeat(25_001))).toThrow(TOO_DEEP);
  });
});
