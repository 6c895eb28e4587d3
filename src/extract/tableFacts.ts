import { z } from 'zod';
import type { TableBlock } from '../read/document.js';
import { RoleFacts } from '../schema/pageRecord.js';
import { ROW_FIELDS, type RowField, type RowTarget, rowFieldFor } from '../site/rowFields.js';
import { type RoleTitles, columnRoles, tableHeader } from './roleColumns.js';
import type { WarningList } from './warnings.js';

/** One cell's reading of a field for one role: what it says and, if inferred, what else it might. */
interface Sighting {
  label: string;
  value: unknown;
  /** Set when the cell came from an inferred split: every surviving value, the chosen first. */
  candidates?: unknown[];
  /** The splits of the glued row that survived, as [left role's value, right role's value]. */
  splits?: Array<[unknown, unknown]>;
}

export type TableValues = Partial<Record<RowTarget, unknown>>;

const json = (v: unknown): string => JSON.stringify(v);

/**
 * Each row field's schema with zod's compiled fast path (zod.dev/compile: the same results and
 * errors): every cell's value is range-checked with it, some forty a page.
 */
const FIELD_SCHEMAS = new Map<RowTarget, z.ZodType>(ROW_FIELDS.map((r) => [r.field, z.compile(RoleFacts.shape[r.field])]));

/**
 * Whether two values print the same (`json(a) === json(b)`), without printing them when they are
 * strings or finite numbers, as nearly all cell values are: for those, printing the same is being
 * the same.
 */
function sameJson(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a === b;
  if (typeof a === 'number' && typeof b === 'number' && Number.isFinite(a) && Number.isFinite(b)) return a === b;
  return json(a) === json(b);
}

/**
 * Reads every known row of every table into per-role facts. A field may be shown twice (the
 * degree in the overview and the education table, the age in the overview and demographics,
 * the yearly salary as "Average salary"); a value read unambiguously beats an inferred one, and
 * two unambiguous readings that disagree are reported.
 */
export function readTableFacts(tables: TableBlock[], roles: RoleTitles, keys: readonly [string, string], warnings: WarningList): [TableValues, TableValues] {
  const sightings: [Map<RowTarget, Sighting[]>, Map<RowTarget, Sighting[]>] = [new Map(), new Map()];

  for (const table of tables) {
    const header = tableHeader(table);
    const order = columnRoles(table, roles);
    for (const row of header ? table.rows.slice(1) : table.rows) {
      const label = row.cells[0] ?? '';
      const field = rowFieldFor(label);
      if (!field) continue; // a row the site added later, or a capture's noise: not ours to guess
      const cells = row.cells.slice(1);
      const splits = row.split && row.split.alternatives.length > 0 ? jointSplits([cells, ...row.split.alternatives], field, label, order) : [];
      for (const col of [0, 1] as const) {
        const role = order[col];
        const cell = cells[col];
        if (cell === undefined) {
          warnings.add(keys[role], field.field, `row "${label}" has no cell for ${roles[role]} (the capture may be cut off)`);
          continue;
        }
        const value = readCell(cell, field, label, keys[role], warnings);
        if (value === undefined) continue;
        const sighting: Sighting = { label, value };
        // Without other splits the cell's value is its only candidate.
        const candidates = splits.length > 0 ? uniqueBy([value, ...splits.map((pair) => pair[role])], json) : [value];
        if (row.split && candidates.length > 1) {
          sighting.candidates = candidates;
          sighting.splits = splits;
          sighting.label = `${label} (glued "${row.split.glued}": ${row.split.reason})`;
        }
        const list = sightings[role].get(field.field);
        if (list) list.push(sighting);
        else sightings[role].set(field.field, [sighting]);
      }
    }
  }
  return [settle(sightings[0], 0, keys[0], warnings), settle(sightings[1], 1, keys[1], warnings)];
}

/**
 * Every split of a glued row whose cells are both values of the field, as [left role's value,
 * right role's value]: the roles' candidates are joint (choosing one role's value chooses the
 * other's), so reconciliation settles them together.
 */
function jointSplits(splits: string[][], field: RowField, label: string, order: readonly [0 | 1, 0 | 1]): Array<[unknown, unknown]> {
  const pairs: Array<[unknown, unknown]> = [];
  for (const cells of splits) {
    const values = [cells[0], cells[1]].map((c) => (c === undefined ? undefined : readCell(c, field, label, null, null)));
    if (values[0] === undefined || values[1] === undefined) continue;
    const pair: [unknown, unknown] = [null, null];
    pair[order[0]] = values[0];
    pair[order[1]] = values[1];
    pairs.push(pair);
  }
  return uniqueBy(pairs, json);
}

/** A cell's value, null for "-", undefined (with a warning) when it is not a value of the field. */
function readCell(cell: string, field: RowField, label: string, key: string | null, warnings: WarningList | null): unknown {
  const parsed = field.parse(cell);
  if (!parsed.ok) {
    warnings?.add(key, field.field, `row "${label}": ${parsed.reason}; left empty`);
    return undefined;
  }
  if (parsed.value === null) return null;
  const valid = FIELD_SCHEMAS.get(field.field)!.safeParse(parsed.value);
  if (!valid.success) {
    warnings?.add(key, field.field, `row "${label}": ${json(parsed.value)} is out of range for ${field.field}; left empty`);
    return undefined;
  }
  return parsed.value;
}

function settle(byField: Map<RowTarget, Sighting[]>, side: 0 | 1, key: string, warnings: WarningList): TableValues {
  const values: TableValues = {};
  for (const [field, all] of byField) {
    const shown = all.filter((s) => s.value !== null);
    if (shown.length === 0) {
      values[field] = null;
      continue;
    }
    const certain = shown.filter((s) => !s.candidates);
    if (certain.length > 0) {
      const first = certain[0]!;
      values[field] = first.value;
      for (const other of certain.slice(1)) {
        if (!sameJson(other.value, first.value)) {
          warnings.add(key, field, `"${other.label}" shows ${json(other.value)} but "${first.label}" shows ${json(first.value)}; kept the latter`);
        }
      }
      for (const inferred of shown.filter((s) => s.candidates)) {
        if (!inferred.candidates!.some((c) => sameJson(c, first.value))) {
          warnings.add(key, field, `"${inferred.label}" allows ${inferred.candidates!.map(json).join(' or ')}, none of which is ${json(first.value)} shown elsewhere on the page`);
        }
      }
      continue;
    }
    // Only inferred readings: the values every one of them allows, in the first one's order.
    const [first, ...rest] = shown;
    const common = first!.candidates!.filter((c) => rest.every((s) => s.candidates!.some((d) => sameJson(d, c))));
    const candidates = common.length > 0 ? common : first!.candidates!;
    values[field] = candidates[0];
    if (candidates.length > 1) {
      const kept = new Set(candidates.map(json));
      warnings.add(
        key,
        field,
        `inferred from ${first!.label}: chose ${json(candidates[0])} over ${candidates.slice(1).map(json).join(', ')}`,
        candidates,
        first!.splits?.filter((pair) => kept.has(json(pair[side]))),
      );
    }
  }
  return values;
}

function uniqueBy<T>(items: T[], id: (t: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((t) => {
    const key = id(t);
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

