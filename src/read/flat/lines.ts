import { ROW_FIELDS, type RowField } from '../../site/rowFields.js';
import { collapseWhitespace } from '../document.js';

/** What one line of a flattened capture is, before tables are put together. */

// The site's bullets, and the "-" / "*" a converter may write instead.
const BULLET = /^\s*(?:[•●▪◦‣*]|-(?=\s))\s*/;

/** Whether the line is a bullet: `bulletItem(rawLine) !== null` without building the item. */
export function isBulletLine(rawLine: string): boolean {
  return BULLET.test(rawLine);
}

/** The item text of a bullet line, or null when the line is not a bullet. */
export function bulletItem(rawLine: string): string | null {
  const m = BULLET.exec(rawLine);
  return m ? collapseWhitespace(rawLine.slice(m[0].length)) : null;
}

// "X example responsibilities." ends in a full stop; the others are caught by the short-line rule.
const SECTION_HEADINGS = [/^.{1,150} example responsibilities\.?$/i, /^what does .{1,150} do\??$/i, /^common .{1,150} skills:?$/i];
/**
 * Whether a line can match SECTION_HEADINGS at all, by its first and last character: most lines
 * cannot, and the patterns' `.{1,150}` tries every length on each. (Without the `u` flag, `i`
 * lets no character but "s" and "S" match "s", and likewise for "w" and "c".)
 */
function mayBeSectionHeading(line: string): boolean {
  const first = line[0];
  const last = line[line.length - 1];
  return last === 's' || last === 'S' || last === '.' || first === 'w' || first === 'W' || first === 'c' || first === 'C';
}

/**
 * Headings are the site's section titles and the short lines without sentence punctuation
 * ("Post job", "Collections representative vs collections coordinator overview"): the same rule
 * as the tabular reader, so both give the same document for the same page.
 */
export function isHeadingLine(line: string): boolean {
  if (mayBeSectionHeading(line) && SECTION_HEADINGS.some((p) => p.test(line))) return true;
  return line.length <= 120 && !/[.:;,]$/.test(line) && !/[.!?]\s/.test(line);
}

/** "Collections representative vs collections coordinator" (any case of "vs"). */
export function isTitleLine(line: string): boolean {
  return line.length <= 200 && /\svs\.?\s/i.test(line) && isHeadingLine(line);
}

export interface GluedRow {
  /** The label as printed ("Years Of Experience"). */
  label: string;
  field: RowField;
  /** The value cells glued together. */
  glued: string;
}

// Longest first, so a label that begins another ("average age" / "average salary" do not, but
// a future one might) matches whole.
const LABELS = [...ROW_FIELDS].sort((a, b) => b.label.length - a.label.length);
/** The labels by their first letter (all ASCII), longest first: most lines start with none of them. */
const LABELS_BY_INITIAL = new Map<string, RowField[]>();
for (const field of LABELS) {
  const initial = field.label[0]!;
  LABELS_BY_INITIAL.set(initial, [...(LABELS_BY_INITIAL.get(initial) ?? []), field]);
}

/**
 * A table row: a known label at the start of the line with the values glued after it. Labels
 * match in any capitalisation and spacing ("Years Of Experience", "LGBT  Percentage").
 */
export function gluedRow(line: string): GluedRow | null {
  // An ASCII first character lower-cases to the head's first character on its own.
  const first = line[0];
  if (first === undefined || (first < '\u0080' && !LABELS_BY_INITIAL.has(first.toLowerCase()))) return null;
  const head = line.slice(0, 40).toLowerCase();
  for (const field of LABELS_BY_INITIAL.get(head[0]!) ?? []) {
    if (!head.startsWith(field.label)) continue;
    // Values start with a capital, a digit, "$" or "-": "Average agency fee" is no age row.
    if (/\p{Ll}/u.test(line[field.label.length] ?? '')) continue;
    // An empty `glued` is a row cut off after its label; the reader reports it.
    // Some captures keep the label's colon ("Average age:4646"); it belongs to neither value.
    return { label: line.slice(0, field.label.length), field, glued: line.slice(field.label.length).replace(/^\s*:/, '').trim() };
  }
  return null;
}

/** A line of text a table row of an unknown label could be: short, and not a sentence. */
export function couldBeRow(line: string): boolean {
  return line.length <= 400 && !/[.:?!]$/.test(line) && !/[.!?]\s/.test(line);
}
