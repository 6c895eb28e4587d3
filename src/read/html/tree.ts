import type { AnyNode, Element, ParentNode } from 'domhandler';
import { hasUnreadContent, isArticleMarker, isChromeCandidate, isSectioning } from './noise.js';

/**
 * One linear pass over the parsed page that decides, for every element, whether it is dropped
 * and what its visible subtree holds. Everything the reader asks later ("is this a block?",
 * "does this cell hold a list?") is then a lookup, so reading stays linear however the markup
 * nests, and nothing recurses as deep as the markup does.
 */

/** Tags a browser lays out as blocks. Unknown tags count as blocks only when they hold one. */
const BLOCK_TAGS = new Set([
  'address', 'article', 'blockquote', 'body', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hgroup', 'hr', 'html', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary',
  'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'caption', 'ul', 'aside',
]);

/** Tags a browser lays out inline. */
const INLINE_TAGS = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'big', 'br', 'button', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'font',
  'i', 'img', 'ins', 'kbd', 'label', 'mark', 'meter', 'nobr', 'output', 'picture', 'progress', 'q', 's', 'samp',
  'small', 'source', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var', 'wbr',
]);

/**
 * Markup a value cell never holds: a cell holding one is a container, not a cell. Headings are
 * allowed: a grid's header cells often hold the role titles as `<h3>`s.
 */
const STRUCTURE_TAGS = new Set(['table', 'ul', 'ol', 'dl']);

const DROPPED = 1;
/** Some visible descendant is a block. */
const HAS_BLOCK = 2;
/** Some visible descendant is a table or list. */
const HAS_STRUCTURE = 4;
/** Some descendant is the article (`h1`, `main`, `article`): never dropped as chrome. */
const HAS_ARTICLE = 8;
/** Has a visible child element. */
const HAS_CHILD_ELEMENT = 16;

export class PageTree {
  private readonly flags = new Map<Element, number>();

  constructor(root: ParentNode) {
    this.scan(root);
  }

  isDropped(el: Element): boolean {
    return ((this.flags.get(el) ?? 0) & DROPPED) !== 0;
  }

  /**
   * Laid out as a block: a block tag, any element (a `span`, a custom tag) holding a block, or a
   * custom element holding elements (web components are layout wrappers, styled as blocks or
   * grids; a custom tag around words stays inline).
   */
  isBlock(el: Element): boolean {
    return BLOCK_TAGS.has(el.name) || ((this.flags.get(el) ?? 0) & HAS_BLOCK) !== 0 || this.isCustomWrapper(el);
  }

  private isCustomWrapper(el: Element): boolean {
    return !INLINE_TAGS.has(el.name) && !BLOCK_TAGS.has(el.name) && ((this.flags.get(el) ?? 0) & HAS_CHILD_ELEMENT) !== 0;
  }

  /** Holds a table or list somewhere inside, so it cannot be a table cell. */
  hasStructure(el: Element): boolean {
    return STRUCTURE_TAGS.has(el.name) || ((this.flags.get(el) ?? 0) & HAS_STRUCTURE) !== 0;
  }

  hasNestedTable(table: Element): boolean {
    for (const child of table.children) {
      if (isElement(child) && !this.isDropped(child) && (child.name === 'table' || this.hasTableInside(child))) return true;
    }
    return false;
  }

  private hasTableInside(el: Element): boolean {
    // Only called on a table's own rows and cells; cut short at the first table.
    const stack: Element[] = [el];
    while (stack.length > 0) {
      const e = stack.pop()!;
      for (const c of e.children) {
        if (!isElement(c) || this.isDropped(c)) continue;
        if (c.name === 'table') return true;
        stack.push(c);
      }
    }
    return false;
  }

  private scan(root: ParentNode): void {
    // Iterative depth-first walk: enter pushes the element back with its children on top, so it
    // is finished (its subtree flags summed) after all of them.
    interface Frame { el: Element; inSection: boolean; entered: boolean }
    const stack: Frame[] = [];
    for (let i = root.children.length - 1; i >= 0; i--) {
      const c = root.children[i]!;
      if (isElement(c)) stack.push({ el: c, inSection: false, entered: false });
    }
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const el = frame.el;
      if (!frame.entered) {
        frame.entered = true;
        if (hasUnreadContent(el.name)) {
          this.flags.set(el, DROPPED);
          stack.pop();
          continue;
        }
        const inSection = frame.inSection || isSectioning(el);
        for (let i = el.children.length - 1; i >= 0; i--) {
          const c = el.children[i]!;
          if (isElement(c)) stack.push({ el: c, inSection, entered: false });
        }
        continue;
      }
      stack.pop();
      let sub = 0;
      for (const c of el.children) {
        if (!isElement(c)) continue;
        const f = this.flags.get(c) ?? 0;
        if (f & DROPPED) continue;
        sub |= (f & (HAS_BLOCK | HAS_STRUCTURE | HAS_ARTICLE)) | HAS_CHILD_ELEMENT;
        if (BLOCK_TAGS.has(c.name) || this.isCustomWrapper(c)) sub |= HAS_BLOCK;
        if (STRUCTURE_TAGS.has(c.name)) sub |= HAS_STRUCTURE;
        if (isArticleMarker(c.name, c.attribs)) sub |= HAS_ARTICLE;
      }
      const dropped = !(sub & HAS_ARTICLE) && isChromeCandidate(el, frame.inSection);
      this.flags.set(el, dropped ? DROPPED : sub);
    }
  }
}

export function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

export function isBlockTag(name: string): boolean {
  return BLOCK_TAGS.has(name);
}
