import type { AnyNode } from 'domhandler';
import { collapseWhitespace } from '../document.js';
import { isBlockTag, isElement } from './tree.js';

/** Characters that take no room on screen; a copied page text would not hold them either. */
const INVISIBLE_CHARS = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;

/**
 * The text a reader sees in these nodes, on one line: entities decoded (by the parser), the
 * parts a `<br>` or a block splits apart joined by one space, whitespace collapsed. Inline
 * elements join without a space, as a browser shows them.
 */
export function visibleText(nodes: readonly AnyNode[]): string {
  const parts: string[] = [];
  const stack: AnyNode[] = [];
  for (let i = nodes.length - 1; i >= 0; i--) stack.push(nodes[i]!);
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'text') {
      parts.push(node.data);
      continue;
    }
    if (!isElement(node)) continue;
    if (node.name === 'br' || node.name === 'hr') {
      parts.push(' ');
      continue;
    }
    const block = isBlockTag(node.name);
    if (block) parts.push(' ');
    if (block) stack.push(SPACE);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return collapseWhitespace(parts.join('').replace(INVISIBLE_CHARS, ''));
}

/** A marker node that stands for the space after a block ends. */
const SPACE = { type: 'text', data: ' ' } as unknown as AnyNode;

const VOID_TAGS = new Set(['br', 'hr', 'img', 'wbr', 'source', 'col', 'area']);
/** The attributes Markdown can carry; the rest (classes, data-*) would only cost time. */
const KEPT_ATTRIBUTES = ['href', 'title', 'src', 'alt', 'colspan', 'rowspan', 'start'];

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * The nodes as HTML for turndown, without the attributes Markdown cannot show.
 */
export function cleanHtml(nodes: readonly AnyNode[]): string {
  const out: string[] = [];
  // Closing tags are pushed as strings so the walk needs no recursion.
  const stack: Array<AnyNode | string> = [];
  for (let i = nodes.length - 1; i >= 0; i--) stack.push(nodes[i]!);
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item === 'string') {
      out.push(item);
      continue;
    }
    if (item.type === 'text') {
      out.push(escapeText(item.data));
      continue;
    }
    if (!isElement(item)) continue;
    let open = `<${item.name}`;
    for (const attr of KEPT_ATTRIBUTES) {
      const value = item.attribs[attr];
      if (value !== undefined) open += ` ${attr}="${escapeAttr(value)}"`;
    }
    out.push(`${open}>`);
    if (VOID_TAGS.has(item.name)) continue;
    stack.push(`</${item.name}>`);
    for (let i = item.children.length - 1; i >= 0; i--) stack.push(item.children[i]!);
  }
  return out.join('');
}

/**
 * Inline elements turndown has no Markdown for: it writes their content and nothing else, so
 * text inside them converts as if they were not there (a skill in a `<span>`, a `<button>`).
 */
const TRANSPARENT_INLINE = new Set(['span', 'font', 'small', 'big', 'abbr', 'cite', 'dfn', 'label', 'button', 'time', 'mark', 'data', 'bdi', 'bdo', 'u', 'ins', 'nobr', 'var']);

/**
 * Where turndown's escaping (applied to each text node on its own, anchored at its start) or its
 * whitespace (ASCII only; the reader's text also folds no-break and zero-width spaces) could part
 * from escaping the whole text at once: a later text node starting like a Markdown block marker.
 */
const LINE_START_MARKER = /^\s*[-+=#>~\d]/;
const NON_ASCII_SPACE = /[\v\f\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f\u2060\u3000\ufeff\u00ad]/;

/**
 * Whether the nodes' Markdown is their escaped text, as turndown would give it: text and
 * transparent inline elements only, with nothing that escapes or collapses differently. Saves
 * turndown's own parse for the many list items that are plain text in a `<span>`.
 */
export function convertsAsPlainText(nodes: readonly AnyNode[]): boolean {
  let texts = 0;
  const stack: AnyNode[] = [];
  for (let i = nodes.length - 1; i >= 0; i--) stack.push(nodes[i]!);
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'text') {
      if (NON_ASCII_SPACE.test(node.data)) return false;
      if (texts++ > 0 && LINE_START_MARKER.test(node.data)) return false;
      continue;
    }
    if (!isElement(node)) return false;
    if (!TRANSPARENT_INLINE.has(node.name)) return false;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return true;
}

/** Whether the nodes are text only, so their Markdown is their escaped text. */
export function isPlainText(nodes: readonly AnyNode[]): boolean {
  return nodes.every((node) => node.type === 'text');
}
