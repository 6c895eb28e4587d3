import { columnDocs, TABLE_DOCS } from './columnDocs.js';

/** The column whose value names a row, for Datasette's links. */
const LABEL_COLUMNS: Record<string, string> = { roles: 'title', pages: 'path' };

/**
 * A Datasette `metadata.json` for a roles database named `database` (the file's name without
 * `.db`), made from the `columns` documentation: `datasette out/roles.db -m metadata.json`.
 *
 * Units are written in the column descriptions and none is handed to Datasette's `units`:
 * Datasette shows a unit by Pint's abbreviation after rescaling the value (years become `a`,
 * half a percent `500 m%`), which misreads every unit of ours.
 */
export function datasetteMetadata(database: string): object {
  const tables: Record<string, { description: string; columns: Record<string, string>; label_column?: string }> = {};
  for (const [table, description] of Object.entries(TABLE_DOCS)) tables[table] = { description, columns: {} };
  for (const doc of columnDocs()) {
    tables[doc.table_name]!.columns[doc.column_name] = doc.unit ? `${doc.description} (${unitInBrackets(doc.unit)})` : doc.description;
  }
  for (const [table, column] of Object.entries(LABEL_COLUMNS)) tables[table]!.label_column = column;
  return {
    title: 'rolepages: job roles reconciled from career-comparison pages',
    description: 'Every value is traceable to its pages through observations; see the columns table for units.',
    databases: { [database]: { tables } },
  };
}

/** A unit as it reads inside a description's brackets: `percent (0-100)` becomes `percent, 0-100`, not a bracket in a bracket. */
function unitInBrackets(unit: string): string {
  return unit.replace(/\s*\(([^()]*)\)$/, ', $1');
}
