import { PageError } from '../errors.js';
import type { PageDocument, TableBlock } from '../read/document.js';
import { OVERVIEW_LABELS, normalizeLabel, rowFieldFor } from '../site/rowFields.js';
import { nameSimilarity } from './matchRole.js';

/** The two roles of a page, as a comparison table's header names them (left column first). */
export type RoleTitles = readonly [string, string];

/** The page's two roles, and whether the capture holds the overview table. */
export interface PageRoles {
  titles: RoleTitles;
  /** False for a page served (or captured) without its overview: the fields only it shows are empty. */
  hasOverview: boolean;
}

const isHeader = (cells: readonly string[]): boolean =>
  cells[0] === '' && cells.length >= 3 && cells.slice(1, 3).every((c) => c.trim() !== '');

export function tableHeader(table: TableBlock): RoleTitles | null {
  const first = table.rows[0]?.cells;
  return first && isHeader(first) ? [first[1]!, first[2]!] : null;
}

function isOverview(table: TableBlock): boolean {
  const labels = new Set(table.rows.map((r) => normalizeLabel(r.cells[0] ?? '')));
  return OVERVIEW_LABELS.filter((l) => labels.has(l)).length >= 2;
}

/** A comparison table (overview, salary, education or demographics) holds a row of the site. */
function isComparison(table: TableBlock): boolean {
  return table.rows.some((r) => rowFieldFor(r.cells[0] ?? '') !== undefined);
}

/** Whether the capture shows any overview row, read or left out by the reader as unreadable. */
function showsOverviewRows(tables: readonly TableBlock[], doc: PageDocument): boolean {
  const isOverviewLabel = (label: string): boolean => OVERVIEW_LABELS.includes(normalizeLabel(label));
  return tables.some((t) => t.rows.some((r) => isOverviewLabel(r.cells[0] ?? ''))) || doc.notes.some((n) => n.label !== null && isOverviewLabel(n.label));
}

/**
 * Finds the page's two roles. A comparison table's header names them: the overview's when the
 * page has one (a header that lost its titles falls back to another table's), else the first
 * comparison table that names both, as on pages the site serves without an overview.
 */
export function findRoleTitles(doc: PageDocument, path: string): PageRoles {
  const tables = doc.blocks.filter((b): b is TableBlock => b.kind === 'table');
  const overview = tables.find(isOverview);
  const comparisons = tables.filter(isComparison);
  if (comparisons.length === 0) {
    // A flattened capture whose rows could not be split has the rows, unreadable: say so.
    const unreadable = doc.notes.find((n) => n.label !== null && rowFieldFor(n.label) !== undefined);
    if (unreadable) {
      throw new PageError('not-a-comparison', path, `the comparison tables' rows could not be read (${unreadable.message}); save the page again, as HTML if you can`);
    }
    throw new PageError(
      'not-a-comparison',
      path,
      'no comparison table (rows "Yearly salary", "Average salary", …): not an "X vs Y" comparison page of the site; give rolepages only the site\'s comparison pages',
    );
  }
  const titles = overview
    ? (tableHeader(overview) ?? tables.map(tableHeader).find((h) => h !== null) ?? null)
    : (comparisons.map(tableHeader).find((h) => h !== null) ?? null);
  if (!titles) {
    const lone = (overview ?? comparisons[0]!).rows[0]?.cells.filter((c) => c.trim() !== '');
    if (lone?.length === 1 && !rowFieldFor(lone[0]!)) {
      throw new PageError('not-a-comparison', path, `the comparison tables name one role (${lone[0]}) where a comparison page names two; save the whole page again`);
    }
    throw new PageError('not-a-comparison', path, 'no comparison table has a header row naming the two roles; save the whole page again');
  }
  return { titles, hasOverview: overview !== undefined || showsOverviewRows(tables, doc) };
}

/**
 * For a table's header, which role each value column shows. Tables normally repeat the
 * overview's order; a table whose header lists the roles the other way round is read swapped.
 */
export function columnRoles(table: TableBlock, roles: RoleTitles): readonly [0 | 1, 0 | 1] {
  const header = tableHeader(table);
  if (!header) return [0, 1];
  // Most tables repeat the overview's header word for word, and no swap scores above that.
  if (header[0] === roles[0] && header[1] === roles[1]) return [0, 1];
  const straight = nameSimilarity(header[0], roles[0]) + nameSimilarity(header[1], roles[1]);
  const swapped = nameSimilarity(header[0], roles[1]) + nameSimilarity(header[1], roles[0]);
  return swapped > straight ? [1, 0] : [0, 1];
}
