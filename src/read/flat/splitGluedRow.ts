import type { RowField } from '../../site/rowFields.js';
import { MAX_CELL_LENGTH, MAX_SHARE_LIST_LENGTH } from '../../values/parsed.js';
import { type CellFormat, LOOSE_TEXT, formatFor } from './cellFormats.js';

/** One way to cut a glued row into its two value cells, with what each cell reads as. */
export interface Candidate {
  /** Index in the glued text where the right cell starts. */
  at: number;
  cells: [string, string];
  values: [unknown, unknown];
}

/**
 * Page evidence about a row's values beyond its own text (the intro's salaries, the same field
 * in another table, hourly × 2080 ≈ yearly). `agrees` answers for one candidate's values;
 * `undefined` means the check has nothing to say about this row.
 */
export interface RowCheck {
  name: string;
  agrees(values: [unknown, unknown]): boolean | undefined;
}

export interface GluedSplit {
  cells: [string, string];
  /** Every other split that survived the evidence, as value cells. */
  alternatives: Array<[string, string]>;
  reason: string;
  /** True when no split fitted the site's format and a looser rule found this one. */
  loose: boolean;
}

export type SplitOutcome = { ok: true; split: GluedSplit } | { ok: false; reason: string };

/**
 * Boundaries tried per row. A real row has a handful; a row with more is not the site's, and the
 * bound keeps the search linear in the row's length whatever the text.
 */
export const MAX_BOUNDARIES = 256;
/** The loose search tries every position, so it only runs on rows of ordinary length. */
const MAX_LOOSE_LENGTH = 600;

const json = (v: unknown): string => JSON.stringify(v);

/**
 * All splits of `glued` whose two cells parse as the row's field, fit the site's format for it
 * and lie in the field's plausible range. Falls back to a looser search (spaces around the
 * boundary, names split at any capital) only when the strict one finds nothing.
 */
export function candidateSplits(glued: string, row: RowField): { candidates: Candidate[]; loose: boolean } | { error: string } {
  const maxCell = row.field === 'race' || row.field === 'gender' ? MAX_SHARE_LIST_LENGTH : MAX_CELL_LENGTH;
  if (glued.length > 2 * maxCell) return { error: `its ${glued.length} characters are longer than any two cells of the site` };
  const format = formatFor(row.field);
  const strict = search(glued, row, format, false);
  if ('error' in strict || strict.length > 0) return 'error' in strict ? strict : { candidates: strict, loose: false };
  // In a list of ratios a space after "%" separates the list's own items, so a space is never
  // evidence of the boundary between the two cells; and a long row is not the site's anyway.
  if (glued.length > MAX_LOOSE_LENGTH || format.kind === 'shareList') return { candidates: [], loose: true };
  const loose = search(glued, row, format, true);
  return 'error' in loose ? loose : { candidates: loose, loose: true };
}

function search(glued: string, row: RowField, format: CellFormat, loose: boolean): Candidate[] | { error: string } {
  const found: Candidate[] = [];
  let tried = 0;
  for (let at = 1; at < glued.length; at++) {
    const boundary = format.boundary(glued, at) || (loose && (/\s/.test(glued[at - 1]! + glued[at]!) || LOOSE_TEXT.boundary(glued, at)));
    if (!boundary) continue;
    if (++tried > MAX_BOUNDARIES) return { error: `it could be cut in more than ${MAX_BOUNDARIES} places` };
    const cells: [string, string] = [glued.slice(0, at).trim(), glued.slice(at).trim()];
    if (cells[0] === '' || cells[1] === '') continue;
    const values = readCells(cells, row, loose ? null : format);
    if (values) found.push({ at, cells, values });
  }
  return found;
}

function readCells(cells: [string, string], row: RowField, format: CellFormat | null): [unknown, unknown] | null {
  const values: unknown[] = [];
  for (const cell of cells) {
    const parsed = row.parse(cell);
    if (!parsed.ok) return null;
    if (format?.misfit(cell, parsed.value)) return null;
    values.push(parsed.value);
  }
  return values as [unknown, unknown];
}

/**
 * Chooses among the surviving candidates. Page checks eliminate the candidates they disagree
 * with (unless they disagree with all, which says more about the check than the row); what is
 * left is ranked by symmetry (equal cells, then a clean word boundary, then balanced lengths),
 * and every candidate but the chosen one is kept as an alternative.
 */
export function chooseSplit(glued: string, row: RowField, found: { candidates: Candidate[]; loose: boolean }, checks: readonly RowCheck[] = []): SplitOutcome {
  let survivors = found.candidates;
  if (survivors.length === 0) return { ok: false, reason: `no way to cut "${clip(glued)}" into two ${row.label} values` };
  const decided: string[] = [];
  for (const check of checks) {
    if (survivors.length < 2) break;
    const verdicts = survivors.map((c) => check.agrees(c.values));
    if (verdicts.every((v) => v === undefined)) continue;
    const agreeing = survivors.filter((_, i) => verdicts[i] === true);
    if (agreeing.length > 0 && agreeing.length < survivors.length) {
      survivors = agreeing;
      decided.push(check.name);
    }
  }
  // A single survivor is unique already; the check serialises every candidate's values.
  if (survivors.length > 1) survivors = uniqueByValues(survivors);
  const ranked = [...survivors].sort((x, y) => symmetry(glued, y) - symmetry(glued, x));
  const [chosen, ...others] = ranked;
  const format = found.loose ? 'no split fits the site\'s format, so spaces and capitals were taken as boundaries' : formatFor(row.field).evidence;
  const because = [format, ...decided].join('; ');
  const reason = others.length === 0
    ? `the only split where ${because}`
    : `${ranked.length} splits fit (${because}); chose "${chosen!.cells.join('" | "')}" by symmetry`;
  return { ok: true, split: { cells: chosen!.cells, alternatives: others.map((c) => c.cells), reason, loose: found.loose } };
}

/** Splits `glued` into the two value cells of `row`, or says why it cannot. */
export function splitGluedRow(glued: string, row: RowField, checks: readonly RowCheck[] = []): SplitOutcome {
  const found = candidateSplits(glued, row);
  if ('error' in found) return { ok: false, reason: `"${clip(glued)}" cannot be split: ${found.error}` };
  return chooseSplit(glued, row, found, checks);
}

/** Two cuts that read as the same values (e.g. around a space the loose search trims) are one. */
function uniqueByValues(candidates: Candidate[]): Candidate[] {
  const seen = new Set<string>();
  return candidates.filter((c) => {
    const id = json(c.values);
    return seen.has(id) ? false : (seen.add(id), true);
  });
}

/** The last resort: identical cells, then a lower-to-capital word boundary, then even lengths. */
function symmetry(glued: string, c: Candidate): number {
  const [a, b] = c.cells;
  const before = glued[c.at - 1] ?? '';
  const after = glued.slice(c.at, c.at + 2);
  let score = 0;
  if (a === b) score += 4;
  if (/\p{Ll}/u.test(before) && /^\p{Lu}\p{Ll}/u.test(after)) score += 2;
  else if (/^\p{Lu}\p{Ll}/u.test(after)) score += 1;
  return score - Math.abs(a.length - b.length) / (a.length + b.length);
}

export function clip(text: string, max = 80): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
