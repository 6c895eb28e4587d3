import { FACT_FIELDS, type PageRecord } from '../schema/pageRecord.js';
import type { JointSplits } from './evidence.js';

/** What one side of a page says about its role, as stored in `observations`. */
export interface RoleObservations {
  roleKey: string;
  /** 0 for the left column (role A), 1 for the right. */
  side: 0 | 1;
  /** Field → value; only values the page shows (no nulls, no empty lists). */
  values: Map<string, unknown>;
  /** Fields the extractor had to infer, with the candidates of its warning (chosen first). */
  inferred: Map<string, unknown[]>;
  /** Set when some inferred value's split also decided the other role's value. */
  joint?: JointSplits;
}

/** The fields stored per role: the contract's, and the names the prose uses for the role. */
export const OBSERVED_FIELDS = [...FACT_FIELDS, 'proseNames'] as const;

/** A page record as observations, one set per side. */
export function observePage(record: PageRecord): RoleObservations[] {
  return record.roles.map((role, i) => {
    const side = i === 0 ? 0 : 1;
    const values = new Map<string, unknown>();
    for (const field of OBSERVED_FIELDS) {
      const value: unknown = role[field];
      if (value === null || (Array.isArray(value) && value.length === 0)) continue;
      values.set(field, value);
    }
    const inferred = new Map<string, unknown[]>();
    const splits = new Map<string, Array<[unknown, unknown]>>();
    for (const w of record.warnings) {
      if (w.role !== role.key || !values.has(w.field)) continue;
      inferred.set(w.field, w.candidates ?? []);
      if (w.splits) splits.set(w.field, w.splits);
    }
    const observed: RoleObservations = { roleKey: role.key, side, values, inferred };
    if (splits.size > 0) observed.joint = { side, partner: record.roles[1 - side]!.key, splits };
    return observed;
  });
}
