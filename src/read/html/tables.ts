import type { Element } from 'domhandler';
import { visibleText } from './text.js';
import { isElement } from './tree.js';

/** A `<table>` read as the page document holds tables: rows of cell texts, label cell first. */
export interface ReadTable {
  /** Captions: a `<caption>` or a row whose one cell spans the table, in page order. */
  captions: string[];
  rows: string[][];
}

/** More columns than any comparison table has; a wider span is a typo, not a layout. */
const MAX_SPAN = 20;

/**
 * Reads the rows of a table whatever groups them (`thead`, `tbody`, `tfoot`, none, or an unknown
 * wrapper), skipping tables nested inside. A cell spanning columns keeps its text in its first
 * column and leaves the others empty, so labels stay in the label column; a header row one cell
 * short of the body rows lacks its empty corner, which is put back.
 */
export function readTable(table: Element): ReadTable {
  const captions: string[] = [];
  const rows: Array<{ cells: string[]; header: boolean }> = [];
  const stack: Array<{ el: Element; inHead: boolean }> = [];
  for (let i = table.children.length - 1; i >= 0; i--) {
    const c = table.children[i]!;
    if (isElement(c)) stack.push({ el: c, inHead: false });
  }
  while (stack.length > 0) {
    const { el, inHead } = stack.pop()!;
    if (el.name === 'table') continue;
    if (el.name === 'caption') {
      const text = visibleText(el.children);
      if (text) captions.push(text);
      continue;
    }
    if (el.name === 'tr') {
      const row = readRow(el);
      // A row of one cell spanning columns titles the table; it is not a row of values.
      if (row.spanningText !== null) {
        if (row.spanningText) captions.push(row.spanningText);
      } else if (row.cells.some((c) => c !== '')) {
        rows.push({ cells: row.cells, header: inHead || row.allHeaderCells });
      }
      continue;
    }
    const head = inHead || el.name === 'thead';
    for (let i = el.children.length - 1; i >= 0; i--) {
      const c = el.children[i]!;
      if (isElement(c)) stack.push({ el: c, inHead: head });
    }
  }

  const width = rows.reduce((widest, r) => Math.max(widest, r.cells.length), 0);
  const out: string[][] = [];
  for (const row of rows) {
    if (row.header && out.length === 0 && row.cells.length === width - 1) out.push(['', ...row.cells]);
    else out.push(row.cells);
  }
  return { captions, rows: out };
}

interface Row {
  cells: string[];
  allHeaderCells: boolean;
  /** For a row that is one cell spanning columns, its text; null for any other row. */
  spanningText: string | null;
}

function readRow(tr: Element): Row {
  const cells: string[] = [];
  let allHeaderCells = true;
  let spans = 0;
  for (const c of tr.children) {
    if (!isElement(c) || (c.name !== 'td' && c.name !== 'th')) continue;
    if (c.name === 'td') allHeaderCells = false;
    cells.push(visibleText(c.children));
    spans++;
    const span = Math.min(MAX_SPAN, Number.parseInt(c.attribs['colspan'] ?? '1', 10) || 1);
    for (let k = 1; k < span; k++) cells.push('');
  }
  const spanningText = spans === 1 && cells.length > 1 ? cells[0]! : null;
  return { cells, allHeaderCells: allHeaderCells && cells.length > 0, spanningText };
}
