import { DomHandler, type Document, type Element } from 'domhandler';
import { Parser } from 'htmlparser2';
import { MAX_MARKUP_DEPTH } from './depth.js';
import { hasUnreadContent, isArticleMarker, isChromeCandidate, isSectioning } from './noise.js';

/** A served page parsed for reading: its DOM, and the address it gives as its own. */
export interface ParsedPage {
  dom: Document;
  /** `<link rel="canonical">`, else `og:url`, else null. */
  url: string | null;
}

/**
 * Parses a page as htmlparser2's `parseDocument` does, but builds nothing inside the elements the
 * reader drops: scripts, styles and inline icons, and page chrome (menus, footers, link lists,
 * consent boxes), which is most of a served page's markup. The dropped elements themselves stay,
 * empty, so the structure around them is the same and the reader drops them as before.
 *
 * Chrome is dropped only when it does not hold the article (an `h1`, `main` or `article`), which
 * the parser cannot know before the chrome ends: it assumes so, and should the article turn up
 * inside, the page is parsed again with every chrome element built.
 */
export function parsePage(html: string): ParsedPage {
  try {
    return parseWith(new ReadableDomHandler(true), html);
  } catch (error) {
    if (error !== ARTICLE_IN_CHROME) throw error;
    return parseWith(new ReadableDomHandler(false), html);
  }
}

/**
 * Thrown by `parsePage` when the parser's open elements nest deeper than `MAX_MARKUP_DEPTH`.
 * `markupDepth` refuses most such pages before parsing, from the text; but end tags that close
 * nothing (`<nav><li>a</div>` over and over) fool a count of the text while the parser's stack
 * grows, and its time with the square of the depth.
 */
export class MarkupTooDeep extends Error {
  constructor() {
    super(`markup nested more than ${MAX_MARKUP_DEPTH.toLocaleString('en-US')} levels deep`);
  }
}

function parseWith(handler: ReadableDomHandler, html: string): ParsedPage {
  new Parser(handler).end(html);
  return { dom: handler.root, url: handler.canonical ?? handler.ogUrl };
}

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

  constructor(private readonly skipChrome: boolean) {
    super();
  }

  override onopentag(name: string, attribs: Record<string, string>): void {
    if (++this.depth > MAX_MARKUP_DEPTH) throw new MarkupTooDeep();
    if (name === 'link' || name === 'meta') this.noteAddress(name, attribs);
    const skipped = this.skipped;
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

  override onclosetag(): void {
    // The parser closes every element it opened, implied and void ones included.
    this.depth--;
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
