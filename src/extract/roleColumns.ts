import { PageError } from '../errors.js';
import type { PageDocument, TableBlock } from '../read/document.js';
import { OVERVIEW_LABELS, normalizeLabel, rowFieldFor } from '../site/rowFields.js';
import { nameSimilarity } from './matchRole.js';

/** The two roles of a page, as the overview table's header names them (left column first). */
export type RoleTitles = readonly [string, string];

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

/**
 * Finds the page's two roles. The overview table (the one with yearly salary, hourly rate …) is
 * what makes a page a comparison page; its header names the roles. A header that lost its
 * titles falls back to another table's header.
 */
export function findRoleTitles(doc: PageDocument, path: string): RoleTitles {
  const tables = doc.blocks.filter((b): b is TableBlock => b.kind === 'table');
  const overview = tables.find(isOverview);
  if (!overview) {
    // A flattened capture whose overview rows could not be split has the rows, unreadable: say so.
    const unreadable = doc.notes.find((n) => n.label !== null && OVERVIEW_LABELS.includes(normalizeLabel(n.label)));
    if (unreadable) {
      throw new PageError('not-a-comparison', path, `the overview table's rows could not be read (${unreadable.message})`);
    }
    throw new PageError(
      'not-a-comparison',
      path,
      'no overview table (rows "Yearly salary", "Hourly rate", …): not an "X vs Y" comparison page of the site',
    );
  }
  const titles = tableHeader(overview) ?? tables.map(tableHeader).find((h) => h !== null) ?? null;
  const lone = overview.rows[0]?.cells.filter((c) => c.trim() !== '');
  if (!titles && lone?.length === 1 && !rowFieldFor(lone[0]!)) {
    throw new PageError('not-a-comparison', path, `the overview table names one role (${lone[0]}); a comparison page names two`);
  }
  if (!titles) {
    throw new PageError('not-a-comparison', path, 'the overview table has no header row naming the two roles');
  }
  return titles;
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
