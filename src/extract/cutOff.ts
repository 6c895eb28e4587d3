import type { Block, TableBlock } from '../read/document.js';
import { normalizeLabel } from '../site/rowFields.js';
import { SITE_TABLES, isSectionTitle, siteTableOf } from '../site/siteTables.js';
import { type RoleTitles, tableHeader } from './roleColumns.js';
import { type RoleSection, isBoilerplate, roleSectionOf } from './sections.js';

/**
 * Why a capture looks cut off, in one line naming the last section it read; null when it looks
 * whole. Every comparison page carries the site's tables up to the demographics table; a page
 * that goes on to the roles' lists carries each role's responsibilities, then each role's skills,
 * left role first. What was read is kept either way.
 */
export function cutOffReason(blocks: readonly Block[], roles: RoleTitles): string | null {
  let last: { table: TableBlock; index: number } | null = null;
  let furthest = -1;
  /** The section read after the last table, when there is one. */
  let after: string | null = null;
  /** Whether the last section title read has had no content yet. */
  let titleOnly = false;
  let lastList: (RoleSection & { text: string }) | null = null;
  for (const block of blocks) {
    if (block.kind === 'table') {
      const index = siteTableOf(block.rows.map((r) => r.cells[0] ?? ''), last?.index ?? 0);
      if (index === null) continue;
      last = { table: block, index };
      furthest = Math.max(furthest, index);
      [after, titleOnly] = [null, false];
      continue;
    }
    if (!last || block.kind === 'list') {
      titleOnly = false;
      continue;
    }
    const section = roleSectionOf(block.text, roles);
    if (section || isSectionTitle(block.text)) {
      [after, titleOnly] = [`the section "${block.text}"`, true];
      if (section && section.kind !== 'description' && section.role !== null) lastList = { ...section, text: block.text };
      continue;
    }
    if (block.kind === 'paragraph' && isBoilerplate(block.text)) continue;
    titleOnly = false;
    // A tabular capture keeps the descriptions after the overview without their headings.
    if (block.kind === 'paragraph') after ??= SITE_TABLES[last.index]!.name === 'overview' ? 'the descriptions that follow the overview table' : null;
  }
  if (!last) return null;
  const kept = 'what it read is kept, and the fields it did not reach are empty';
  const table = SITE_TABLES[last.index]!;
  if (after === null) {
    const cut = cutRow(last.table, table.labels);
    if (cut) return `the capture stops in the middle of the ${table.name} table, ${cut}; ${kept}`;
  }
  if (furthest < SITE_TABLES.length - 1) {
    const missing = SITE_TABLES.slice(furthest + 1).map((t) => t.name);
    const tables = missing.length === 1 ? `${missing[0]} table` : `${missing.slice(0, -1).join(', ')} and ${missing.at(-1)} tables`;
    return `the capture stops after ${after ?? `the ${table.name} table`}, before the ${tables} that comparison pages carry; ${kept}`;
  }
  if (titleOnly) return `the capture stops at ${after}, before its content; ${kept}`;
  if (lastList?.role === 0) return `the capture stops after the section "${lastList.text}", before that of ${roles[1]}; ${kept}`;
  if (lastList?.kind === 'responsibilities') return `the capture stops after the section "${lastList.text}", before the roles' skills; ${kept}`;
  return null;
}

/** Where a table stops short: a last row missing a value cell, or the rows after its last one missing. */
function cutRow(table: TableBlock, labels: readonly string[]): string | null {
  const rows = tableHeader(table) ? table.rows.slice(1) : table.rows;
  const lastRow = rows.at(-1);
  if (!lastRow) return null;
  const label = lastRow.cells[0] ?? '';
  if (lastRow.cells.length < 3) return `at row "${label}"`;
  const shown = new Set(rows.map((r) => normalizeLabel(r.cells[0] ?? '')));
  return shown.has(labels.at(-1)!) ? null : `after row "${label}"`;
}
