import type { Statement } from 'better-sqlite3';
import { type PartnerVotesOf, partnerVotesOnce, reconcileRole } from '../reconcile/reconcileRole.js';
import { type Capture, type CaptureResult, CaptureWriter } from './captureWriter.js';
import { EvidenceReader } from './evidenceReader.js';
import { closeWriter, openForWriting, type Db } from './openDatabase.js';
import { RoleWriter } from './roleWriter.js';
import { describeStoreFailure, isDatabaseFailure } from './storeError.js';

export type { Capture, CaptureResult, CaptureTime, TimeSource } from './captureWriter.js';

/** What became of one capture of a batch. */
export type CaptureOutcome = CaptureResult | { status: 'failed'; reason: string };

export interface StoreCounts {
  /** Captures stored. */
  captures: number;
  /** Distinct pages they are of. */
  pages: number;
  roles: number;
  /** Distinct (role, field) pairs the pages disagree on. */
  conflicts: number;
}

/**
 * Roles reconciled in one transaction: small enough that a commit is short and a run killed
 * meanwhile keeps most of what it did.
 */
const ROLES_PER_TRANSACTION = 200;

/**
 * The roles database, written in two steps: `storeCaptures` stores what was read, and lists the
 * roles it shows as pending; `reconcilePending` then makes each pending role again from all of
 * its stored pages. Both are durable step by step, so a run killed anywhere is finished by the
 * next one.
 *
 * For a library caller it is a database open for writing, to give to `ingest`, read the counts of,
 * and close; the steps and the connection are the ingest's own.
 */
export class RoleStore {
  private readonly captures: CaptureWriter;
  private readonly roles: RoleWriter;
  private readonly evidence: EvidenceReader;
  private readonly statements: Record<'pendingWithPartners' | 'unmarkPending' | 'pendingCount' | 'counts', Statement>;

  /** The connection the steps write on. @internal */
  readonly db: Db;

  /** A store over a connection opened for writing; `RoleStore.open(file)` opens one and is the way in. */
  constructor(db: Db) {
    this.db = db;
    this.captures = new CaptureWriter(db);
    this.roles = new RoleWriter(db);
    this.evidence = new EvidenceReader(db);
    this.statements = {
      // A pending role's joint partners (the other role of a page where one glued row decided
      // both) are reconciled with it: what its new pages say may settle the partner's guesses.
      pendingWithPartners: db
        .prepare(
          `SELECT role_key FROM pending_roles
           UNION
           SELECT CASE WHEN p.role_a = w.role_key THEN p.role_b ELSE p.role_a END
           FROM pending_roles r
           JOIN page_warnings w ON w.role_key = r.role_key AND w.splits IS NOT NULL
           JOIN pages p ON p.id = w.page_id
           ORDER BY 1`,
        )
        .pluck(),
      unmarkPending: db.prepare('DELETE FROM pending_roles WHERE role_key = ?'),
      pendingCount: db.prepare('SELECT COUNT(*) FROM pending_roles').pluck(),
      counts: db.prepare(
        `SELECT (SELECT COUNT(*) FROM pages) AS captures, (SELECT COUNT(DISTINCT page_key) FROM pages) AS pages,
                (SELECT COUNT(*) FROM roles) AS roles,
                (SELECT COUNT(*) FROM (SELECT DISTINCT role_key, field FROM conflicts)) AS conflicts`,
      ),
    };
  }

  /** Opens (creating and migrating if needed) the database in `file` for writing. */
  static open(file: string): RoleStore {
    return new RoleStore(openForWriting(file));
  }

  /** Closes the database, in a mode that read-only folders and mounts can read (see `closeWriter`). */
  close(): void {
    closeWriter(this.db);
  }

  /**
   * Stores captures in one transaction, each under a savepoint of its own: a capture that fails
   * is rolled back whole and reported, and the others are stored. Throws when the database
   * itself fails (locked, full, read-only…): then none of them is stored.
   *
   * @internal
   */
  storeCaptures(captures: readonly Capture[]): CaptureOutcome[] {
    // Immediate: the write lock is taken (waiting out another ingest) before anything is read.
    return this.db
      .transaction(() =>
        captures.map((capture): CaptureOutcome => {
          try {
            return this.db.transaction(() => this.captures.write(capture))();
          } catch (error) {
            // A full disk or a lost lock fails every capture after this one too: the batch is
            // rolled back whole and the caller stops.
            if (isDatabaseFailure(error)) throw error;
            return { status: 'failed', reason: describeStoreFailure(error) };
          }
        }),
      )
      .immediate();
  }

  /** How many roles wait for `reconcilePending`. @internal */
  pendingCount(): number {
    return this.statements.pendingCount.get() as number;
  }

  /**
   * Reconciles every pending role (with its joint partners) from its stored pages, in key order,
   * `ROLES_PER_TRANSACTION` a transaction, and takes it off the list; returns how many it made.
   *
   * @internal
   */
  reconcilePending(onProgress?: (done: number, total: number) => void): number {
    const keys = this.statements.pendingWithPartners.all() as string[];
    onProgress?.(0, keys.length);
    const partnerVotes = this.partnerVotesOfRun();
    for (let start = 0; start < keys.length; start += ROLES_PER_TRANSACTION) {
      this.reconcileChunk(keys.slice(start, start + ROLES_PER_TRANSACTION), partnerVotes);
      onProgress?.(Math.min(start + ROLES_PER_TRANSACTION, keys.length), keys.length);
    }
    return keys.length;
  }

  /**
   * As `reconcilePending`, giving the event loop a turn after each transaction, so that a signal
   * is heard while thousands of roles are made, and stopping before the next one once `signal`
   * is aborted. Returns how many it made and how many are left pending for the next run.
   * @internal
   */
  async reconcilePendingUntil(signal: AbortSignal | undefined, onProgress?: (done: number, total: number) => void): Promise<{ reconciled: number; left: number }> {
    const keys = this.statements.pendingWithPartners.all() as string[];
    onProgress?.(0, keys.length);
    const partnerVotes = this.partnerVotesOfRun();
    let done = 0;
    while (done < keys.length) {
      await new Promise((resolve) => setImmediate(resolve));
      if (signal?.aborted) break;
      const chunk = keys.slice(done, done + ROLES_PER_TRANSACTION);
      this.reconcileChunk(chunk, partnerVotes);
      done += chunk.length;
      onProgress?.(done, keys.length);
    }
    return { reconciled: done, left: this.pendingCount() };
  }

  /** A role on thousands of pages is the joint partner of thousands: its votes on a field are read once a run, and only that field of its pages. */
  private partnerVotesOfRun(): PartnerVotesOf {
    return partnerVotesOnce((partner, field) => this.evidence.votes(partner, field));
  }

  /** Makes the roles of `keys` again and takes them off the pending list, in one transaction. */
  private reconcileChunk(keys: readonly string[], partnerVotes: PartnerVotesOf): void {
    this.db
      .transaction(() => {
        for (const key of keys) {
          const evidence = this.evidence.read(key);
          if (evidence.pages.length > 0) this.roles.write(reconcileRole(evidence, partnerVotes));
          else this.roles.remove(key);
          this.statements.unmarkPending.run(key);
        }
      })
      .immediate();
  }

  counts(): StoreCounts {
    return this.statements.counts.get() as StoreCounts;
  }
}
