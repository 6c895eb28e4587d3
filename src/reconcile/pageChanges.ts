import { canonicalJson, collapse, withoutTrailingEllipsis } from './canonical.js';
import type { Reliability } from './evidence.js';
import { SCALAR_FIELDS } from './reconcileRole.js';

/** One capture's side showing a role, as the role's changes are worked out from. */
export interface CaptureSide {
  /** The page it is a capture of (`pages.page_key`). */
  pageKey: string;
  /** When it was saved (ISO 8601 UTC, `pages.captured_at`). */
  capturedAt: string;
  reliability: Reliability;
  sha256: string;
  /** Field → value, as the capture showed it (the side's stored facts). */
  values: Readonly<Record<string, unknown>>;
  /**
   * Fields the capture had to guess (a glued cell with several possible splits), each with the
   * value the role's reconciliation settled the guess on, or with the guess's candidates while
   * reconciliation left it unsettled.
   */
  guesses: ReadonlyMap<string, Guess>;
}

/** A capture's guess: settled by the role's reconciliation, or its candidates (the chosen first). */
export type Guess = { settled: unknown } | { candidates: readonly unknown[] };

/** What the site changed on a role's field: one old value giving way to one new one. */
export interface RoleChange {
  field: string;
  oldValue: unknown;
  newValue: unknown;
  /** The last capture time that showed the old value, over the pages that showed the change. */
  oldSeen: string;
  /** The first capture time that showed the new value, over the pages that showed the change. */
  newSeen: string;
  pageCount: number;
}

/** A value a page showed for certain at one moment. */
interface Sighting {
  value: unknown;
  seen: string;
  reliability: Reliability;
  sha256: string;
}

/**
 * The changes the captures of a role's pages show, field by field. Each page's captures are read
 * in capture-time order over the values they show for certain: a value a capture does not show
 * (cut off, or the section missing) and an unsettled guess are passed over, not changes; a
 * settled guess counts as its settled value; captures saved at one moment are one sighting, the
 * more reliable shape's (then the smaller hash's). Two consecutive sightings that differ are a
 * change, and the same change on several pages is one. A pure function of the captures, so the
 * order they were stored in does not matter.
 *
 * Reconciliation settles the guesses of each page's newest capture; an older capture's guess is
 * settled here when exactly one of its candidates is a value some capture of the role, on any
 * page, shows for certain. Give every capture of the role for that, pages saved once included.
 */
export function roleChanges(sides: readonly CaptureSide[]): RoleChange[] {
  const known = sides.some((side) => hasUnsettledGuess(side.guesses)) ? valuesShownForCertain(sides) : new Map<string, Set<string>>();
  const byPage = new Map<string, CaptureSide[]>();
  for (const side of sides) {
    const page = byPage.get(side.pageKey);
    if (page) page.push(side);
    else byPage.set(side.pageKey, [side]);
  }
  const changes = new Map<string, Omit<RoleChange, 'pageCount'> & { pages: Set<string> }>();
  for (const [pageKey, captures] of byPage) {
    if (captures.length < 2) continue;
    for (const field of SCALAR_FIELDS) {
      const [first, ...later] = sightings(captures, field, known.get(field));
      if (!first) continue;
      let held = first;
      for (const next of later) {
        if (sameValue(field, held.value, next.value)) {
          held = { ...next, value: longer(field, held.value, next.value) };
          continue;
        }
        const id = `${field}\u0000${identity(field, held.value)}\u0000${identity(field, next.value)}`;
        const change = changes.get(id);
        if (change) {
          if (held.seen > change.oldSeen) change.oldSeen = held.seen;
          if (next.seen < change.newSeen) change.newSeen = next.seen;
          change.pages.add(pageKey);
        } else {
          changes.set(id, { field, oldValue: held.value, newValue: next.value, oldSeen: held.seen, newSeen: next.seen, pages: new Set([pageKey]) });
        }
        held = next;
      }
    }
  }
  // By field, then when the new value appeared, whatever the order of the captures.
  const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...changes.entries()]
    .sort(([idA, a], [idB, b]) => order(a.field, b.field) || order(a.newSeen, b.newSeen) || order(idA, idB))
    .map(([, { pages, ...change }]) => ({ ...change, pageCount: pages.size }));
}

/** A page's sightings of a field, one a moment, oldest first. */
function sightings(captures: readonly CaptureSide[], field: string, known: ReadonlySet<string> | undefined): Sighting[] {
  const byMoment = new Map<string, Sighting>();
  for (const capture of captures) {
    const value = knownValue(capture, field, known);
    if (value === undefined) continue;
    const sighting: Sighting = { value, seen: capture.capturedAt, reliability: capture.reliability, sha256: capture.sha256 };
    const other = byMoment.get(capture.capturedAt);
    if (!other || speaksBefore(sighting, other)) byMoment.set(capture.capturedAt, sighting);
  }
  return [...byMoment.values()].sort((a, b) => (a.seen < b.seen ? -1 : a.seen > b.seen ? 1 : 0));
}

/**
 * What a capture showed of a field for certain; undefined when it showed nothing certain. A guess
 * reconciliation left unsettled is certain when exactly one of its candidates is in `known`.
 */
function knownValue(capture: CaptureSide, field: string, known: ReadonlySet<string> | undefined): unknown {
  const guess = capture.guesses.get(field);
  if (guess === undefined) return shown(capture.values[field]);
  if ('settled' in guess) return shown(guess.settled);
  const matching = guess.candidates.filter((c) => known?.has(identity(field, c)));
  return matching.length === 1 ? shown(matching[0]) : undefined;
}

/** Whether a capture holds a guess its role's reconciliation left unsettled. */
export function hasUnsettledGuess(guesses: ReadonlyMap<string, Guess>): boolean {
  for (const guess of guesses.values()) if ('candidates' in guess) return true;
  return false;
}

/** A value shown, or undefined for none (null, or an empty list). */
function shown(value: unknown): unknown {
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) return undefined;
  return value;
}

/** Field → the identities of the values the captures show for certain: read whole, or settled guesses. */
function valuesShownForCertain(sides: readonly CaptureSide[]): Map<string, Set<string>> {
  const known = new Map<string, Set<string>>();
  for (const side of sides) {
    for (const field of SCALAR_FIELDS) {
      // With nothing known yet, a guess still unsettled shows nothing for certain.
      const value = knownValue(side, field, undefined);
      if (value === undefined) continue;
      let values = known.get(field);
      if (!values) known.set(field, (values = new Set()));
      values.add(identity(field, value));
    }
  }
  return known;
}

function speaksBefore(a: Sighting, b: Sighting): boolean {
  if (a.reliability !== b.reliability) return a.reliability > b.reliability;
  return a.sha256 < b.sha256;
}

/**
 * Values are one when their canonical JSON is, text with its spacing collapsed; a description
 * that is the start of the other is the same one cut short (a capture stopped inside it).
 */
function sameValue(field: string, a: unknown, b: unknown): boolean {
  if (field === 'description' && typeof a === 'string' && typeof b === 'string') {
    const [x, y] = [withoutTrailingEllipsis(a), withoutTrailingEllipsis(b)];
    return x.startsWith(y) || y.startsWith(x);
  }
  return identity(field, a) === identity(field, b);
}

/** Of two descriptions that are one, the whole one. */
function longer(field: string, a: unknown, b: unknown): unknown {
  if (field === 'description' && typeof a === 'string' && typeof b === 'string') return withoutTrailingEllipsis(a).length >= withoutTrailingEllipsis(b).length ? a : b;
  return b;
}

function identity(field: string, value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(field === 'description' ? withoutTrailingEllipsis(value) : collapse(value));
  return canonicalJson(value);
}
