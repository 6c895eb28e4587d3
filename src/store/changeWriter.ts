import type { Statement } from 'better-sqlite3';
import { captureReliability } from '../reconcile/evidence.js';
import { hasUnsettledGuess, roleChanges, type CaptureSide, type Guess } from '../reconcile/pageChanges.js';
import type { SettledWarning } from '../reconcile/reconcileRole.js';
import type { Source } from '../schema/pageRecord.js';
import type { Db } from './openDatabase.js';

interface SideRow {
  id: number;
  page_key: string;
  captured_at: string;
  sha256: string;
  format: Source['format'];
  layout: Source['layout'];
  facts: string;
}

/**
 * Writes a role's `changes` rows anew, with the role: from the captures of its pages saved more
 * than once, and the guesses its reconciliation settled. A role on no page saved twice costs one
 * indexed look-up; its other pages are read only when a capture of a page saved twice holds a
 * guess reconciliation left unsettled, which they may settle.
 */
export class ChangeWriter {
  private readonly sidesOnRepeatedPages: Statement;
  private readonly sidesOfRole: Statement;
  private readonly guessesOfRole: Statement;
  private readonly clear: Statement;
  private readonly insert: Statement;

  constructor(db: Db) {
    this.sidesOnRepeatedPages = db.prepare(
      `SELECT p.id, p.page_key, p.captured_at, p.sha256, p.format, p.layout, s.facts
       FROM page_sides s JOIN pages p ON p.id = s.page_id
       WHERE s.role_key = ? AND EXISTS (SELECT 1 FROM pages q WHERE q.page_key = p.page_key AND q.id <> p.id)`,
    );
    this.sidesOfRole = db.prepare(
      'SELECT p.id, p.page_key, p.captured_at, p.sha256, p.format, p.layout, s.facts FROM page_sides s JOIN pages p ON p.id = s.page_id WHERE s.role_key = ?',
    );
    // A guess is a value the extractor chose among candidates; a warning without them is a value read.
    this.guessesOfRole = db.prepare('SELECT page_id, field, candidates FROM page_warnings WHERE role_key = ? AND candidates IS NOT NULL');
    this.clear = db.prepare('DELETE FROM changes WHERE role_key = ?');
    this.insert = db.prepare(
      'INSERT INTO changes (role_key, field, old_value, new_value, old_seen, new_seen, page_count) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
  }

  /** `settled`: the role's guesses as its reconciliation left them. */
  write(key: string, settled: readonly SettledWarning[]): void {
    this.clear.run(key);
    let rows = this.sidesOnRepeatedPages.all(key) as SideRow[];
    if (rows.length === 0) return;
    const settledValue = new Map(settled.filter((w) => w.resolved).map((w) => [`${w.pageId}\u0000${w.field}`, w.value]));
    const guesses = new Map<number, Map<string, Guess>>();
    for (const g of this.guessesOfRole.all(key) as Array<{ page_id: number; field: string; candidates: string }>) {
      const id = `${g.page_id}\u0000${g.field}`;
      let ofCapture = guesses.get(g.page_id);
      if (!ofCapture) guesses.set(g.page_id, (ofCapture = new Map()));
      const earlier = ofCapture.get(g.field);
      const candidates = JSON.parse(g.candidates) as unknown[];
      if (settledValue.has(id)) ofCapture.set(g.field, { settled: settledValue.get(id) });
      else if (earlier && 'candidates' in earlier) ofCapture.set(g.field, { candidates: [...earlier.candidates, ...candidates] });
      else ofCapture.set(g.field, { candidates });
    }
    if (rows.some((r) => hasUnsettledGuess(guesses.get(r.id) ?? new Map()))) rows = this.sidesOfRole.all(key) as SideRow[];
    const sides: CaptureSide[] = rows.map((r) => ({
      pageKey: r.page_key,
      capturedAt: r.captured_at,
      reliability: captureReliability(r),
      sha256: r.sha256,
      values: JSON.parse(r.facts) as Record<string, unknown>,
      guesses: guesses.get(r.id) ?? new Map(),
    }));
    for (const c of roleChanges(sides)) {
      this.insert.run(key, c.field, JSON.stringify(c.oldValue), JSON.stringify(c.newValue), c.oldSeen, c.newSeen, c.pageCount);
    }
  }
}
