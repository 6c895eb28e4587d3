import { DomHandler, type AnyNode, type Document } from 'domhandler';
import { decodeHTML, decodeHTMLAttribute } from 'entities';
import { Parser } from 'htmlparser2';
import { hasUnreadContent, isArticleMarker, isChromeCandidate, isSectioning } from './noise.js';

/** A served page parsed for reading: its DOM, and the address it gives as its own. */
export interface ParsedPage {
  dom: Document;
  /** `<link rel="canonical">`, else `og:url`, else null. */
  url: string | null;
}

/**
 * Parses a page in one pass of htmlparser2's streaming parser, as its `parseDocument` would, but
 * builds only what the reader reads: not scripts, styles, inline icons, comments, nor page chrome
 * (menus, footers, link lists, consent boxes), which is most of a served page's markup. The text
 * comes in pieces (`decodePage`), each parsed as it comes.
 *
 * Chrome is dropped only when it does not hold the article (an `h1`, `main` or `article`), which
 * the parser cannot know before the chrome ends: what streams past inside it is kept aside, and
 * built after all should the article turn up inside.
 *
 * Throws `MarkupTooDeep` when the markup nests deeper than `MAX_MARKUP_DEPTH`.
 */
export function parsePage(text: string | readonly string[]): ParsedPage {
  const handler = new ReadableDomHandler();
  const parser = new Parser(handler, { decodeEntities: false });
  for (const piece of typeof text === 'string' ? [text] : text) parser.write(piece);
  parser.end();
  decodeTexts(handler.root.children);
  return { dom: handler.root, url: handler.canonical ?? handler.ogUrl };
}

/**
 * Far deeper than any page (they nest a few dozen levels), and still parsed in well under a
 * second: the parser keeps its open elements, and the foreign contents (`svg`, `math`) they
 * open, in arrays it shifts and unshifts, so its time grows with the square of the depth, and a
 * page-sized run of nested `<div>`s would take minutes.
 */
export const MAX_MARKUP_DEPTH = 25_000;

/**
 * The markup nests deeper than `MAX_MARKUP_DEPTH`: no saved page does. Counted on the parser's
 * own open elements, which follow the end tags that close nothing and the tags implied.
 */
export class MarkupTooDeep extends Error {
  constructor() {
    super(`the markup nests more than ${MAX_MARKUP_DEPTH.toLocaleString('en-US')} levels deep; a saved page nests a few dozen, so this is not one`);
  }
}

/**
 * The parser reads the text raw, leaving character references (`&amp;`, `&#8211;`) as they are:
 * it then skips through the text of what is not built instead of decoding it character by
 * character. What is built is decoded with the parser's own decoder (the `entities` package), in
 * the modes the parser would use: attribute values by the attribute rules (`decodeAttributes`),
 * and text, once whole after the parse, by the legacy ones: `decodeTexts`.
 */
function decodeTexts(nodes: readonly AnyNode[]): void {
  const stack = [...nodes];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'text') {
      if (node.data.includes('&')) node.data = decodeHTML(node.data);
    } else if ('children' in node) {
      for (const child of node.children) stack.push(child);
    }
  }
}

/** Elements that enter a foreign content or an HTML integration point (htmlparser2's `Parser.js`). */
const FOREIGN_CONTEXT = new Set(['math', 'svg', 'mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml', 'foreignobject', 'desc', 'title']);

/** What the handler does with an open element: builds it, keeps it aside (chrome), or ignores it. */
const BUILT = 0;
const KEPT_ASIDE = 1;
const IGNORED = 2;

/**
 * An event of the parser inside chrome, kept aside until the chrome ends or turns out to hold the
 * article: an element opened (with whether its attributes are decoded yet), a text, or an element
 * closed (null).
 */
type AsideEvent = { name: string; attribs: Record<string, string>; decoded: boolean } | string | null;

/** Chrome being kept aside. */
interface Aside {
  events: AsideEvent[];
  /** Where in `events` each element open inside the chrome (the chrome included) was opened. */
  open: number[];
  /** Whether the chrome is inside sectioning content, and how many open inside it are sectioning. */
  inSection: boolean;
  sectioning: number;
}

class ReadableDomHandler extends DomHandler {
  canonical: string | null = null;
  ogUrl: string | null = null;
  /** For each element the parser holds open: what became of it (`BUILT`, `KEPT_ASIDE`, `IGNORED`). */
  private readonly fates: number[] = [];
  /** For each element built and open: whether it or an ancestor is sectioning content. */
  private readonly inSection: boolean[] = [];
  private aside: Aside | null = null;
  /**
   * The parser's foreign contents, or more: it enters one at each `svg`, `math` or integration
   * point it opens, and leaves one only at an explicit end tag of those names, which closes it
   * here too unless it closes nothing (`<div><svg></div>` over and over nests them).
   */
  private foreign = 0;

  override onopentag(name: string, attribs: Record<string, string>): void {
    if (this.fates.length >= MAX_MARKUP_DEPTH) throw new MarkupTooDeep();
    if (FOREIGN_CONTEXT.has(name) && ++this.foreign > MAX_MARKUP_DEPTH) throw new MarkupTooDeep();
    const parent = this.innermostFate();
    const fate = parent === IGNORED || hasUnreadContent(name) ? IGNORED : parent;
    // Attributes are decoded once, and only where they are read: in what may be built, in the
    // page's address (wherever it stands), and in what may mark the article inside chrome.
    const decoded =
      fate === BUILT || name === 'link' || name === 'meta' || (fate === KEPT_ASIDE && (attribs['role'] !== undefined || isArticleMarker(name, attribs)));
    if (decoded) decodeAttributes(attribs);
    if (name === 'link' || name === 'meta') this.noteAddress(name, attribs);
    if (fate === IGNORED) {
      this.fates.push(IGNORED);
      return;
    }
    const aside = this.aside;
    if (aside !== null) {
      // Only an article marker that is no chrome itself (an `h1` styled as a banner is) shows
      // the chrome around it to hold the article.
      const inSection = aside.inSection || aside.sectioning > 0;
      if (!isArticleMarker(name, attribs) || isChromeCandidate(name, attribs, inSection)) {
        this.keepAside(aside, name, attribs, decoded);
        return;
      }
      this.buildAside(aside);
    }
    const inSection = this.inSection.length > 0 && this.inSection[this.inSection.length - 1]!;
    if (aside === null && isChromeCandidate(name, attribs, inSection)) {
      this.aside = { events: [], open: [], inSection, sectioning: 0 };
      this.keepAside(this.aside, name, attribs, decoded);
      return;
    }
    super.onopentag(name, attribs);
    this.fates.push(BUILT);
    this.inSection.push(inSection || isSectioning(name));
  }

  // htmlparser2 passes what domhandler's signature leaves out: the name, and whether no end tag closed it.
  override onclosetag(name?: string, isImplied?: boolean): void {
    // The parser closes every element it opened, implied and void ones included.
    const fate = this.fates.pop();
    if (isImplied === false && FOREIGN_CONTEXT.has(name!)) this.foreign--;
    if (fate === IGNORED) return;
    if (fate === KEPT_ASIDE) {
      const aside = this.aside!;
      aside.events.push(null);
      if (isSectioning(name!)) aside.sectioning--;
      aside.open.pop();
      // Chrome that ended without the article is dropped, with everything kept aside in it.
      if (aside.open.length === 0) this.aside = null;
      return;
    }
    this.inSection.pop();
    super.onclosetag();
  }

  override ontext(data: string): void {
    const fate = this.innermostFate();
    if (fate === BUILT) super.ontext(data);
    else if (fate === KEPT_ASIDE) this.aside!.events.push(data);
  }

  // Comments, CDATA and processing instructions (the doctype) are never read.
  override oncomment(): void {}
  override oncommentend(): void {}
  override oncdatastart(): void {}
  override oncdataend(): void {}
  override onprocessinginstruction(): void {}

  /** What became of the innermost open element; the document itself is built. */
  private innermostFate(): number {
    return this.fates.length > 0 ? this.fates[this.fates.length - 1]! : BUILT;
  }

  private keepAside(aside: Aside, name: string, attribs: Record<string, string>, decoded: boolean): void {
    aside.open.push(aside.events.length);
    aside.events.push({ name, attribs, decoded });
    if (isSectioning(name)) aside.sectioning++;
    this.fates.push(KEPT_ASIDE);
  }

  /**
   * The article turned up inside the chrome kept aside: the elements open around it hold it, so
   * they are built, with what they held so far, except the chrome closed inside them (which did
   * not hold the article, or it would have been built already).
   */
  private buildAside({ events, open, inSection }: Aside): void {
    this.aside = null;
    const around = new Set(open);
    // Whether each element built here and still open is sectioning content or inside it.
    const sections = [inSection];
    let dropping = 0;
    events.forEach((event, i) => {
      if (typeof event === 'string') {
        if (dropping === 0) super.ontext(event);
      } else if (event !== null) {
        const attribs = event.decoded ? event.attribs : decodeAttributes(event.attribs);
        const parentInSection = sections[sections.length - 1]!;
        if (dropping > 0 || (!around.has(i) && isChromeCandidate(event.name, attribs, parentInSection))) {
          dropping++;
        } else {
          super.onopentag(event.name, attribs);
          sections.push(parentInSection || isSectioning(event.name));
        }
      } else if (dropping > 0) {
        dropping--;
      } else {
        super.onclosetag();
        sections.pop();
      }
    });
    for (let i = 1; i < sections.length; i++) this.inSection.push(sections[i]!);
    for (let i = this.fates.length - open.length; i < this.fates.length; i++) this.fates[i] = BUILT;
  }

  /** The first canonical link and the first `og:url` in document order, wherever they stand. */
  private noteAddress(name: string, a: Record<string, string>): void {
    if (name === 'link') {
      if (this.canonical === null && a['href']?.trim() && (a['rel'] ?? '').toLowerCase().split(/\s+/).includes('canonical')) {
        this.canonical = a['href'].trim();
      }
    } else if (this.ogUrl === null && a['content']?.trim() && (a['property'] ?? a['name'] ?? '').toLowerCase() === 'og:url') {
      this.ogUrl = a['content'].trim();
    }
  }
}

/** Decodes an element's attribute values in place; called once an element (see `decodeTexts`). */
function decodeAttributes(attribs: Record<string, string>): Record<string, string> {
  for (const key in attribs) if (attribs[key]!.includes('&')) attribs[key] = decodeHTMLAttribute(attribs[key]!);
  return attribs;
}
