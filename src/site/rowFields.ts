import type { RoleFacts } from '../schema/pageRecord.js';
import { ROLE_FIELDS, type SiteRow } from '../schema/roleFields.js';
import type { Parsed } from '../values/parsed.js';
import { BoundedCache } from '../util/boundedCache.js';

/**
 * The site's fixed table rows, one a label, made from the table of role fields: the label as
 * printed (any capitalisation: the older layout says "Number Of Jobs"), the RoleFacts field the
 * row fills, the parser for its cells and how the site prints them. Readers use this to recognise
 * rows (the flattened reader to split glued cells); the extractor to fill facts.
 */
export interface RowField<F extends RowTarget = RowTarget> {
  label: string;
  field: F;
  parse: (text: string) => Parsed<RoleFacts[F]>;
  cell: SiteRow['cell'];
}

export type RowTarget = Exclude<
  keyof RoleFacts,
  'key' | 'title' | 'timeToBecome' | 'description' | 'topSkills' | 'skills' | 'responsibilities'
>;

export const ROW_FIELDS: readonly RowField[] = ROLE_FIELDS.flatMap((f) =>
  f.row === undefined ? [] : f.row.labels.map((label) => ({ label, field: f.field as RowTarget, parse: f.row!.parse as RowField['parse'], cell: f.row!.cell })),
);

/**
 * Keys of labels seen: every page repeats the same few dozen labels, and a page reads each of its
 * labels several times. Short labels only, so a capture's stray long "label" is not kept.
 */
const labelKeys = new BoundedCache<string>(1_000, { longestKey: 80 });

/** "Number Of Jobs", "number of jobs:", "LGBT  Percentage" → the same key. */
export function normalizeLabel(label: string): string {
  return labelKeys.remember(label, (l) => l.replace(/[\s\u00a0]+/g, ' ').replace(/:\s*$/, '').trim().toLowerCase());
}

const BY_LABEL = new Map(ROW_FIELDS.map((r) => [r.label, r]));

export function rowFieldFor(label: string): RowField | undefined {
  return BY_LABEL.get(normalizeLabel(label));
}

/** The overview table is the one that holds these rows; some pages are served without it. */
export const OVERVIEW_LABELS = ['yearly salary', 'hourly rate', 'growth rate', 'number of jobs'];
