import type { Statement } from 'better-sqlite3';
import { observePage } from '../reconcile/observePage.js';
import type { PageRecord } from '../schema/pageRecord.js';
import { databaseFolder, pageKeyOf, storedPath } from './capturePaths.js';
import type { Db } from './openDatabase.js';

/**
 * Where a capture's time came from: a web archive's record (`WARC-Date`), the saved page's own
 * statement (a `.mhtml` message's `Date`, SingleFile's saved date), or the file's modification time.
 */
export type TimeSource = 'archive' | 'page' | 'file';

/** When a capture was made, and how that is known. */
export interface CaptureTime {
  /** ISO 8601 UTC, as `Date.prototype.toISOString` writes it (so that times compare as text). */
  capturedAt: string;
  /** @default 'file' */
  timeSource?: TimeSource;
}

/**
 * A capture to store: a page's content at a time. Its record; or only its content's hash when a
 * reader found that content stored already (it is not extracted again); or, for an archive's
 * `revisit` record, the earlier capture (URL and time) whose content it saw again.
 */
export type Capture = CaptureTime & { path: string } & (
    | { record: PageRecord }
    | { sha256: string; url?: string | null }
    | { refersTo: { url: string; capturedAt: string }; url?: string | null }
  );

/**
 * What storing a capture did: stored it, found that content at that time stored already, or (a
 * revisit) found no stored capture it refers to: the page it saw again was not a comparison.
 */
export type CaptureResult = { status: 'stored' | 'skipped'; pageId: number } | { status: 'unresolved' };

interface StoredCapture {
  id: number;
  sha256: string;
  url: string | null;
  format: string;
  layout: string;
  role_a: string;
  role_b: string;
}

/**
 * Writes one capture: its `pages` row, a `page_sides` row for each role it shows, its warnings,
 * and its roles onto `pending_roles`, to be reconciled once the run's pages are stored. The same
 * content at the same time (under any path) is skipped; content stored before, seen again at
 * another time, is a new capture whose sides and warnings are copied from the stored one.
 */
export class CaptureWriter {
  private readonly folder: string;
  private readonly sameCapture: Statement;
  private readonly bySha: Statement;
  private readonly byUrlAndTime: Statement;
  private readonly insertPage: Statement;
  private readonly insertSide: Statement;
  private readonly insertWarning: Statement;
  private readonly copySides: Statement;
  private readonly copyWarnings: Statement;
  private readonly rolesOfSides: Statement;
  private readonly markPending: Statement;

  constructor(db: Db) {
    this.folder = databaseFolder(db);
    this.sameCapture = db.prepare('SELECT id FROM pages WHERE sha256 = ? AND captured_at = ?').pluck();
    const stored = 'SELECT id, sha256, url, format, layout, role_a, role_b FROM pages';
    this.bySha = db.prepare(`${stored} WHERE sha256 = ? ORDER BY id LIMIT 1`);
    this.byUrlAndTime = db.prepare(`${stored} WHERE url = ? AND captured_at = ? ORDER BY id LIMIT 1`);
    this.insertPage = db.prepare(
      `INSERT INTO pages (path, sha256, url, format, layout, role_a, role_b, ingested_at, page_key, captured_at, time_source)
       VALUES (@path, @sha256, @url, @format, @layout, @role_a, @role_b, @ingested_at, @page_key, @captured_at, @time_source)`,
    );
    this.insertSide = db.prepare('INSERT INTO page_sides (page_id, side, role_key, facts) VALUES (?, ?, ?, ?)');
    this.insertWarning = db.prepare(
      'INSERT INTO page_warnings (page_id, role_key, field, message, candidates, splits) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.copySides = db.prepare('INSERT INTO page_sides (page_id, side, role_key, facts) SELECT ?, side, role_key, facts FROM page_sides WHERE page_id = ?');
    this.copyWarnings = db.prepare(
      'INSERT INTO page_warnings (page_id, role_key, field, message, candidates, splits) SELECT ?, role_key, field, message, candidates, splits FROM page_warnings WHERE page_id = ?',
    );
    this.rolesOfSides = db.prepare('SELECT role_key FROM page_sides WHERE page_id = ?').pluck();
    this.markPending = db.prepare('INSERT OR IGNORE INTO pending_roles (role_key) VALUES (?)');
  }

  write(capture: Capture): CaptureResult {
    if ('refersTo' in capture) {
      const earlier = this.byUrlAndTime.get(capture.refersTo.url, capture.refersTo.capturedAt) as StoredCapture | undefined;
      if (earlier === undefined) return { status: 'unresolved' };
      return this.skipOrCopy(earlier, capture, capture.url ?? null);
    }
    if ('sha256' in capture) {
      const stored = this.bySha.get(capture.sha256) as StoredCapture | undefined;
      // A worker saw the content stored; only a hand-made change to the database removes it since.
      if (stored === undefined) throw new Error('its stored copy was removed from the database during the run; run ingest again');
      return this.skipOrCopy(stored, capture, capture.url ?? null);
    }
    const { record } = capture;
    const sha256 = record.source.sha256;
    const same = this.sameCapture.get(sha256, capture.capturedAt) as number | undefined;
    if (same !== undefined) return { status: 'skipped', pageId: same };
    const [a, b] = record.roles;
    const pageId = this.insert(capture, { sha256, url: record.source.url, format: record.source.format, layout: record.source.layout, role_a: a.key, role_b: b.key });
    for (const side of observePage(record)) {
      this.insertSide.run(pageId, side.side, side.roleKey, JSON.stringify(Object.fromEntries(side.values)));
      this.markPending.run(side.roleKey);
    }
    for (const w of record.warnings) {
      this.insertWarning.run(pageId, w.role, w.field, w.message, w.candidates ? JSON.stringify(w.candidates) : null, w.splits ? JSON.stringify(w.splits) : null);
    }
    return { status: 'stored', pageId };
  }

  /** Stores `stored`'s content again at the capture's time, unless that time is stored already. */
  private skipOrCopy(stored: StoredCapture, capture: Capture, url: string | null): CaptureResult {
    const same = this.sameCapture.get(stored.sha256, capture.capturedAt) as number | undefined;
    if (same !== undefined) return { status: 'skipped', pageId: same };
    const pageId = this.insert(capture, { ...stored, url: url ?? stored.url });
    this.copySides.run(pageId, stored.id);
    this.copyWarnings.run(pageId, stored.id);
    for (const role of this.rolesOfSides.all(pageId) as string[]) this.markPending.run(role);
    return { status: 'stored', pageId };
  }

  private insert(capture: Capture, content: Omit<StoredCapture, 'id'>): number {
    return Number(
      this.insertPage.run({
        ...content,
        path: storedPath(this.folder, capture.path),
        ingested_at: new Date().toISOString(),
        page_key: pageKeyOf(content.url, content.role_a, content.role_b),
        captured_at: capture.capturedAt,
        time_source: capture.timeSource ?? 'file',
      }).lastInsertRowid,
    );
  }
}
