import { ARTICLE_TAGS, SECTIONING_TAGS, hasUnreadContent, isChromeByTag } from './noise.js';

/**
 * A served page is some 200 KB, of which the article is under 20: the rest is menus, link lists,
 * footers and scripts, which the reader drops and htmlparser2's tokenizer would still read char
 * by char (half of a page's extraction time). This finds, in the raw text, the elements that are
 * page chrome by their tag and ancestors whatever their attributes (`<nav>`, `<aside>`, a
 * `<footer>` or `<header>` outside any article or section) and cuts out their content, leaving
 * `<nav …></nav>`: the parser then builds exactly what it built before, the element empty as
 * `parsePage` left it. The text of scripts and styles (a third of a served page, inline state
 * and all) goes the same way.
 *
 * Exactness comes first. The scanner follows htmlparser2's tokenizer (comments, raw-text
 * elements, quoted attributes, `</ x>`) and parser (implied and stray end tags, foreign content)
 * only as far as it needs to, and an element is cut only when its end is certain: anything it
 * does not model (an end tag closing something outside, the article or the page's address inside,
 * CDATA, an unterminated construct) leaves the element, or the whole page, as it was.
 */
export function withoutChromeContent(html: string): string {
  const cuts = chromeContent(html);
  if (cuts === null || cuts.length === 0) return html;
  const parts: string[] = [];
  let from = 0;
  for (const [start, end] of cuts) {
    parts.push(html.slice(from, start));
    from = end;
  }
  parts.push(html.slice(from));
  return parts.join('');
}

/** htmlparser2's parser: what an opening tag closes first (`Parser.js`, `openImpliesClose`). */
const P = new Set(['p']);
const FORM = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']);
const IMPLIES_CLOSE = new Map<string, Set<string>>([
  ['tr', new Set(['tr', 'th', 'td'])],
  ['th', new Set(['th'])],
  ['td', new Set(['thead', 'th', 'td'])],
  ['body', new Set(['head', 'link', 'script'])],
  ['li', new Set(['li'])],
  ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])],
  ['dd', new Set(['dd', 'dt'])],
  ['dt', new Set(['dd', 'dt'])],
  ['rt', new Set(['rt', 'rp'])],
  ['rp', new Set(['rt', 'rp'])],
  ['tbody', new Set(['thead', 'tbody'])],
  ['tfoot', new Set(['thead', 'tbody'])],
  ...['select', 'input', 'output', 'button', 'datalist', 'textarea'].map((t): [string, Set<string>] => [t, FORM]),
  ...[
    'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset',
    'figcaption', 'figure', 'footer', 'form', 'header', 'hr', 'main', 'nav', 'ol', 'pre', 'section', 'table', 'ul',
  ].map((t): [string, Set<string>] => [t, P]),
]);
const VOID = new Set([
  'area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex', 'keygen',
  'link', 'meta', 'param', 'source', 'track', 'wbr',
]);
const FOREIGN = new Set(['math', 'svg']);
const INTEGRATION = new Set(['mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml', 'foreignobject', 'desc', 'title']);
/** The tokenizer's raw-text elements: their content runs to their end tag. */
const RAW_TEXT = new Set(['script', 'style', 'title', 'textarea', 'xmp']);

/** One token of the markup, from a `<` to just past its end (`start` is its `<`). */
type Token =
  | { kind: 'open'; name: string; start: number; attributesFrom: number; tagEnd: number; selfClosing: boolean; end: number }
  | { kind: 'close'; name: string; end: number }
  | { kind: 'other'; end: number };

/** Thrown when the page holds something the scanner does not model: nothing is cut. */
const UNMODELLED = new Error('markup the chrome scanner does not model');

/**
 * Tokens read inside candidate elements, at most, per token of the page: an element that turns
 * out not to be cuttable is read again from inside, so hostile nesting could make it quadratic.
 */
const REGION_READS_PER_TOKEN = 4;

/** [start, end) of each element content to cut, in order; null to cut nothing. */
function chromeContent(html: string): Array<[number, number]> | null {
  const cuts: Array<[number, number]> = [];
  // A token is two characters at least: bounded by the page's length, not counted (a pass of its own).
  const budget: ScanState = {
    reads: 10_000 + REGION_READS_PER_TOKEN * (html.length >> 1),
    main: new NextOccurrence(html, 'main'),
    entity: new NextOccurrence(html, '&'),
  };
  // The parser's foreign-content stack (true inside svg/math), which decides whether `/>` closes.
  const foreign: boolean[] = [false];
  const sections = new OpenSections();
  try {
    for (let i = html.indexOf('<'); i !== -1; ) {
      const token = readToken(html, i);
      if (token === null) {
        i = html.indexOf('<', i + 1);
        continue;
      }
      let next = token.end;
      if (token.kind === 'open') {
        const region = isCuttable(token, sections.anyOpen()) ? regionEnd(html, token, foreign, budget) : null;
        // Out of budget: what is cut so far stands, nothing more is looked for.
        if (budget.reads < 0) return cuts;
        if (region !== null) {
          cuts.push([token.end, region]);
          next = region;
        } else if (token.end > token.tagEnd && hasUnreadContent(token.name)) {
          // A script's or style's text runs to its end tag, and the parser builds nothing of it.
          cuts.push([token.tagEnd, token.end]);
        }
        if (opens(token, foreign)) sections.opened(token.name);
      } else if (token.kind === 'close') {
        popForeign(foreign, token.name);
        sections.closed(token.name);
      }
      i = html.indexOf('<', next);
    }
  } catch (error) {
    if (error === UNMODELLED) return null;
    throw error;
  }
  return cuts;
}

/**
 * What the parser does with an opening tag: a void element is no element to close; any other is
 * entered in the foreign-content stack first (svg and math as foreign, integration points as
 * HTML), and then `/>` closes it at once only in foreign content, so `<svg/>` is closed and
 * `<div/>` stays open (htmlparser2 keeps the closed element's foreign entry). True when the
 * element stays open.
 */
function opens(token: Extract<Token, { kind: 'open' }>, foreign: boolean[]): boolean {
  if (VOID.has(token.name)) return false;
  pushForeign(foreign, token.name);
  return !(token.selfClosing && foreign[0]);
}

/** Whether a tag may be svg, math or an integration point, by its first letter: most are not. */
function mayChangeForeign(name: string): boolean {
  const c = name.charCodeAt(0);
  return c === 115 /* s */ || c === 109 /* m */ || c === 97 /* a */ || c === 102 /* f */ || c === 100 /* d */ || c === 116 /* t */;
}

function pushForeign(foreign: boolean[], name: string): void {
  if (!mayChangeForeign(name)) return;
  if (FOREIGN.has(name)) foreign.unshift(true);
  else if (INTEGRATION.has(name)) foreign.unshift(false);
}

function popForeign(foreign: boolean[], name: string): void {
  if (mayChangeForeign(name) && (FOREIGN.has(name) || INTEGRATION.has(name))) foreign.shift();
}

/**
 * Chrome by its tag and ancestors, whatever its attributes: most of a served page's chrome (the
 * menus and link lists) is in `<nav>`, `<aside>` and the page's `<footer>`. Boxes known by their
 * words are small, and left to the parser.
 */
function isCuttable(token: Extract<Token, { kind: 'open' }>, insideSectioning: boolean): boolean {
  // `<nav/>` is left to the parser: closed at once in foreign content, open (to a later end tag) elsewhere.
  return !token.selfClosing && isChromeByTag(token.name, insideSectioning);
}

/**
 * How many sectioning elements (`article`, `section`, `nav`, …) of each name may be open, which
 * decides whether a `<footer>` is the page's. Never fewer than the parser has open: each opening
 * counts, and an end tag takes one off only when one of its name is counted. The parser may close
 * more (an ancestor's end tag closes what is inside it), which leaves a footer uncut, never one
 * inside an article cut.
 */
class OpenSections {
  private readonly counts = new Map<string, number>();
  private total = 0;

  anyOpen(): boolean {
    return this.total > 0;
  }

  opened(name: string): void {
    if (!SECTIONING_TAGS.has(name)) return;
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
    this.total++;
  }

  closed(name: string): void {
    const n = this.counts.get(name);
    if (n === undefined || n === 0) return;
    this.counts.set(name, n - 1);
    this.total--;
  }
}

/**
 * Where the content of the element opened by `root` ends (the `<` of the end tag that closes it),
 * following the parser's stack inside it; null when that end is not certain or the element may
 * not be dropped whole.
 */
function regionEnd(html: string, root: Extract<Token, { kind: 'open' }>, outerForeign: readonly boolean[], budget: ScanState): number | null {
  const stack = [root.name];
  const foreign = [...outerForeign];
  for (let i = html.indexOf('<', root.end); i !== -1; ) {
    if (--budget.reads < 0) return null;
    const token = readToken(html, i);
    if (token === null) {
      i = html.indexOf('<', i + 1);
      continue;
    }
    if (token.kind === 'open') {
      const { name } = token;
      // The article, or the page's own address, inside: the element is not simply chrome.
      if (ARTICLE_TAGS.has(name) || name === 'link' || name === 'meta' || roleIsMain(html, token, budget)) return null;
      const closes = IMPLIES_CLOSE.get(name);
      if (closes) {
        while (stack.length > 0 && closes.has(stack[stack.length - 1]!)) {
          if (stack.length === 1) return null; // would close the element itself
          stack.pop();
        }
      }
      if (opens(token, foreign)) stack.push(name);
    } else if (token.kind === 'close') {
      const { name } = token;
      popForeign(foreign, name);
      if (!VOID.has(name)) {
        const at = stack.lastIndexOf(name);
        // An end tag for nothing open inside may close something outside (or open a `<p>`).
        if (at === -1) return null;
        // Popped one by one: setting an array's length is a slow path in V8 (a tenth of the scan).
        while (stack.length > at) stack.pop();
        if (at === 0) return sameForeign(foreign, outerForeign) ? i : null;
      }
    }
    i = html.indexOf('<', token.end);
  }
  return null;
}

/** What a scan keeps: its budget of tokens read in regions, and where `main` and `&` next stand. */
interface ScanState {
  reads: number;
  main: NextOccurrence;
  entity: NextOccurrence;
}

/**
 * Where a string next stands after any position, found with indexOf and remembered: tokens are
 * read in order, so the page is searched about once rather than character by character per tag.
 */
class NextOccurrence {
  private from = Number.POSITIVE_INFINITY;
  /** The first occurrence at or after `from` (the text's length when there is none). */
  private at = -1;

  constructor(
    private readonly text: string,
    private readonly needle: string,
  ) {}

  /** Whether an occurrence starts in text[from, to). */
  startsIn(from: number, to: number): boolean {
    // The remembered occurrence is still the first for any position between `this.from` and it.
    if (from < this.from || from > this.at) {
      const at = this.text.indexOf(this.needle, from);
      this.from = from;
      this.at = at === -1 ? this.text.length : at;
    }
    return this.at < to;
  }
}

function sameForeign(a: readonly boolean[], b: readonly boolean[]): boolean {
  return a.length === b.length && a.every((x, k) => x === b[k]);
}

// Most characters are letters, above all of these: one comparison decides them.
const isWhitespace = (c: number) => c <= 32 && (c === 32 || c === 10 || c === 9 || c === 12 || c === 13);
const isAlpha = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
const isEndOfTagSection = (c: number) => c <= 62 && (c === 47 /* / */ || c === 62 /* > */ || isWhitespace(c));

/** The token at `html[i] === '<'`, or null when that `<` is text. */
function readToken(html: string, i: number): Token | null {
  const c = html.charCodeAt(i + 1);
  if (c === 33 /* ! */) {
    if (html.startsWith('<!--', i)) {
      // The tokenizer counts the opening's dashes: `<!-->` is a whole comment.
      const end = html.indexOf('-->', i + 2);
      if (end === -1) throw UNMODELLED;
      return { kind: 'other', end: end + 3 };
    }
    if (html.charCodeAt(i + 2) === 91 /* [ */) throw UNMODELLED;
    return { kind: 'other', end: past(html, '>', i + 2) };
  }
  if (c === 63 /* ? */) return { kind: 'other', end: past(html, '>', i + 2) };
  if (c === 47 /* / */) return readEndTag(html, i + 2);
  if (isAlpha(c)) return readStartTag(html, i + 1);
  return null;
}

/** Just past the next `ch` at or after `from`. */
function past(html: string, ch: string, from: number): number {
  const at = html.indexOf(ch, from);
  if (at === -1) throw UNMODELLED;
  return at + 1;
}

function readEndTag(html: string, from: number): Token {
  let j = from;
  while (isWhitespace(html.charCodeAt(j))) j++;
  const c = html.charCodeAt(j);
  if (c === 62 /* > */) return { kind: 'other', end: j + 1 };
  if (!isAlpha(c)) return { kind: 'other', end: past(html, '>', j) };
  const start = j;
  // The tokenizer ends an end tag's name at `>` or whitespace only (`</div/>` names "div/").
  while (j < html.length && html.charCodeAt(j) !== 62 && !isWhitespace(html.charCodeAt(j))) j++;
  if (j >= html.length) throw UNMODELLED;
  return { kind: 'close', name: html.slice(start, j).toLowerCase(), end: past(html, '>', j) };
}

function readStartTag(html: string, from: number): Token {
  let j = from;
  while (j < html.length && !isEndOfTagSection(html.charCodeAt(j))) j++;
  const name = html.slice(from, j).toLowerCase();
  const { end, selfClosing } = scanAttributes(html, j, null);
  const token: Token = { kind: 'open', name, start: from - 1, attributesFrom: j, tagEnd: end, selfClosing, end };
  if (RAW_TEXT.has(name) && !selfClosing) token.end = rawTextEnd(html, name, end);
  return token;
}

/**
 * Reads a start tag's attributes from `j` (just past its name) as the tokenizer does, into
 * `attribs` when given (the first of a name wins, names lower-cased, values as written); returns
 * where the tag ends and whether it ends with `/>`.
 */
function scanAttributes(html: string, from: number, attribs: Record<string, string> | null): { end: number; selfClosing: boolean } {
  let j = from;
  for (;;) {
    if (j >= html.length) throw UNMODELLED;
    const c = html.charCodeAt(j);
    if (c === 62 /* > */) return { end: j + 1, selfClosing: false };
    if (isWhitespace(c)) {
      j++;
      continue;
    }
    if (c === 47 /* / */) {
      j++;
      while (isWhitespace(html.charCodeAt(j))) j++;
      if (html.charCodeAt(j) === 62) return { end: j + 1, selfClosing: true };
      continue;
    }
    const nameStart = j;
    // The first character is the name's even when it is `=` (`<a =x>` has an attribute "=x").
    j++;
    while (j < html.length && html.charCodeAt(j) !== 61 /* = */ && !isEndOfTagSection(html.charCodeAt(j))) j++;
    const nameEnd = j;
    while (isWhitespace(html.charCodeAt(j))) j++;
    let valueStart = j;
    let valueEnd = j;
    if (html.charCodeAt(j) === 61) {
      j++;
      while (isWhitespace(html.charCodeAt(j))) j++;
      const q = html.charCodeAt(j);
      if (q === 34 /* " */ || q === 39 /* ' */) {
        const close = html.indexOf(q === 34 ? '"' : "'", j + 1);
        if (close === -1) throw UNMODELLED;
        valueStart = j + 1;
        valueEnd = close;
        j = close + 1;
      } else {
        valueStart = j;
        while (j < html.length && html.charCodeAt(j) !== 62 && !isWhitespace(html.charCodeAt(j))) j++;
        valueEnd = j;
      }
    }
    if (attribs) {
      const attr = html.slice(nameStart, nameEnd).toLowerCase();
      if (!Object.prototype.hasOwnProperty.call(attribs, attr)) attribs[attr] = html.slice(valueStart, valueEnd);
    }
  }
}

/**
 * Whether the tag says `role="main"` (which makes it the article). Its attributes are read only
 * when its text holds "main" at all; a value with an entity in it might decode to "main", so it
 * counts too.
 */
function roleIsMain(html: string, token: Extract<Token, { kind: 'open' }>, scan: ScanState): boolean {
  const { attributesFrom: from, tagEnd: to } = token;
  if (!scan.main.startsIn(from, to) && !scan.entity.startsIn(from, to)) return false;
  const attribs: Record<string, string> = {};
  scanAttributes(html, token.attributesFrom, attribs);
  const role = attribs['role'];
  return role !== undefined && (role === 'main' || role.includes('&'));
}

/** Where a raw-text element's content ends: at its end tag (`</script` then `>` or a space). */
function rawTextEnd(html: string, name: string, from: number): number {
  for (let k = html.indexOf('</', from); k !== -1; k = html.indexOf('</', k + 1)) {
    const after = html.charCodeAt(k + 2 + name.length);
    if ((after === 62 || isWhitespace(after)) && html.slice(k + 2, k + 2 + name.length).toLowerCase() === name) return k;
  }
  throw UNMODELLED;
}
