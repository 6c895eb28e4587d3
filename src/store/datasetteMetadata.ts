import { PERCENT, YEARS } from '../schema/units.js';
import { columnDocs, TABLE_DOCS } from './columnDocs.js';

/** Units of ours that Datasette (through Pint) knows by name; the others stay in the descriptions. */
const PINT_UNITS: Record<string, string> = { [YEARS.name]: 'years', [PERCENT.name]: 'percent' };

/** The column whose value names a row, for Datasette's links. */
const LABEL_COLUMNS: Record<string, string> = { roles: 'title', pages: 'path' };

/**
 * A Datasette `metadata.json` for a roles database named `database` (the file's name without
 * `.db`), made from the `columns` documentation: `datasette out/roles.db -m metadata.json`.
 */
export function datasetteMetadata(database: string): object {
  const tables: Record<string, { description: string; columns: Record<string, string>; units?: Record<string, string>; label_column?: string }> = {};
  for (const [table, description] of Object.entries(TABLE_DOCS)) tables[table] = { description, columns: {} };
  for (const doc of columnDocs()) {
    const table = tables[doc.table_name]!;
    table.columns[doc.column_name] = doc.unit ? `${doc.description} (${doc.unit})` : doc.description;
    const unit = doc.unit === null ? undefined : PINT_UNITS[doc.unit];
    if (unit) (table.units ??= {})[doc.column_name] = unit;
  }
  for (const [table, column] of Object.entries(LABEL_COLUMNS)) tables[table]!.label_column = column;
  return {
    title: 'rolepages: job roles reconciled from career-comparison pages',
    description: 'Every value is traceable to its pages through observations; see the columns table for units.',
    databases: { [database]: { tables } },
  };
}
