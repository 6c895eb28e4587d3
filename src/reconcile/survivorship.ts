import { canonicalJson, withoutTrailingEllipsis } from './canonical.js';
import type { Reliability } from './evidence.js';

/** One page's say on one field. */
export interface Vote {
  pageId: number;
  value: unknown;
  reliability: Reliability;
  /** When the page's capture was saved (milliseconds since 1970): the newest breaks a tie. */
  capturedAt: number;
}

/** A distinct value of a field with the pages that support it. */
export interface Candidate {
  json: string;
  value: unknown;
  pageIds: number[];
}

export interface Outcome {
  /** The surviving value; null when no page showed one. */
  value: unknown;
  /** Every distinct value; more than one means the pages disagree. The survivor is first. */
  candidates: Candidate[];
}

export interface SettleOptions {
  /**
   * Text where a cut-off capture shows only the beginning: a value that is a prefix of another
   * supports it instead of competing with it.
   */
  prefixes?: boolean;
}

/**
 * The survivorship rule: the value most pages show; a tie goes to the most reliable capture,
 * then to the most recently captured page, and (so the result never depends on anything else,
 * the order of ingestion included) finally to the smaller canonical JSON. A null is "not shown" and never competes.
 */
export function settle(votes: readonly Vote[], options: SettleOptions = {}): Outcome {
  const shown = votes.filter((v) => v.value !== null && v.value !== undefined);
  const groups = options.prefixes ? groupByPrefix(shown) : groupByValue(shown);
  const ranked = [...groups].sort(compareGroups);
  return {
    value: ranked[0]?.value ?? null,
    candidates: ranked.map((g) => ({ json: g.json, value: g.value, pageIds: [...g.pages.keys()].sort((a, b) => a - b) })),
  };
}

interface Group {
  json: string;
  value: unknown;
  /** Page id → the best reliability that page gave this value. */
  pages: Map<number, Reliability>;
  /** The capture time of its newest page. */
  newest: number;
}

function support(group: Group, vote: Vote): void {
  const had = group.pages.get(vote.pageId);
  if (had === undefined || vote.reliability > had) group.pages.set(vote.pageId, vote.reliability);
  if (vote.capturedAt > group.newest) group.newest = vote.capturedAt;
}

function groupByValue(votes: readonly Vote[]): Group[] {
  const tally = new VoteTally();
  for (const vote of votes) tally.add(vote);
  return tally.groups;
}

/**
 * Votes counted as they come, for a caller that asks again after each: a role's guesses are
 * settled in turn, each settled one counting for the next, and on a role shown on thousands of
 * pages, settling every vote again for each guess grew with the square of its pages. `ranked()` is
 * what `settle` ranks for the same votes, without the page lists.
 */
export class VoteTally {
  // A string or number is its own identity (JSON text is one-to-one on them), so the canonical
  // JSON, a copy of a whole description, is made once a group rather than once a vote. Objects
  // and arrays are known by their canonical JSON, in a map of their own so that no string can
  // pass for one.
  private readonly byPrimitive = new Map<unknown, Group>();
  private readonly byJson = new Map<unknown, Group>();
  /** In the order their first vote came, which decides a group's `value` (that vote's). */
  readonly groups: Group[] = [];

  /** Counts a vote; a null is "not shown" and never competes. */
  add(vote: Vote): void {
    const { value } = vote;
    if (value === null || value === undefined) return;
    const primitive = typeof value !== 'object';
    const index = primitive ? this.byPrimitive : this.byJson;
    const key = primitive ? value : canonicalJson(value);
    let group = index.get(key);
    if (!group) {
      index.set(key, (group = { json: primitive ? canonicalJson(value) : (key as string), value, pages: new Map(), newest: -Infinity }));
      this.groups.push(group);
    }
    support(group, vote);
  }

  /** Every distinct value, the survivor first. */
  ranked(): ReadonlyArray<{ json: string; value: unknown }> {
    return [...this.groups].sort(compareGroups);
  }
}

/**
 * Texts compared after collapsing whitespace and dropping a trailing ellipsis. The longest texts
 * (those no other text extends) compete; every shorter text supports each one it is the start of.
 */
function groupByPrefix(votes: readonly Vote[]): Group[] {
  const texts = new Map<string, Vote[]>();
  for (const vote of votes) {
    const text = withoutTrailingEllipsis(String(vote.value));
    const list = texts.get(text);
    if (list) list.push(vote);
    else texts.set(text, [vote]);
  }
  const distinct = [...texts.keys()];
  const longest = distinct.filter((t) => !distinct.some((o) => o !== t && o.startsWith(t)));
  return longest.map((text): Group => {
    // Keep the text as a page wrote it (Markdown paragraphs and all), not the collapsed form.
    const originals = texts.get(text)!.map((v) => canonicalJson(v.value)).sort();
    const json = originals[0]!;
    const group: Group = { json, value: JSON.parse(json) as unknown, pages: new Map(), newest: -Infinity };
    for (const [shorter, list] of texts) {
      if (text.startsWith(shorter)) for (const vote of list) support(group, vote);
    }
    return group;
  });
}

function compareGroups(a: Group, b: Group): number {
  return (
    b.pages.size - a.pages.size ||
    best(b.pages.values()) - best(a.pages.values()) ||
    b.newest - a.newest ||
    (a.json < b.json ? -1 : a.json > b.json ? 1 : 0)
  );
}

function best(values: Iterable<Reliability>): number {
  let max = -1;
  for (const v of values) if (v > max) max = v;
  return max;
}
