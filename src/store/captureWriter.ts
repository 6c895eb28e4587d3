import type { Statement } from 'better-sqlite3';
import { observePage } from '../reconcile/observePage.js';
import type { PageRecord } from '../schema/pageRecord.js';
import { databaseFolder, pageKeyOf, storedPath } from './capturePaths.js';
import type { Db } from './openDatabase.js';

/** A saved file to store: its record, or only its content's hash when a worker found it stored. */
export type Capture = { path: string; record: PageRecord; capturedAt: string } | { path: string; sha256: string };

/** What storing a capture did: stored it, or found its content stored already. */
export interface CaptureResult {
  status: 'stored' | 'skipped';
  pageId: number;
}

/**
 * Writes one capture: its `pages` row, a `page_sides` row for each role it shows, its warnings,
 * and its roles onto `pending_roles`, to be reconciled once the run's pages are stored. Content
 * already stored (under any path) is skipped; a file saved again with new content is a new
 * capture, and the older one stays as the page's history.
 */
export class CaptureWriter {
  private readonly folder: string;
  private readonly pageBySha: Statement;
  private readonly insertPage: Statement;
  private readonly insertSide: Statement;
  private readonly insertWarning: Statement;
  private readonly markPending: Statement;

  constructor(db: Db) {
    this.folder = databaseFolder(db);
    this.pageBySha = db.prepare('SELECT id FROM pages WHERE sha256 = ?').pluck();
    this.insertPage = db.prepare(
      `INSERT INTO pages (path, sha256, url, format, layout, role_a, role_b, ingested_at, page_key, captured_at)
       VALUES (@path, @sha256, @url, @format, @layout, @role_a, @role_b, @ingested_at, @page_key, @captured_at)`,
    );
    this.insertSide = db.prepare('INSERT INTO page_sides (page_id, side, role_key, facts) VALUES (?, ?, ?, ?)');
    this.insertWarning = db.prepare(
      'INSERT INTO page_warnings (page_id, role_key, field, message, candidates, splits) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.markPending = db.prepare('INSERT OR IGNORE INTO pending_roles (role_key) VALUES (?)');
  }

  write(capture: Capture): CaptureResult {
    const sha256 = 'record' in capture ? capture.record.source.sha256 : capture.sha256;
    const stored = this.pageBySha.get(sha256) as number | undefined;
    if (stored !== undefined) return { status: 'skipped', pageId: stored };
    // A worker saw the content stored; only a hand-made change to the database removes it since.
    if (!('record' in capture)) throw new Error('its stored copy was removed from the database during the run; run ingest again');
    const { record } = capture;
    const [a, b] = record.roles;
    const pageId = Number(
      this.insertPage.run({
        path: storedPath(this.folder, capture.path),
        sha256,
        url: record.source.url,
        format: record.source.format,
        layout: record.source.layout,
        role_a: a.key,
        role_b: b.key,
        ingested_at: new Date().toISOString(),
        page_key: pageKeyOf(record.source.url, a.key, b.key),
        captured_at: capture.capturedAt,
      }).lastInsertRowid,
    );
    for (const side of observePage(record)) {
      this.insertSide.run(pageId, side.side, side.roleKey, JSON.stringify(Object.fromEntries(side.values)));
      this.markPending.run(side.roleKey);
    }
    for (const w of record.warnings) {
      this.insertWarning.run(pageId, w.role, w.field, w.message, w.candidates ? JSON.stringify(w.candidates) : null, w.splits ? JSON.stringify(w.splits) : null);
    }
    return { status: 'stored', pageId };
  }
}
