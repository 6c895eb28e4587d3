import type { Statement } from 'better-sqlite3';
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

/**
 * Reads a role's evidence back from the tables: the pages that show it, each as its newest
 * capture, with that capture's facts of the role and which of them a flattened capture inferred.
 * The older captures of a page are its history: they stay stored and readable, and do not vote.
 */
export class EvidenceReader {
  private readonly sidesOfRole: Statement;
  private readonly fieldOfRole: Statement;
  private readonly inferredOfRole: Statement;

  constructor(db: Db) {
    const sides = (facts: string) =>
      `SELECT p.id, s.side, p.sha256, p.format, p.layout, p.page_key, p.captured_at, p.role_a, p.role_b, ${facts} AS facts
       FROM page_sides s JOIN pages p ON p.id = s.page_id WHERE s.role_key = ? ORDER BY p.id, s.side`;
    this.sidesOfRole = db.prepare(sides('s.facts'));
    this.fieldOfRole = db.prepare(sides('s.facts -> ?'));
    this.inferredOfRole = db.prepare('SELECT page_id, field, candidates, splits FROM page_warnings WHERE role_key = ?');
  }

  read(key: string): RoleEvidence {
    const guesses = new Map<string, { candidates: unknown[]; splits: Array<[unknown, unknown]> | null }>();
    // Any warning on a value marks it as inferred, with the candidates it kept, if any.
    for (const w of this.inferredOfRole.all(key) as Array<{ page_id: number; field: string; candidates: string | null; splits: string | null }>) {
      guesses.set(`${w.page_id}\u0000${w.field}`, {
        candidates: w.candidates ? (JSON.parse(w.candidates) as unknown[]) : [],
        splits: w.splits ? (JSON.parse(w.splits) as Array<[unknown, unknown]>) : null,
      });
    }
    const pages = new Map<number, PageEvidence>();
    for (const row of newestCaptures(this.sidesOfRole.all(key) as SideRow[])) {
      let page = pages.get(row.id);
      if (!page) pages.set(row.id, (page = pageEvidence(row)));
      const values = new Map(Object.entries(JSON.parse(row.facts!) as Record<string, unknown>));
      const side: PageEvidence['sides'][number] = { values, inferred: new Map() };
      for (const field of values.keys()) {
        const guess = guesses.get(`${row.id}\u0000${field}`);
        if (!guess) continue;
        side.inferred.set(field, guess.candidates);
        if (guess.splits) {
          side.joint ??= { side: row.side, partner: row.side === 0 ? row.role_b : row.role_a, splits: new Map() };
          side.joint.splits.set(field, guess.splits);
        }
      }
      page.sides.push(side);
    }
    return { key, pages: [...pages.values()] };
  }

  /**
   * What the pages of a role show of one field, unguessed, in page order: the votes `read` would
   * give of it, without reading the rest of the role (a role on thousands of pages is the joint
   * partner of thousands of others, each asking for one field).
   */
  votes(key: string, field: string): Vote[] {
    const guessed = new Set(
      (this.inferredOfRole.all(key) as Array<{ page_id: number; field: string }>).filter((w) => w.field === field).map((w) => w.page_id),
    );
    const votes: Vote[] = [];
    for (const row of newestCaptures(this.fieldOfRole.all(field, key) as SideRow[])) {
      if (row.facts === null || guessed.has(row.id)) continue;
      votes.push({ pageId: row.id, reliability: captureReliability(row), capturedAt: Date.parse(row.captured_at), value: JSON.parse(row.facts) as unknown });
    }
    return votes;
  }
}

function pageEvidence(row: SideRow): PageEvidence {
  return { id: row.id, sha256: row.sha256, format: row.format, layout: row.layout, capturedAt: Date.parse(row.captured_at), sides: [] };
}

/**
 * The sides of each page's newest capture, in capture id order. Captures saved at the same moment
 * (the HTML and the text of one visit) give way to the more reliable shape, then to the smaller
 * hash, so the choice never depends on the order of ingestion.
 */
function newestCaptures(rows: readonly SideRow[]): SideRow[] {
  const voice = new Map<string, SideRow>();
  for (const row of rows) {
    const best = voice.get(row.page_key);
    if (!best || speaksBefore(row, best)) voice.set(row.page_key, row);
  }
  const chosen = new Set([...voice.values()].map((r) => r.id));
  return rows.filter((r) => chosen.has(r.id));
}

function speaksBefore(a: SideRow, b: SideRow): boolean {
  if (a.captured_at !== b.captured_at) return a.captured_at > b.captured_at;
  const reliability = captureReliability(a) - captureReliability(b);
  if (reliability !== 0) return reliability > 0;
  return a.sha256 < b.sha256;
}
