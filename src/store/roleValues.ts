import { z } from 'zod';
import { RoleFacts } from '../schema/pageRecord.js';
import { ROLE_FIELDS } from '../schema/roleFields.js';
import { jsonCell } from './jsonCell.js';

/** A `roles` row read back: each field as the page record gives it, made from the table of role fields. */
export interface RoleValues {
  key: string;
  title: string;
  pageCount: number;
  /** Every field with columns, by field: `degree` as `{ name, pct }`, `topSkills` as its array; null when the role has none. */
  values: Record<string, unknown>;
}

/** The fields whose one column holds a list as JSON text (the store writes arrays so). */
const JSON_COLUMNS = new Set(
  ROLE_FIELDS.filter((f) => f.columns.length === 1 && RoleFacts.shape[f.field as keyof typeof RoleFacts.shape] instanceof z.ZodArray).map(
    (f) => f.columns[0]!.column,
  ),
);

/** Whether a `roles` column holds JSON text. */
export function isJsonColumn(column: string): boolean {
  return JSON_COLUMNS.has(column);
}

const VALUE_FIELDS = ROLE_FIELDS.filter((f) => f.columns.length > 0 && f.reconciled !== 'key' && f.reconciled !== 'title' && f.reconciled !== 'count');

/** A `roles` row as field values: the reverse of what the store writes. A column an older database lacks reads as null. */
export function roleValues(row: Record<string, unknown>): RoleValues {
  const values: Record<string, unknown> = {};
  for (const f of VALUE_FIELDS) {
    const cell = (column: string): unknown => {
      const v = row[column] ?? null;
      return isJsonColumn(column) ? jsonCell(v) : v;
    };
    if (f.columns.length === 1 && f.columns[0]!.part === undefined) {
      values[f.field] = cell(f.columns[0]!.column);
      continue;
    }
    const parts = Object.fromEntries(f.columns.map((c) => [c.part!, cell(c.column)]));
    values[f.field] = Object.values(parts).every((v) => v === null) ? null : parts;
  }
  return { key: String(row.key), title: String(row.title ?? row.key), pageCount: Number(row.page_count ?? 0), values };
}
