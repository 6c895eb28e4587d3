import { roleKey } from '../schema/roleKey.js';
import { FACT_FIELDS, type FactField, type RaceShare, type SkillShare } from '../schema/pageRecord.js';
import { roleField } from '../schema/roleFields.js';
import { canonicalJson, collapse, normalizedText } from './canonical.js';
import { captureReliability, type JointSplits, Reliability, type RoleEvidence } from './evidence.js';
import { settle, type Candidate, type Outcome, type Vote, VoteTally } from './survivorship.js';

/** Fields with one value per role, settled by the survivorship rule, in record order. */
export const SCALAR_FIELDS = FACT_FIELDS.filter((f): f is ScalarField => {
  const reconciled = roleField(f)?.reconciled;
  return reconciled === 'vote' || reconciled === 'vote-prefix';
});
export type ScalarField = Exclude<FactField, 'title' | 'race' | 'skills' | 'responsibilities'>;

export interface RoleConflict {
  /** A record field, or `skills[Name]` / `race[Group]` for one entry's percent. */
  field: string;
  /** The value as JSON text. */
  value: string;
  pageCount: number;
  pageIds: number[];
  /** Whether this value survived. */
  chosen: boolean;
}

export interface RoleAlias {
  alias: string;
  /** `spelling`: the title written another way (case, punctuation); `plural`: the prose's plural. */
  kind: 'spelling' | 'plural';
}

export interface MergedSkill {
  name: string;
  pct: number | null;
  pageCount: number;
}

export interface SettledWarning {
  /** The capture whose warning it is. */
  pageId: number;
  field: string;
  /** True when another page's value matched one of the candidates, which then became the page's value. */
  resolved: boolean;
  /** The page's value after settling. */
  value: unknown;
}

export interface ReconciledRole {
  key: string;
  title: string;
  pageCount: number;
  values: Record<ScalarField, unknown>;
  skills: MergedSkill[];
  race: RaceShare[];
  responsibilities: string[];
  aliases: RoleAlias[];
  conflicts: RoleConflict[];
  warnings: SettledWarning[];
}

interface Said {
  pageId: number;
  sha256: string;
  capturedAt: number;
  reliability: Reliability;
  field: string;
  value: unknown;
}

/**
 * One role from every page that shows it. A pure function of the evidence: the same stored pages
 * give the same role whatever order they were ingested in. `partnerVotes` settles guesses from
 * glued rows by what the other role's pages show (none without it).
 */
export function reconcileRole(evidence: RoleEvidence, partnerVotes: PartnerVotesOf = () => []): ReconciledRole {
  const { said, warnings } = settleInferred(evidence, partnerVotes);
  for (const s of evidence.settledByPage ?? []) warnings.push({ ...s, resolved: true });
  const byField = new Map<string, Said[]>();
  for (const s of said) {
    const list = byField.get(s.field);
    if (list) list.push(s);
    else byField.set(s.field, [s]);
  }
  const of = (field: string): Said[] => byField.get(field) ?? [];
  const conflicts: RoleConflict[] = [];

  const values = {} as Record<ScalarField, unknown>;
  for (const field of SCALAR_FIELDS) {
    const outcome = settle(of(field).map(toVote), { prefixes: roleField(field)?.reconciled === 'vote-prefix' });
    values[field] = outcome.value;
    for (const row of conflictRows(field, outcome.candidates)) conflicts.push(row);
  }

  const titles = settle(of('title').map(toVote)).candidates;
  const title = String(titles[0]?.value ?? evidence.key);
  const aliases: RoleAlias[] = titles.slice(1).map((c) => ({ alias: String(c.value), kind: 'spelling' }));
  const spellings = new Set(titles.map((c) => String(c.value)));
  const proseNames = new Set(of('proseNames').flatMap((s) => (s.value as string[]).map(collapse)));
  for (const name of [...proseNames].sort()) {
    if (spellings.has(name)) continue;
    aliases.push({ alias: name, kind: roleKey(name) === evidence.key ? 'spelling' : 'plural' });
  }

  const skills = mergeShares(
    of('skills').flatMap((s) => (s.value as SkillShare[]).map((e) => share(s, e.name, e.pct))),
    'skills',
    conflicts,
  ).map(({ name, pct, pageCount }) => ({ name, pct, pageCount }));
  const race = mergeShares(
    of('race').flatMap((s) => (s.value as RaceShare[]).map((e) => share(s, e.group, e.pct))),
    'race',
    conflicts,
  ).map(({ name, pct }) => ({ group: name, pct: pct ?? 0 }));

  return {
    key: evidence.key,
    title,
    pageCount: evidence.pages.length,
    values,
    skills,
    race,
    responsibilities: mergeResponsibilities(of('responsibilities')),
    aliases,
    conflicts,
    warnings,
  };
}

function toVote(s: Said): Vote {
  return { pageId: s.pageId, value: s.value, reliability: s.reliability, capturedAt: s.capturedAt };
}

function conflictRows(field: string, candidates: Candidate[]): RoleConflict[] {
  if (candidates.length < 2) return [];
  return candidates.map((c, i) => ({
    field,
    value: c.json,
    pageCount: c.pageIds.length,
    pageIds: c.pageIds,
    chosen: i === 0,
  }));
}

/**
 * Every page's values, with inferred ones settled against the other pages: when a page had to
 * guess a value and kept its alternatives, and another page shows the role without guessing, the
 * alternative that agrees with that page becomes this page's value and the warning is resolved.
 * An unsettled guess stays, counting least.
 */
function settleInferred(evidence: RoleEvidence, partnerVotes: PartnerVotesOf): { said: Said[]; warnings: SettledWarning[] } {
  const said: Said[] = [];
  // What each field's guesses are weighed against, in the order of `said`: a role on thousands of
  // flattened pages has a guess on most of them, and looking through every value of the role for
  // each guess would grow with the square of its pages.
  const saidOfField = new Map<string, Said[]>();
  const pending: Array<{ said: Said; candidates: unknown[]; joint: JointSplits | undefined; captured: Reliability; warnedIn: number }> = [];
  for (const page of evidence.pages) {
    const reliability = captureReliability(page);
    for (const side of page.sides) {
      for (const [field, value] of side.values) {
        const s: Said = { pageId: page.id, sha256: page.sha256, capturedAt: page.capturedAt, reliability, field, value };
        said.push(s);
        const ofField = saidOfField.get(field);
        if (ofField) ofField.push(s);
        else saidOfField.set(field, [s]);
        const candidates = side.inferred.get(field);
        if (candidates) {
          s.reliability = Reliability.Inferred;
          pending.push({ said: s, candidates, joint: side.joint, captured: reliability, warnedIn: side.guessedIn?.get(field) ?? page.id });
        }
      }
    }
  }
  // What is known of each field: its values read unguessed, and its guesses settled so far, each
  // counting for the next guess. Tallied once a field and kept up as guesses settle.
  type Known = { tally: VoteTally; pages: Map<number, number> };
  const count = (known: Known, o: Said) => {
    known.tally.add(toVote(o));
    known.pages.set(o.pageId, (known.pages.get(o.pageId) ?? 0) + 1);
  };
  const knownOfField = new Map<string, Known>();
  const knownOf = (field: string): Known => {
    let known = knownOfField.get(field);
    if (!known) {
      known = { tally: new VoteTally(), pages: new Map() };
      for (const o of saidOfField.get(field)!) if (o.reliability !== Reliability.Inferred) count(known, o);
      knownOfField.set(field, known);
    }
    return known;
  };
  const warnings: SettledWarning[] = [];
  for (const { said: s, candidates, joint, captured, warnedIn } of pending) {
    const wanted = new Set(candidates.map(canonicalJson));
    const known = knownOf(s.field);
    // The guess's own page does not count: when it shows the field unguessed too (on its other
    // side), the field is settled again without it.
    const ranked = known.pages.has(s.pageId)
      ? settle(saidOfField.get(s.field)!.filter((o) => o.pageId !== s.pageId && o.reliability !== Reliability.Inferred).map(toVote)).candidates
      : known.tally.ranked();
    const agreeing = ranked.find((c) => wanted.has(c.json))?.value ?? settleByPartner(s, joint, partnerVotes);
    if (agreeing !== undefined) {
      s.value = agreeing;
      s.reliability = captured;
      count(known, s);
    }
    warnings.push({ pageId: warnedIn, field: s.field, resolved: agreeing !== undefined, value: s.value });
  }
  return { said, warnings };
}

/**
 * A partner's unguessed votes on a field, in page order: what settles the guesses of the roles it
 * shares glued rows with. While the evidence does not change it gives the same array for the same
 * partner and field, so that how they settle is worked out once (see `settledOnce`).
 */
export type PartnerVotesOf = (partner: string, field: string) => readonly Vote[];

/**
 * Asks `read` for a partner's votes on a field once, and gives the same array after: kept while
 * no evidence changes (one reconciliation of the stored pages).
 */
export function partnerVotesOnce(read: PartnerVotesOf): PartnerVotesOf {
  const known = new Map<string, readonly Vote[]>();
  return (partner, field) => {
    const id = `${partner}\u0000${field}`;
    let votes = known.get(id);
    if (!votes) known.set(id, (votes = read(partner, field)));
    return votes;
  };
}

/**
 * How a partner's votes settle, by the votes themselves: a role on thousands of flattened pages
 * is the partner of thousands of roles, each with a guess or two, and settling its votes anew for
 * each guess was most of a batch's reconciling. The arrays are never changed once made.
 */
const settledOnce = new WeakMap<readonly Vote[], { pageIds: Set<number>; outcome: Outcome }>();

/**
 * A glued row's split decides both roles at once. When the other role's value is known from
 * its other pages, the splits that agree with it settle this role's value, provided they all
 * give it the same value.
 */
function settleByPartner(s: Said, joint: JointSplits | undefined, votesOf: PartnerVotesOf): unknown {
  const splits = joint?.splits.get(s.field);
  if (!joint || !splits) return undefined;
  const votes = votesOf(joint.partner, s.field);
  let settled = settledOnce.get(votes);
  if (!settled) settledOnce.set(votes, (settled = { pageIds: new Set(votes.map((v) => v.pageId)), outcome: settle(votes) }));
  // The page of the guess itself does not count: it is the split being decided.
  const known = settled.pageIds.has(s.pageId) ? settle(votes.filter((v) => v.pageId !== s.pageId)) : settled.outcome;
  const other = (1 - joint.side) as 0 | 1;
  for (const candidate of known.candidates) {
    const agreeing = splits.filter((pair) => canonicalJson(pair[other]) === candidate.json);
    if (agreeing.length === 0) continue;
    const mine = new Set(agreeing.map((pair) => canonicalJson(pair[joint.side])));
    return mine.size === 1 ? agreeing[0]![joint.side] : undefined;
  }
  return undefined;
}

interface ShareSaid {
  pageId: number;
  capturedAt: number;
  reliability: Reliability;
  name: string;
  pct: number;
}

function share(s: Said, name: string, pct: number): ShareSaid {
  return { pageId: s.pageId, capturedAt: s.capturedAt, reliability: s.reliability, name, pct };
}

/**
 * List entries joined by name (case and spacing aside). Each entry's percent is settled like a
 * field of its own, and its disagreements are conflicts on `list[Name]`.
 */
function mergeShares(
  entries: ShareSaid[],
  list: 'skills' | 'race',
  conflicts: RoleConflict[],
): Array<{ name: string; pct: number | null; pageCount: number }> {
  const byName = new Map<string, ShareSaid[]>();
  for (const e of entries) {
    const id = collapse(e.name).toLowerCase();
    const group = byName.get(id);
    if (group) group.push(e);
    else byName.set(id, [e]);
  }
  const merged = [...byName.values()].map((group) => {
    const name = String(settle(group.map((e) => ({ pageId: e.pageId, reliability: e.reliability, capturedAt: e.capturedAt, value: collapse(e.name) }))).value);
    const pct = settle(group.map((e) => ({ pageId: e.pageId, reliability: e.reliability, capturedAt: e.capturedAt, value: e.pct })));
    for (const row of conflictRows(`${list}[${name}]`, pct.candidates)) conflicts.push(row);
    return { name, pct: pct.value as number | null, pageCount: new Set(group.map((e) => e.pageId)).size };
  });
  // Largest share first, as the site lists them; the name orders equal shares.
  return merged.sort((a, b) => (b.pct ?? -1) - (a.pct ?? -1) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Responsibilities without duplicates: the same sentence (case, spacing, closing punctuation
 * aside) is kept once, and a sentence a cut-off capture shows only the start of gives way to the
 * full one. A capture cut off cuts only the last item it read: an item some list shows with more
 * after it is whole, even when another item starts with it ("Answer phone calls" and "Answer
 * phone calls and emails" are two). Pages with the longest lists go first, so the order is the
 * same whatever the ingest order was.
 */
function mergeResponsibilities(said: Said[]): string[] {
  const ordered = [...said].sort(
    (a, b) =>
      (b.value as string[]).length - (a.value as string[]).length ||
      b.reliability - a.reliability ||
      (a.sha256 < b.sha256 ? -1 : a.sha256 > b.sha256 ? 1 : 0),
  );
  const kept = new Map<string, string>();
  const whole = new Set<string>();
  for (const s of ordered) {
    const items = s.value as string[];
    for (const [i, item] of items.entries()) {
      const id = normalizedText(item);
      if (!id) continue;
      if (!kept.has(id)) kept.set(id, collapse(item));
      if (i < items.length - 1) whole.add(id);
    }
  }
  const prefixes = cutOffStarts(kept.keys());
  return [...kept.keys()].filter((id) => whole.has(id) || !prefixes.has(id)).map((id) => kept.get(id)!);
}

/**
 * The ids that are the start of another id. Sorted, the ids that start with an id come right
 * after it, so comparing each with the next finds them all: a role with tens of thousands of
 * responsibilities is checked in a sort, not in a comparison of every pair.
 */
export function cutOffStarts(ids: Iterable<string>): Set<string> {
  const sorted = [...ids].sort();
  const starts = new Set<string>();
  for (let i = 0; i + 1 < sorted.length; i++) {
    if (sorted[i + 1]!.startsWith(sorted[i]!)) starts.add(sorted[i]!);
  }
  return starts;
}
