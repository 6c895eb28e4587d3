import type { Statement } from 'better-sqlite3';
import { canonicalJson } from '../reconcile/canonical.js';
import { captureReliability, type PageEvidence, type RoleEvidence } from '../reconcile/evidence.js';
import type { Vote } from '../reconcile/survivorship.js';
import type { Db } from './openDatabase.js';

/** A page side of a role, with what is known of its capture. */
interface SideRow {
  id: number;
  side: 0 | 1;
  sha256: string;
  format: PageEvidence['format'];
  layout: PageEvidence['layout'];
  page_key: string;
  captured_at: string;
  role_a: string;
  role_b: string;
  /** The side's facts (JSON object), or one field of them (JSON value or null). */
  facts: string | null;
}

/** A warning on a value: the value was inferred, with the candidates and joint splits it kept. */
interface Guess {
  candidates: unknown[];
  splits: Array<[unknown, unknown]> | null;
}

/**
 * Reads a role's evidence back from the tables: the pages that show it, each heard once. A page
 * saved several times speaks by its newest capture, field by field; a value a flattened capture
 * had to guess gives way to one of its candidates that another capture of the page read without
 * guessing (the HTML of the same visit). The other captures stay stored as the page's history
 * and do not vote.
 */
export class EvidenceReader {
  private readonly sidesOfRole: Statement;
  private readonly fieldOfRole: Statement;
  private readonly guessesOfRole: Statement;

  constructor(db: Db) {
    const sides = (facts: string) =>
      `SELECT p.id, s.side, p.sha256, p.format, p.layout, p.page_key, p.captured_at, p.role_a, p.role_b, ${facts} AS facts
       FROM page_sides s JOIN pages p ON p.id = s.page_id WHERE s.role_key = ? ORDER BY p.id, s.side`;
    this.sidesOfRole = db.prepare(sides('s.facts'));
    this.fieldOfRole = db.prepare(sides('s.facts -> ?'));
    this.guessesOfRole = db.prepare('SELECT page_id, field, candidates, splits FROM page_warnings WHERE role_key = ?');
  }

  read(key: string): RoleEvidence {
    const guesses = this.guesses(key);
    const pages = new Map<string, PageEvidence>();
    const settledByPage: NonNullable<RoleEvidence['settledByPage']> = [];
    for (const capture of pageCaptures(this.sidesOfRole.all(key) as SideRow[])) {
      const newest = capture[0]!;
      const page = pageEvidence(newest);
      pages.set(newest.page_key, page);
      for (const sideRows of bySide(capture)) {
        const side: PageEvidence['sides'][number] = { values: new Map(), inferred: new Map() };
        // Newest first: a field keeps the newest capture's value, unless that is a guess and an
        // older capture of the page read one of its candidates without guessing (the HTML of the
        // same visit, say): that settles the guess, as another page would.
        const guessedBy = new Map<string, number>();
        for (const row of sideRows) {
          for (const [field, value] of Object.entries(JSON.parse(row.facts!) as Record<string, unknown>)) {
            const guess = guesses.get(`${row.id}\u0000${field}`);
            if (side.values.has(field)) {
              const held = side.values.get(field);
              const heldGuess = side.inferred.get(field);
              if (heldGuess === undefined) {
                if (guess && isCandidate(guess.candidates, held)) settledByPage.push({ pageId: row.id, field, value: held });
                continue;
              }
              if (guess || !isCandidate(heldGuess, value)) continue;
              settledByPage.push({ pageId: guessedBy.get(field)!, field, value });
            }
            side.values.set(field, value);
            side.inferred.delete(field);
            side.joint?.splits.delete(field);
            if (!guess) continue;
            guessedBy.set(field, row.id);
            side.inferred.set(field, guess.candidates);
            if (guess.splits) {
              side.joint ??= { side: row.side, partner: row.side === 0 ? row.role_b : row.role_a, splits: new Map() };
              side.joint.splits.set(field, guess.splits);
            }
          }
        }
        if (side.joint?.splits.size === 0) delete side.joint;
        for (const field of side.inferred.keys()) {
          const id = guessedBy.get(field)!;
          if (id !== newest.id) (side.guessedIn ??= new Map()).set(field, id);
        }
        page.sides.push(side);
      }
    }
    return settledByPage.length > 0 ? { key, pages: [...pages.values()], settledByPage } : { key, pages: [...pages.values()] };
  }

  /**
   * What the pages of a role show of one field, unguessed: the votes `read` would give of it,
   * without reading the rest of the role (a role on thousands of pages is the joint partner of
   * thousands of others, each asking for one field).
   */
  votes(key: string, field: string): Vote[] {
    const guessed = new Set([...this.guesses(key).keys()].filter((id) => id.endsWith(`\u0000${field}`)).map((id) => Number(id.split('\u0000')[0])));
    const votes: Vote[] = [];
    for (const capture of pageCaptures(this.fieldOfRole.all(field, key) as SideRow[])) {
      const page = capture[0]!;
      for (const sideRows of bySide(capture)) {
        const read = sideRows.find((row) => row.facts !== null && !guessed.has(row.id));
        if (read) votes.push({ pageId: page.id, reliability: captureReliability(page), capturedAt: Date.parse(page.captured_at), value: JSON.parse(read.facts!) as unknown });
      }
    }
    return votes;
  }

  /** Every warning on a value of the role, by capture and field. */
  private guesses(key: string): Map<string, Guess> {
    const guesses = new Map<string, Guess>();
    for (const w of this.guessesOfRole.all(key) as Array<{ page_id: number; field: string; candidates: string | null; splits: string | null }>) {
      guesses.set(`${w.page_id}\u0000${w.field}`, {
        candidates: w.candidates ? (JSON.parse(w.candidates) as unknown[]) : [],
        splits: w.splits ? (JSON.parse(w.splits) as Array<[unknown, unknown]>) : null,
      });
    }
    return guesses;
  }
}

/** Whether a value is one of a guess's candidates. */
function isCandidate(candidates: readonly unknown[], value: unknown): boolean {
  const json = canonicalJson(value);
  return candidates.some((c) => canonicalJson(c) === json);
}

function pageEvidence(row: SideRow): PageEvidence {
  return { id: row.id, sha256: row.sha256, format: row.format, layout: row.layout, capturedAt: Date.parse(row.captured_at), sides: [] };
}

/**
 * The sides of a role's captures grouped by page, each page's newest capture first, pages in the
 * order of their newest capture's id. Captures saved at the same moment give way to the more
 * reliable shape, then to the smaller hash, so the order never depends on the order of ingestion.
 */
function pageCaptures(rows: readonly SideRow[]): SideRow[][] {
  const byPage = new Map<string, SideRow[]>();
  for (const row of rows) {
    const page = byPage.get(row.page_key);
    if (page) page.push(row);
    else byPage.set(row.page_key, [row]);
  }
  const pages = [...byPage.values()].map((page) => page.sort(newestFirst));
  return pages.sort((a, b) => a[0]!.id - b[0]!.id);
}

/** A page's side rows split by side (0, then 1), each in the page's order of captures. */
function bySide(rows: readonly SideRow[]): SideRow[][] {
  return [0, 1].map((side) => rows.filter((r) => r.side === side)).filter((list) => list.length > 0);
}

function newestFirst(a: SideRow, b: SideRow): number {
  if (a.captured_at !== b.captured_at) return a.captured_at > b.captured_at ? -1 : 1;
  return captureReliability(b) - captureReliability(a) || (a.sha256 < b.sha256 ? -1 : a.sha256 > b.sha256 ? 1 : 0);
}
