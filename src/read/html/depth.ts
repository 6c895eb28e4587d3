/**
 * How deep a document's elements nest, estimated in one linear pass over the text. The HTML
 * parser keeps its open elements in an array it shifts and unshifts, so its time grows with the
 * square of the depth: a page-sized run of nested `<div>`s would take it minutes.
 * The estimate lets the reader refuse such markup before parsing it.
 */

/** Elements that never hold others, or close themselves when a sibling opens (`<p>`, `<li>`, …). */
const NOT_NESTING = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr',
  'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup', 'thead', 'tbody', 'tfoot', 'rp', 'rt',
]);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title']);

/** Far deeper than any page (they nest a few dozen levels), and still parsed in well under a second. */
export const MAX_MARKUP_DEPTH = 25_000;

const isNameStart = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
const isNameChar = (c: number) => isNameStart(c) || (c >= 48 && c <= 57) || c === 45 || c === 58 || c === 95;

/** The deepest nesting of elements in `html`, counted up to `stopAbove` and no further. */
export function markupDepth(html: string, stopAbove = MAX_MARKUP_DEPTH): number {
  let depth = 0;
  let max = 0;
  let i = html.indexOf('<');
  while (i !== -1) {
    const c = html.charCodeAt(i + 1);
    let next = i + 1;
    if (c === 47 /* / */) {
      if (depth > 0) depth--;
    } else if (c === 33 /* ! */ && html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      if (end === -1) break;
      next = end + 3;
    } else if (isNameStart(c)) {
      let j = i + 1;
      while (j < html.length && isNameChar(html.charCodeAt(j))) j++;
      const name = html.slice(i + 1, j).toLowerCase();
      const end = html.indexOf('>', j);
      if (end === -1) break;
      next = end + 1;
      if (RAW_TEXT.has(name)) {
        // Their text is not markup: skip to their end tag, in whatever case the page writes it.
        const close = endTag(html, name, next);
        if (close === -1) break;
        next = close;
      } else if (!NOT_NESTING.has(name) && html.charCodeAt(end - 1) !== 47 /* self-closing */) {
        depth++;
        if (depth > max) {
          max = depth;
          if (max > stopAbove) return max;
        }
      }
    }
    i = html.indexOf('<', next);
  }
  return max;
}

/** Where `</name` (any case) starts at or after `from`, or -1; each character is looked at once. */
function endTag(html: string, name: string, from: number): number {
  for (let k = html.indexOf('</', from); k !== -1; k = html.indexOf('</', k + 2)) {
    if (html.slice(k + 2, k + 2 + name.length).toLowerCase() === name) return k;
  }
  return -1;
}
