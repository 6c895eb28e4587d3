import type { AnyNode, Element, ParentNode } from 'domhandler';

/**
 * One linear pass over the parsed page (which holds only what is read: see `parsePage`) that
 * notes what each element's subtree holds. Everything the reader asks later ("is this a block?",
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

/** Some descendant is a block. */
const HAS_BLOCK = 1;
/** Some descendant is a table or list. */
const HAS_STRUCTURE = 2;
/** Has a child element. */
const HAS_CHILD_ELEMENT = 4;
/** Some descendant is a table. */
const HAS_TABLE = 8;

export class PageTree {
  private readonly flags = new Map<Element, number>();

  constructor(root: ParentNode) {
    this.scan(root);
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

  /** Holds a table somewhere inside: a table that does is a layout, read as blocks. */
  hasNestedTable(table: Element): boolean {
    return ((this.flags.get(table) ?? 0) & HAS_TABLE) !== 0;
  }

  private scan(root: ParentNode): void {
    // Iterative depth-first walk: entering an element pushes its children above it, so it is
    // finished (its subtree's flags summed) after all of them.
    const stack: Array<{ el: Element; entered: boolean }> = [];
    const enter = (parent: ParentNode) => {
      for (const c of parent.children) if (isElement(c)) stack.push({ el: c, entered: false });
    };
    enter(root);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      if (!frame.entered) {
        frame.entered = true;
        enter(frame.el);
        continue;
      }
      stack.pop();
      let sub = 0;
      for (const c of frame.el.children) {
        if (!isElement(c)) continue;
        sub |= ((this.flags.get(c) ?? 0) & (HAS_BLOCK | HAS_STRUCTURE | HAS_TABLE)) | HAS_CHILD_ELEMENT;
        if (BLOCK_TAGS.has(c.name) || this.isCustomWrapper(c)) sub |= HAS_BLOCK;
        if (STRUCTURE_TAGS.has(c.name)) sub |= HAS_STRUCTURE;
        if (c.name === 'table') sub |= HAS_TABLE;
      }
      this.flags.set(frame.el, sub);
    }
  }
}

/** An element of the parsed page: a tag, as the parser builds no scripts or styles (`parsePage`). */
export function isElement(node: AnyNode): node is Element {
  return node.type === 'tag';
}

export function isBlockTag(name: string): boolean {
  return BLOCK_TAGS.has(name);
}
