import { load, type Cheerio } from 'cheerio/slim';
import type { AnyNode, Document, Element, ParentNode } from 'domhandler';
import { rowFieldFor } from '../../site/rowFields.js';
import type { Block, ListItem, PageDocument, ParagraphBlock, ReaderNote } from '../document.js';
import { readGridRun } from './grids.js';
import { MarkdownBatch, textToMarkdown } from './markdown.js';
import { parsePage, type ParsedPage } from './parsePage.js';
import { readTable } from './tables.js';
import { cleanHtml, convertsAsPlainText, isPlainText, visibleText } from './text.js';
import { PageTree, isElement } from './tree.js';

/**
 * Reads a saved HTML page (its text, whole or in pieces) into the page document: the article's
 * headings, paragraphs, lists and tables in page order, without the chrome, consent boxes and ads
 * around it. Comparison tables are read from `<table>` markup or from CSS-grid `<div>`s alike;
 * cell boundaries come from the DOM, so nothing is guessed.
 *
 * Throws `MarkupTooDeep` (from `parsePage`) for markup nested deeper than any page.
 */
export function readHtml(text: string | readonly string[]): PageDocument {
  return readParsedPage(parsePage(text));
}

/** The page document of a parsed page (see `readHtml`). */
export function readParsedPage({ dom, url }: ParsedPage): PageDocument {
  const tree = new PageTree(dom);
  const reader = new BlockReader(tree);
  reader.readContainer(bodyOf(dom), 0);
  reader.finishMarkdown();
  const title = reader.blocks.find((b, i) => b.kind === 'heading' && reader.headingLevels[i] === 1);
  return {
    title: title?.kind === 'heading' ? title.text : null,
    blocks: reader.blocks,
    url,
    format: 'html',
    layout: reader.layout ?? 'table',
    notes: reader.notes,
  };
}

/** Deeper markup than any page needs; below it a subtree is read as one paragraph of text. */
const MAX_DEPTH = 256;

/** Elements that only group blocks; anything else (tables, lists, headings) is content. */
const WRAPPER_TAGS = new Set(['div', 'section', 'article', 'main', 'center', 'font', 'span', 'form']);
const isWrapper = (el: Element): boolean => WRAPPER_TAGS.has(el.name) || el.name.includes('-');

class BlockReader {
  readonly blocks: Block[] = [];
  /** Heading level per block index (the document keeps no levels; the title is the first h1). */
  readonly headingLevels: Array<number | undefined> = [];
  readonly notes: ReaderNote[] = [];
  /** The layout of the first table that holds a row of the site: `<table>` or grid. */
  layout: 'table' | 'flat' | null = null;
  /** What the page has been noted for already: a note says each once. */
  private readonly noted = new Set<string>();
  /** What turndown has been given so far, in characters of markup plus a fixed cost per fragment. */
  private richCost = 0;
  private readonly rich = new MarkdownBatch();

  constructor(private readonly tree: PageTree) {}

  /** Reads a block container: runs of inline content are paragraphs, block children recurse. */
  readContainer(parent: ParentNode, depth: number): void {
    const children = parent.children;
    let inlineRun: AnyNode[] = [];
    const flush = () => {
      if (inlineRun.length > 0) this.paragraph(inlineRun);
      inlineRun = [];
    };
    const place = (el: Element) => {
      if (this.tree.isBlock(el)) {
        flush();
        this.block(el, depth);
      } else {
        inlineRun.push(el);
      }
    };
    for (let i = 0; i < children.length; ) {
      const node = children[i]!;
      if (!isElement(node)) {
        if (node.type === 'text') inlineRun.push(node);
        i++;
        continue;
      }
      // Grid rows are tried first whatever the tags: custom elements are inline until styled.
      const run = readGridRun(children, i, this.tree);
      if (run === null) {
        place(node);
        i++;
        continue;
      }
      if (run.rows) {
        flush();
        this.table(run.rows, 'flat');
      } else {
        for (let k = i; k < run.end; k++) {
          const c = children[k]!;
          if (isElement(c)) place(c);
          else if (c.type === 'text') inlineRun.push(c);
        }
      }
      i = run.end;
    }
    flush();
  }

  private block(el: Element, depth: number): void {
    if (depth >= MAX_DEPTH) {
      this.tooDeep(el);
      return;
    }
    const name = el.name;
    const level = headingLevel(el);
    if (level !== null) {
      const text = visibleText(el.children);
      if (text) {
        this.headingLevels[this.blocks.length] = level;
        this.blocks.push({ kind: 'heading', text });
      }
    } else if (name === 'p' || name === 'pre') {
      this.paragraph(el.children);
    } else if (name === 'ul' || name === 'ol') {
      this.list(el);
    } else if (name === 'table') {
      if (this.tree.hasNestedTable(el)) this.readContainer(el, depth + 1);
      else this.htmlTable(el);
    } else if (name !== 'hr') {
      this.readContainer(this.unwrap(el), depth + 1);
    }
  }

  /**
   * A wrapper holding nothing but one more wrapper adds no structure, so a chain of them is
   * stepped through in a loop rather than counted as depth: a page's article inside thousands
   * of nested `<div>`s is still read as the article (the recursion limit is for real nesting).
   */
  private unwrap(el: Element): Element {
    let current = el;
    let chain = 0;
    for (;;) {
      const only = this.soleChild(current);
      if (!only || !this.tree.isBlock(only) || headingLevel(only) !== null || !isWrapper(only)) break;
      if (readGridRun(current.children, current.children.indexOf(only), this.tree) !== null) break;
      current = only;
      chain++;
    }
    if (chain > MAX_DEPTH) this.noteOnce('deep', `wrappers nested deeper than ${MAX_DEPTH} levels (${chain}) were stepped through to the content`);
    return current;
  }

  /** The one element child of `el` when it has no other content (blank text aside). */
  private soleChild(el: Element): Element | null {
    let only: Element | null = null;
    for (const c of el.children) {
      if (isElement(c)) {
        if (only) return null;
        only = c;
      } else if (c.type === 'text' && c.data.trim() !== '') {
        return null;
      }
    }
    return only;
  }

  private paragraph(nodes: readonly AnyNode[]): void {
    const text = visibleText(nodes);
    if (!text) return;
    const block: ParagraphBlock = { kind: 'paragraph', text, markdown: text };
    this.markdown(nodes, text, block);
    this.blocks.push(block);
  }

  private list(el: Element): void {
    const items: ListItem[] = [];
    for (const c of el.children) {
      if (!isElement(c)) continue;
      const nodes = c.name === 'li' ? c.children : [c];
      const text = visibleText(nodes);
      if (!text) continue;
      const item: ListItem = { text, markdown: text };
      this.markdown(nodes, text, item);
      items.push(item);
    }
    if (items.length > 0) this.blocks.push({ kind: 'list', items });
  }

  private htmlTable(el: Element): void {
    const { captions, rows } = readTable(el);
    for (const text of captions) this.blocks.push({ kind: 'heading', text });
    if (rows.length > 0) this.table(rows, 'table');
  }

  private table(rows: string[][], layout: 'table' | 'flat'): void {
    this.blocks.push({ kind: 'table', rows: rows.map((cells) => ({ cells })) });
    if (this.layout === null && rows.some((r) => r[0] !== undefined && rowFieldFor(r[0]) !== undefined)) {
      this.layout = layout;
    }
  }

  /** Markdown of rich text is filled in by `finishMarkdown`, in one turndown call for the page. */
  private markdown(nodes: readonly AnyNode[], text: string, target: { markdown: string }): void {
    target.markdown = textToMarkdown(text);
    if (isPlainText(nodes) || convertsAsPlainText(nodes)) return;
    if (deeperThan(nodes, MAX_RICH_DEPTH)) {
      this.noteOnce('deep rich', `rich text nested deeper than ${MAX_RICH_DEPTH} levels was kept as plain text`);
      return;
    }
    const html = cleanHtml(nodes);
    this.richCost += html.length + FRAGMENT_COST;
    if (this.richCost > MAX_RICH_COST) {
      this.noteOnce('much rich', 'the page has far more rich text than a served page; past the first 256 KB (or a few thousand items) it was kept as plain text');
      return;
    }
    this.rich.add(html, (markdown) => {
      if (markdown) target.markdown = markdown;
    });
  }

  finishMarkdown(): void {
    try {
      this.rich.convert();
    } catch (error) {
      // turndown recurses over the markup; absurdly nested inline markup can exhaust the stack.
      this.notes.push({ label: null, message: `rich text kept as plain text: ${(error as Error).message}` });
    }
  }

  private noteOnce(kind: string, message: string): void {
    if (this.noted.has(kind)) return;
    this.noted.add(kind);
    this.notes.push({ label: null, message });
  }

  private tooDeep(el: Element): void {
    this.noteOnce('deep', `markup nested deeper than ${MAX_DEPTH} levels was read as plain paragraphs`);
    const text = visibleText([el]);
    // Markdown would need turndown to recurse as deep as the markup: plain text it is.
    if (text) this.blocks.push({ kind: 'paragraph', text, markdown: textToMarkdown(text) });
  }
}

/**
 * Rich text nested deeper than this is not given to turndown: it reads every element's whole
 * text, so its time grows with the square of the depth (2,000 unclosed `<b>`s: seconds).
 */
const MAX_RICH_DEPTH = 64;

/**
 * Markup converted to Markdown per page, at most. turndown re-parses it into a DOM of its own,
 * at a cost that grows with the characters and the fragments: a served page has a few dozen
 * fragments, far under the budget, where a broken or hostile file of list items could take
 * seconds. Past the budget, text stays plain.
 */
const MAX_RICH_COST = 256 * 1024;
const FRAGMENT_COST = 128;

/** Whether elements nest more than `limit` levels below `nodes`; stops as soon as they do. */
function deeperThan(nodes: readonly AnyNode[], limit: number): boolean {
  const stack: Array<[AnyNode, number]> = nodes.map((n) => [n, 1]);
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (!isElement(node)) continue;
    if (depth > limit) return true;
    for (const c of node.children) stack.push([c, depth + 1]);
  }
  return false;
}

function headingLevel(el: Element): number | null {
  const m = /^h([1-6])$/.exec(el.name);
  if (m) return Number(m[1]);
  if (el.attribs['role'] === 'heading') return Number.parseInt(el.attribs['aria-level'] ?? '2', 10) || 2;
  return null;
}

/**
 * The `<body>` (a child of the document or of its `<html>`, as the parser leaves it), or the
 * whole document for a fragment without one. Selected a level at a time, so only the top of the
 * tree is looked at however large the page.
 */
function bodyOf(dom: Document): ParentNode {
  let level: Cheerio<ParentNode> = $(dom);
  for (let depth = 0; depth < 3 && level.length > 0; depth++) {
    const body = level.children('body');
    if (body.length > 0) return body[0]!;
    level = level.children('html');
  }
  return dom;
}

/** cheerio over no document of its own: it selects within the nodes of each page it is given. */
const $ = load([]);
