import { BoundedCache } from '../util/boundedCache.js';

/**
 * Value identity for reconciliation. Two observations agree when their canonical JSON is equal,
 * so `{ "min": 1, "max": 2 }` and `{ "max": 2, "min": 1 }` are one value.
 */
export function canonicalJson(value: unknown): string {
  // Most observed values are numbers and strings: no keys to sort.
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

/** Whitespace collapsed and trimmed: captures wrap and indent prose differently. */
export function collapse(text: string): string {
  return collapsed.remember(text, (t) => t.replace(/[\s\u00a0]+/g, ' ').trim());
}
/** Reconciling a role collapses the same skill and prose names once per page that shows it. */
const collapsed = new BoundedCache<string>(50_000, { longestKey: 200 });

/**
 * A cut-off capture may end its text with an ellipsis; what remains is the part it did show.
 * Linear: one pass of trimEnd and a fixed-length suffix check.
 */
export function withoutTrailingEllipsis(text: string): string {
  let t = collapse(text);
  if (t.endsWith('\u2026')) t = t.slice(0, -1).trimEnd();
  else if (t.endsWith('...')) t = t.slice(0, -3).trimEnd();
  return t;
}

/** The identity of a list item written in prose: case, spacing and closing punctuation aside. */
export function normalizedText(text: string): string {
  const t = collapse(text).toLowerCase();
  // A loop, not /[.;]+$/: an end-anchored run pattern rescans every run and is quadratic.
  let end = t.length;
  while (end > 0 && ' .;:,!'.includes(t[end - 1]!)) end--;
  return t.slice(0, end);
}
