import { DomHandler, type AnyNode, type Document, type Element } from 'domhandler';
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
 * builds nothing inside the elements the reader drops: scripts, styles and inline icons, and page
 * chrome (menus, footers, link lists, consent boxes), which is most of a served page's markup.
 * The dropped elements themselves stay, empty, so the structure around them is the same and the
 * reader drops them as before. The text comes in pieces (`decodePage`), each parsed as it comes.
 *
 * Chrome is dropped only when it does not hold the article (an `h1`, `main` or `article`), which
 * the parser cannot know before the chrome ends: it assumes so, and should the article turn up
 * inside, the page is parsed again with every chrome element built.
 *
 * Throws `MarkupTooDeep` when the markup nests deeper than `MAX_MARKUP_DEPTH`.
 */
export function parsePage(text: string | readonly string[]): ParsedPage {
  const pieces = typeof text === 'string' ? [text] : text;
  try {
    return parseWith(new ReadableDomHandler(true), pieces);
  } catch (error) {
    if (error !== ARTICLE_IN_CHROME) throw error;
    return parseWith(new ReadableDomHandler(false), pieces);
  }
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
 * character. The handler decodes the attributes of each element, and the text of what was built
 * is decoded once whole, with the parser's own decoder (the `entities` package) in the modes the
 * parser would use: attribute values by the attribute rules, text by the legacy ones.
 */
function parseWith(handler: ReadableDomHandler, pieces: readonly string[]): ParsedPage {
  const parser = new Parser(handler, { decodeEntities: false });
  for (const piece of pieces) parser.write(piece);
  parser.end();
  decodeTexts(handler.root.children);
  return { dom: handler.root, url: handler.canonical ?? handler.ogUrl };
}

/** Decodes the character references in the text nodes under `nodes`, each whole. */
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

/** Thrown (and caught by `parsePage`) when skipped chrome turns out to hold the article. */
const ARTICLE_IN_CHROME = new Error('the article is inside page chrome');

/** An element being skipped: its content is not built. */
interface Skipped {
  /** `unread`: nothing inside is ever read; `chrome`: dropped unless the article is inside. */
  kind: 'unread' | 'chrome';
  /** For each element open inside it: whether that one's content is unread. */
  open: boolean[];
  /** How many of those are unread elements: an `h1` inside one does not make the chrome the article. */
  unread: number;
}

class ReadableDomHandler extends DomHandler {
  canonical: string | null = null;
  ogUrl: string | null = null;
  /** For each built element open: whether it or an ancestor is sectioning content. */
  private readonly inSection: boolean[] = [];
  private skipped: Skipped | null = null;
  /** The parser's open elements, built or skipped: it closes each one it opened. */
  private depth = 0;
  /**
   * The parser's foreign contents, or more: it enters one at each `svg`, `math` or integration
   * point it opens, and leaves one only at an explicit end tag of those names, which closes it
   * here too unless it closes nothing (`<div><svg></div>` over and over nests them).
   */
  private foreign = 0;

  constructor(private readonly skipChrome: boolean) {
    super();
  }

  override onopentag(name: string, attribs: Record<string, string>): void {
    if (++this.depth > MAX_MARKUP_DEPTH) throw new MarkupTooDeep();
    if (FOREIGN_CONTEXT.has(name) && ++this.foreign > MAX_MARKUP_DEPTH) throw new MarkupTooDeep();
    const skipped = this.skipped;
    // Of an element not built, only the page's address and the article's role are looked at.
    if (!skipped || name === 'link' || name === 'meta' || attribs['role'] !== undefined) {
      for (const key in attribs) if (attribs[key]!.includes('&')) attribs[key] = decodeHTMLAttribute(attribs[key]!);
    }
    if (name === 'link' || name === 'meta') this.noteAddress(name, attribs);
    if (skipped) {
      const unread = hasUnreadContent(name);
      skipped.open.push(unread);
      if (unread) skipped.unread++;
      else if (skipped.kind === 'chrome' && skipped.unread === 0 && isArticleMarker(name, attribs)) throw ARTICLE_IN_CHROME;
      return;
    }
    super.onopentag(name, attribs);
    const el = this.tagStack[this.tagStack.length - 1] as Element;
    const parentInSection = this.inSection.length > 0 && this.inSection[this.inSection.length - 1]!;
    if (hasUnreadContent(name)) {
      this.skipped = { kind: 'unread', open: [], unread: 0 };
    } else if (this.skipChrome && isChromeCandidate(el, parentInSection)) {
      this.skipped = { kind: 'chrome', open: [], unread: 0 };
    } else {
      this.inSection.push(parentInSection || isSectioning(el));
    }
  }

  // htmlparser2 passes what domhandler's signature leaves out: the name, and whether no end tag closed it.
  override onclosetag(name?: string, isImplied?: boolean): void {
    // The parser closes every element it opened, implied and void ones included.
    this.depth--;
    if (isImplied === false && FOREIGN_CONTEXT.has(name!)) this.foreign--;
    const skipped = this.skipped;
    if (skipped) {
      if (skipped.open.length > 0) {
        if (skipped.open.pop()) skipped.unread--;
        return;
      }
      this.skipped = null;
    } else {
      this.inSection.pop();
    }
    super.onclosetag();
  }

  override ontext(data: string): void {
    if (!this.skipped) super.ontext(data);
  }

  override oncomment(data: string): void {
    if (!this.skipped) super.oncomment(data);
  }

  override oncommentend(): void {
    if (!this.skipped) super.oncommentend();
  }

  override oncdatastart(): void {
    if (!this.skipped) super.oncdatastart();
  }

  override oncdataend(): void {
    if (!this.skipped) super.oncdataend();
  }

  override onprocessinginstruction(name: string, data: string): void {
    if (!this.skipped) super.onprocessinginstruction(name, data);
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
