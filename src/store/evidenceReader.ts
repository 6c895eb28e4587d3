import type { PageEvidence, RoleEvidence } from '../reconcile/evidence.js';
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

  constructor(db: Db) {
    this.pagesOfRole = db.prepare('SELECT id, sha256, format, layout, role_a, role_b FROM pages WHERE role_a = ? OR role_b = ? ORDER BY id');
    // One JSON array of every observation of the role, `[page, side, field, value, …]`, built by
    // SQLite and parsed once: a role on ten pages has some 220 observations, and a row each (made
    // into JavaScript values, then each value parsed on its own) took twice as long. The values are
    // JSON already (the table's CHECK says so), and field names are quoted.
    this.observationsOfRole = db
      .prepare(
        `SELECT '[' || group_concat(page_id || ',' || side || ',' || json_quote(field) || ',' || value, ',') || ']'
         FROM observations WHERE role_key = ?`,
      )
      .pluck();
    this.inferredOfRole = db.prepare('SELECT page_id, field, candidates, splits FROM page_warnings WHERE role_key = ?');
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
    for (let i = 0; i < flat.length; i += 4) {
      const pageId = flat[i] as number;
      const sideIndex = flat[i + 1] as number;
      const field = flat[i + 2] as string;
      const page = pages.get(pageId);
      if (!page) continue;
      let side = page.sides[sideIndex];
      if (!side) page.sides[sideIndex] = side = { values: new Map(), inferred: new Map() };
      side.values.set(field, flat[i + 3]);
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
    for (const page of pages.values()) page.sides = page.sides.filter(Boolean);
    return { key, pages: [...pages.values()] };
  }
}
