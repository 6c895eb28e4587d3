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
  return UNCOLLAPSED.test(text) ? text.replace(/[\s\u00a0]+/g, ' ').trim() : text.trim();
}
