/**
 * The format-neutral page document. Every reader (tabular text, flattened text, HTML) turns its
 * input into this; the extractor reads nothing else. It holds what a reader can see without
 * knowing what the page means: blocks in page order.
 */

export interface HeadingBlock {
  kind: 'heading';
  text: string;
}

export interface ParagraphBlock {
  kind: 'paragraph';
  /** Plain text, whitespace collapsed. */
  text: string;
  /** The same text as Markdown (links, emphasis kept); equal to `text` for text captures. */
  markdown: string;
}

export interface ListBlock {
  kind: 'list';
  items: ListItem[];
}

export interface ListItem {
  text: string;
  markdown: string;
}

/**
 * A table as rows of cells, label cell first. The header row has an empty label cell:
 * `['', 'Collections Coordinator', 'Account Specialist']`, whatever the capture did with it
 * (the tabular capture shifts the empty cell to the end; readers undo that).
 */
export interface TableBlock {
  kind: 'table';
  rows: TableRow[];
}

export interface TableRow {
  cells: string[];
  /**
   * Set when the reader had to infer the cell boundaries (a flattened capture glues cells
   * together). `cells` holds the chosen split.
   */
  split?: RowSplit;
}

export interface RowSplit {
  /** The glued text the cells came from (without the label). */
  glued: string;
  /** Every other split that survived the evidence, each as the value cells (no label). */
  alternatives: string[][];
  /** Why the chosen split won, for the warning. */
  reason: string;
}

export type Block = HeadingBlock | ParagraphBlock | ListBlock | TableBlock;

export interface PageDocument {
  /** The page's title ("Collections representative vs collections coordinator"), if shown. */
  title: string | null;
  blocks: Block[];
  /** The page's canonical address (HTML only); null when the capture does not carry it. */
  url: string | null;
  format: 'html' | 'text';
  layout: 'table' | 'flat';
  /** Page-level problems the reader noticed (e.g. a row it could not split). */
  notes: ReaderNote[];
}

export interface ReaderNote {
  /** The table row label or section the note is about, if any. */
  label: string | null;
  message: string;
}

/** Whitespace that collapsing would change: any but a plain space, or two spaces in a row. */
const UNCOLLAPSED = /[^\S ]| {2}/;

/** Collapses runs of whitespace (including non-breaking spaces) to one space and trims. */
export function collapseWhitespace(text: string): string {
  // Most text is already collapsed but for its ends; rebuilding it space by space costs more than looking.
  if (!UNCOLLAPSED.test(text)) return text.trim();
  return text.length > LONG_TEXT ? collapseLong(text) : text.replace(/[\s\u00a0]+/g, ' ').trim();
}

/**
 * Past this many characters (far past any paragraph or cell), whitespace is collapsed by a walk
 * over the characters: V8's global replace slows more than in proportion on text of hundreds of
 * thousands of whitespace runs (a page-sized text node of short lines).
 */
const LONG_TEXT = 64 * 1024;

/** Whether a UTF-16 code unit is whitespace as `\s` matches it (no-break and other spaces included). */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** `collapseWhitespace` for long text, in time in proportion to its length. */
function collapseLong(text: string): string {
  const out = new Uint16Array(text.length);
  let n = 0;
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      space = true;
    } else {
      if (space && n > 0) out[n++] = 32;
      space = false;
      out[n++] = c;
    }
  }
  // The code units as they are (Node's UTF-16 decoding keeps a lone surrogate as it is).
  return Buffer.from(out.buffer, 0, n * 2).toString('utf16le');
}
