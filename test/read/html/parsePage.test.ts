import type { AnyNode, Element } from 'domhandler';
import { describe, expect, it } from 'vitest';
import { parsePage } from '../../../src/read/html/parsePage.js';
import { readHtml } from '../../../src/read/html/readHtml.js';

const elements = (nodes: readonly AnyNode[]): Element[] =>
  nodes.flatMap((n) => (n.type === 'tag' || n.type === 'script' || n.type === 'style' ? [n as Element, ...elements((n as Element).children)] : []));
const named = (html: string, name: string): Element[] => elements(parsePage(html).dom.children).filter((e) => e.name === name);

describe('parsePage', () => {
  it('keeps scripts, styles and icons as empty elements, building nothing inside them', () => {
    const html = '<body><h2><svg class="icon" viewBox="0 0 24 24"><path d="M12 2"/></svg>Salary</h2><script>var rowTemplate="<table><tr><td>Yearly salary</td></tr></table>";</script></body>';
    const [svg] = named(html, 'svg');
    expect(svg!.children).toEqual([]);
    expect(named(html, 'path')).toEqual([]);
    expect(named(html, 'script')[0]!.children).toEqual([]);
    expect(readHtml(html).blocks).toEqual([{ kind: 'heading', text: 'Salary' }]);
  });

  it('builds nothing inside page chrome that does not hold the article', () => {
    const html =
      '<body><nav class="main-nav" aria-label="Main"><ul class="menu"><li><a href="/cashier-jobs/">Cashier vs Clerk</a></li></ul></nav>' +
      '<main><h1>Collections representative vs collections coordinator</h1></main>' +
      '<footer class="site-footer"><p>&copy; 2024 Zippia, Inc.</p></footer></body>';
    expect(named(html, 'nav')[0]!.children).toEqual([]);
    expect(named(html, 'footer')[0]!.children).toEqual([]);
    expect(named(html, 'a')).toEqual([]);
    expect(readHtml(html).title).toBe('Collections representative vs collections coordinator');
  });

  it('parses the page again, chrome and all, when the article is inside something that looked like chrome', () => {
    // A "hero-banner" is a noise word, yet here it holds the title and the intro.
    const html =
      '<body><div class="hero-banner"><h1>Collections representative vs collections coordinator</h1>' +
      '<p>Collections representatives and collections coordinators have different pay scales.</p></div></body>';
    expect(named(html, 'p')).toHaveLength(1);
    expect(readHtml(html).blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph']);
  });

  it('does not take an h1 inside an icon within chrome for the article', () => {
    const html = '<body><nav><svg><h1>Menu</h1></svg><a href="/">Home</a></nav><h1>Account specialist vs collections associate</h1></body>';
    expect(named(html, 'nav')[0]!.children).toEqual([]);
    expect(readHtml(html).title).toBe('Account specialist vs collections associate');
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
});
