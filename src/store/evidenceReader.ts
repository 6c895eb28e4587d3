import { captureReliability, type PageEvidence, type RoleEvidence } from '../reconcile/evidence.js';
import type { Vote } from '../reconcile/survivorship.js';
import type { Db } from './openDatabase.js';

/**
 * Reads a role's evidence back from the tables: the pages that show it, their observations of
 * it, and which of those a flattened capture inferred. Used by the writer for roles it has not
 * cached, and by worker threads reconciling roles in parallel on a read-only connection.
 */
export class EvidenceReader {
  private readonly pagesOfRole;
  private readonly observationsOfRole;
  private readonly inferredOfRole;
  private readonly fieldOfRole;
  private readonly guessedPagesOfField;

  constructor(db: Db) {
    this.pagesOfRole = db.prepare('SELECT id, sha256, format, layout, role_a, role_b FROM pages WHERE role_a = ? OR role_b = ? ORDER BY id');
    // One JSON array built by SQLite and parsed once, each distinct value of a field once with the
    // page sides that show it: `[field, value, [page, side, page, side, …], …]`. Pages mostly
    // agree, so a role on 8,000 pages (168,000 observations, 21 distinct values) is read as 1.2 MB
    // of text rather than 9.7 MB, and its sides share the parsed values. A row per observation,
    // each value parsed on its own, took twice as long even on roles of ten pages. The values are
    // JSON already (the table's CHECK says so), and field names are quoted; fields come in order,
    // as a side's values did from the index before.
    this.observationsOfRole = db
      .prepare(
        `SELECT '[' || group_concat(json_quote(field) || ',' || value || ',[' || sides || ']', ',' ORDER BY field, value) || ']'
         FROM (SELECT field, value, group_concat(page_id || ',' || side) AS sides
               FROM observations WHERE role_key = ? GROUP BY field, value)`,
      )
      .pluck();
    this.inferredOfRole = db.prepare('SELECT page_id, field, candidates, splits FROM page_warnings WHERE role_key = ?');
    this.fieldOfRole = db.prepare(
      `SELECT o.page_id AS pageId, p.format, p.layout, o.value FROM observations o JOIN pages p ON p.id = o.page_id
       WHERE o.role_key = ? AND o.field = ? ORDER BY o.page_id, o.side`,
    );
    this.guessedPagesOfField = db.prepare('SELECT page_id FROM page_warnings WHERE role_key = ? AND field = ?').pluck();
  }

  /**
   * What the pages of a role show of one field, unguessed, in page order: the votes `read` would
   * give of it, without reading the rest of the role (see `PartnerVotesOf`).
   */
  votes(key: string, field: string): Vote[] {
    const guessed = new Set(this.guessedPagesOfField.all(key, field) as number[]);
    const votes: Vote[] = [];
    for (const row of this.fieldOfRole.all(key, field) as Array<Pick<PageEvidence, 'format' | 'layout'> & { pageId: number; value: string }>) {
      if (!guessed.has(row.pageId)) votes.push({ pageId: row.pageId, reliability: captureReliability(row), value: JSON.parse(row.value) as unknown });
    }
    return votes;
  }

  read(key: string): RoleEvidence {
    const pages = new Map<number, PageEvidence>();
    const roles = new Map<number, [string, string]>();
    for (const p of this.pagesOfRole.all(key, key) as Array<Omit<PageEvidence, 'sides'> & { role_a: string; role_b: string }>) {
      pages.set(p.id, { id: p.id, sha256: p.sha256, format: p.format, layout: p.layout, sides: [] });
      roles.set(p.id, [p.role_a, p.role_b]);
    }
    const inferred = new Map<string, { candidates: unknown[]; splits: Array<[unknown, unknown]> | null }>();
    for (const w of this.inferredOfRole.all(key) as Array<{ page_id: number; field: string; candidates: string | null; splits: string | null }>) {
      inferred.set(`${w.page_id}\u0000${w.field}`, {
        candidates: w.candidates ? (JSON.parse(w.candidates) as unknown[]) : [],
        splits: w.splits ? (JSON.parse(w.splits) as Array<[unknown, unknown]>) : null,
      });
    }
    const observed = this.observationsOfRole.get(key) as string | null;
    const flat = observed === null ? [] : (JSON.parse(observed) as unknown[]);
    for (let i = 0; i < flat.length; i += 3) {
      const field = flat[i] as string;
      const value = flat[i + 1];
      const sides = flat[i + 2] as number[];
      for (let j = 0; j < sides.length; j += 2) {
        const pageId = sides[j]!;
        const sideIndex = sides[j + 1]!;
        const page = pages.get(pageId);
        if (!page) continue;
        let side = page.sides[sideIndex];
        if (!side) page.sides[sideIndex] = side = { values: new Map(), inferred: new Map() };
        side.values.set(field, value);
        // Most observations were not inferred: the key is built only when the role has guesses at all.
        const guess = inferred.size === 0 ? undefined : inferred.get(`${pageId}\u0000${field}`);
        if (!guess) continue;
        side.inferred.set(field, guess.candidates);
        if (guess.splits) {
          const column = sideIndex === 0 ? 0 : 1;
          side.joint ??= { side: column, partner: roles.get(pageId)![1 - column]!, splits: new Map() };
          side.joint.splits.set(field, guess.splits);
        }
      }
    }
    for (const page of pages.values()) page.sides = page.sides.filter(Boolean);
    return { key, pages: [...pages.values()] };
  }
}
