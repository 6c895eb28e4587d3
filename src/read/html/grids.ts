import type { AnyNode, Element } from 'domhandler';
import { rowFieldFor } from '../../site/rowFields.js';
import { visibleText } from './text.js';
import { type PageTree, isElement } from './tree.js';

/**
 * Comparison tables laid out as CSS grids, with no table markup. They are recognised from
 * structure, whatever the tags and classes: a row is an element whose children are exactly
 * three cells (label, left role, right role) holding no lists or tables, and a run of
 * such rows (directly, or grouped like `thead`/`tbody`) is a table when one of its rows is
 * labelled with a row label of the site or it opens with a header row (empty corner, two titles)
 * over labelled rows.
 */

const CELLS_PER_ROW = 3;

/** The cells of `el` when it is a grid row, else null. */
export function gridRowCells(el: Element, tree: PageTree): Element[] | null {
  if (el.name === 'table' || el.name === 'tr') return null;
  const cells: Element[] = [];
  for (const c of el.children) {
    if (c.type === 'text') {
      if (c.data.trim() !== '') return null;
      continue;
    }
    if (!isElement(c)) continue;
    if (cells.length === CELLS_PER_ROW || tree.hasStructure(c)) return null;
    cells.push(c);
  }
  return cells.length === CELLS_PER_ROW ? cells : null;
}

/**
 * The rows of `el`: its children when they are all rows (a `tbody`-like group), else itself when
 * it is a row, else null. The group reading comes first: a body of exactly three rows would
 * otherwise pass for one row whose cells are rows, while a real row's label cell is never
 * itself three cells.
 */
function rowsOf(el: Element, tree: PageTree): Element[][] | null {
  const rows: Element[][] = [];
  let group = true;
  for (const c of el.children) {
    if (c.type === 'text') {
      if (c.data.trim() !== '') {
        group = false;
        break;
      }
      continue;
    }
    if (!isElement(c)) continue;
    const cells = gridRowCells(c, tree);
    if (!cells) {
      group = false;
      break;
    }
    rows.push(cells);
  }
  if (group && rows.length > 0) return rows;
  const own = gridRowCells(el, tree);
  return own ? [own] : null;
}

export interface GridRun {
  /** Index in the parent's children just past the run. */
  end: number;
  /** The table's rows as cell texts, or null when the run is not a comparison table. */
  rows: string[][] | null;
}

/**
 * Reads the run of grid rows that starts at `children[start]`, or returns null when that child
 * is not a row. A run that is not a table is still returned (with `rows: null`) so the caller
 * reads its children once as ordinary blocks and never rescans them.
 */
export function readGridRun(children: readonly AnyNode[], start: number, tree: PageTree): GridRun | null {
  const rows: Element[][] = [];
  let end = start;
  for (let i = start; i < children.length; i++) {
    const c = children[i]!;
    if (!isElement(c)) {
      if (c.type === 'text' && c.data.trim() !== '') break;
      continue;
    }
    const found = rowsOf(c, tree);
    if (!found) break;
    for (const row of found) rows.push(row);
    end = i + 1;
  }
  if (rows.length === 0) return null;
  const texts = rows.map((cells) => cells.map((cell) => visibleText(cell.children)));
  return { end, rows: isComparisonTable(texts) ? texts.filter((r) => r.some((t) => t !== '')) : null };
}

function isComparisonTable(rows: string[][]): boolean {
  if (rows.length < 2) return false;
  if (rows.some((r) => rowFieldFor(r[0]!) !== undefined)) return true;
  const [head, ...body] = rows;
  return head![0] === '' && head![1] !== '' && head![2] !== '' && body.every((r) => r[0] !== '');
}
