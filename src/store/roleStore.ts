import { createHash } from 'node:crypto';
import type { Degree, Gender, PageRecord, SalaryRange } from '../schema/pageRecord.js';
import type { RoleEvidence } from '../reconcile/evidence.js';
import { observePage } from '../reconcile/observePage.js';
import type { ReconciledRole } from '../reconcile/reconcileRole.js';
import { reconcileRoles, type RoleOutcome } from '../reconcile/reconcileRoles.js';
import type { Statement } from 'better-sqlite3';
import { openForWriting, type Db } from './openDatabase.js';
import { EvidenceReader } from './evidenceReader.js';
import { describeStoreFailure } from './storeError.js';

export type StoreResult =
  | { status: 'stored'; pageId: number; replaced: number[]; roles: string[] }
  /** The same content is already stored (perhaps under another path). */
  | { status: 'skipped'; pageId: number; replaced: number[]; roles: string[] };

/** A page for `storeBatch`: its record, or only its content's hash when that is stored already. */
export type BatchPage = { path: string; record: PageRecord } | { path: string; sha256: string };

/**
 * `gone`: a page sent by hash alone whose content is no longer stored (an earlier page of the
 * batch replaced it at its path); the caller extracts and stores it after all.
 */
export type BatchResult = StoreResult | { status: 'failed'; reason: string } | { status: 'gone' };

export interface BatchOptions {
  /**
   * Roles already in `roles` are marked pending (`pending_roles`) instead of being reconciled
   * with the batch; `reconcilePending` catches them up. A role on many pages is then reconciled
   * once per catch-up rather than once per batch that shows it. New roles are reconciled at once:
   * a page's roles must exist when it commits.
   */
  deferStoredRoles?: boolean;
}

export interface StoreCounts {
  pages: number;
  roles: number;
  /** Distinct (role, field) pairs the pages disagree on. */
  conflicts: number;
}

/**
 * The write side of the roles database. Each page is stored in one transaction together with
 * the re-reconciliation of every role it touches, so a reader never sees a page without its
 * roles being up to date, and an interrupted ingest loses at most the page in flight. A batch
 * ingest may instead defer the roles already stored (`BatchOptions.deferStoredRoles`): they are
 * then listed in `pending_roles`, in the page's transaction, until `reconcilePending`.
 */
export class RoleStore {
  private readonly statements;
  /**
   * The evidence of the roles reconciled so far, kept in step with the tables so that a role on
   * hundreds of pages is not read back from SQLite for every new page that shows it. Dropped
   * whole if a transaction fails. Bounded (least recently reconciled roles go first), so memory
   * stays flat however many roles a corpus has.
   */
  private readonly cache = new Map<string, RoleEvidence>();
  /**
   * What was last written of each cached role: its list tables and search text, as written, so
   * that a role reconciled again rewrites only what changed (most new pages change a count and
   * leave its skills, responsibilities, aliases and search text as they were). Kept for the
   * roles in the cache only, and dropped with it.
   */
  private readonly written = new Map<string, WrittenRole>();
  /** The multi-row observation INSERT for each number of rows, prepared when first needed. */
  private readonly observationInserts = new Map<number, Statement>();
  /** SQLite's count of other connections' commits when the cache was last known to be current. */
  private dataVersion: number | null = null;
  /**
   * Page sides the cache may hold in all; a side is one role's values on one page, about 5 KB of
   * heap, so 1,000 is some 5 MB. A batch ingest reconciles only the roles a batch shows first (and
   * their joint partners) here, the others on the workers at the end, so the cache serves little
   * more than one batch: 4,000 cost 20 MiB more at the peak on 10,000 flattened captures for no
   * speed. A role evicted is read back from its rows when a page shows it again.
   */
  static cachedSidesLimit = 1_000;

  private readonly evidenceReader: EvidenceReader;

  constructor(readonly db: Db) {
    this.statements = prepare(db);
    this.evidenceReader = new EvidenceReader(db);
  }

  static open(file: string): RoleStore {
    return new RoleStore(openForWriting(file));
  }

  close(): void {
    this.db.close();
  }

  /**
   * Another process (a second ingest on the same database) may have stored pages of the cached
   * roles; their evidence would then be stale and the roles reconciled from part of their pages.
   * Called under the write lock, where nobody else can commit until this transaction ends.
   */
  private dropCacheIfOthersWrote(): void {
    const version = this.db.pragma('data_version', { simple: true }) as number;
    if (version !== this.dataVersion) this.forgetCached();
    this.dataVersion = version;
  }

  /** Drops what is cached of the tables (after a failure, or another process's commit). */
  private forgetCached(): void {
    this.cache.clear();
    this.written.clear();
  }

  /** The id of the page stored with this content, if any. */
  pageWithContent(sha256: string): number | undefined {
    return (this.statements.pageBySha.get(sha256) as { id: number } | undefined)?.id;
  }

  /**
   * Stores one page found at `path` (its identity for replacement; the record's own path is what
   * the user named). Content already stored is skipped; a different content at a path stored
   * before replaces that page's observations.
   */
  storePage(record: PageRecord, path: string): StoreResult {
    return this.writeTransaction((): StoreResult => {
      const { result, touched } = this.pageRows(record, path);
      this.reconcile(touched);
      return result;
    });
  }

  /**
   * Stores pages in input order in one transaction, reconciling each touched role once at the
   * end rather than once per page. Each page has a savepoint of its own: a page that fails is
   * rolled back whole and reported, and the others are stored. If the batch as a whole cannot be
   * committed, its pages are stored one transaction each, so only the faulty one is lost.
   */
  storeBatch(pages: readonly BatchPage[], options: BatchOptions = {}): BatchResult[] {
    try {
      return this.db.transaction((): BatchResult[] => {
        this.dropCacheIfOthersWrote();
        const touched = new Set<string>();
        const results = pages.map((page): BatchResult => {
          try {
            const done = this.db.transaction(() => this.batchPageRows(page))();
            for (const key of done.touched) touched.add(key);
            return done.result;
          } catch (error) {
            // The savepoint undid the page's rows; the cache may hold its evidence.
            this.forgetCached();
            return { status: 'failed', reason: storeFailure(error) };
          }
        });
        if (options.deferStoredRoles) this.reconcileNewDeferStored(touched);
        else this.reconcile(touched);
        return results;
        // Immediate: the write lock is taken (waiting out another ingest) before anything is read;
        // a deferred transaction that read first would fail "database is locked" when it writes.
      }).immediate();
    } catch {
      this.forgetCached();
      return pages.map((page): BatchResult => {
        try {
          return 'record' in page ? this.storePage(page.record, page.path) : (this.skipStored(page.path, page.sha256) ?? { status: 'gone' });
        } catch (error) {
          return { status: 'failed', reason: storeFailure(error) };
        }
      });
    }
  }

  private batchPageRows(page: BatchPage): { result: BatchResult; touched: Set<string> } {
    if ('record' in page) return this.pageRows(page.record, page.path);
    return this.skipRows(page.path, page.sha256) ?? { result: { status: 'gone' }, touched: new Set() };
  }

  /** The page's rows, without reconciling the roles it touches (the caller does, once). */
  private pageRows(record: PageRecord, path: string): { result: StoreResult; touched: Set<string> } {
    const s = this.statements;
    const skipped = this.skipRows(path, record.source.sha256);
    if (skipped) return skipped;
    const { replaced, touched } = this.removeOtherVersions(path, record.source.sha256);
    const [a, b] = record.roles;
    const pageId = Number(
      s.insertPage.run({
        path,
        sha256: record.source.sha256,
        url: record.source.url,
        format: record.source.format,
        layout: record.source.layout,
        role_a: a.key,
        role_b: b.key,
        ingested_at: new Date().toISOString(),
      }).lastInsertRowid,
    );
    const observed = observePage(record);
    const rows: ObservationRow[] = [];
    for (const side of observed) {
      for (const [field, value] of side.values) rows.push([pageId, side.roleKey, field, JSON.stringify(value), side.side]);
    }
    this.insertObservations(rows);
    for (const side of observed) {
      touched.add(side.roleKey);
      const cached = this.cache.get(side.roleKey) ?? this.newRoleEvidence(side.roleKey);
      if (cached) {
        let pageEvidence = cached.pages.find((p) => p.id === pageId);
        if (!pageEvidence) {
          const { sha256, format, layout } = record.source;
          cached.pages.push((pageEvidence = { id: pageId, sha256, format, layout, sides: [] }));
        }
        pageEvidence.sides.push(side.joint ? { values: side.values, inferred: side.inferred, joint: side.joint } : { values: side.values, inferred: side.inferred });
      }
    }
    for (const w of record.warnings) {
      s.insertWarning.run(pageId, w.role, w.field, w.message, w.candidates ? JSON.stringify(w.candidates) : null, w.splits ? JSON.stringify(w.splits) : null);
    }
    return { result: { status: 'stored', pageId, replaced, roles: [...touched].sort() }, touched };
  }

  /**
   * A page's observations in as few statements as there are chunks of `OBSERVATIONS_PER_INSERT`:
   * one multi-row INSERT costs a quarter less than a statement per row, and a page has some 50.
   */
  private insertObservations(rows: readonly ObservationRow[]): void {
    for (let start = 0; start < rows.length; start += OBSERVATIONS_PER_INSERT) {
      const chunk = rows.slice(start, start + OBSERVATIONS_PER_INSERT);
      let statement = this.observationInserts.get(chunk.length);
      if (!statement) {
        statement = this.db.prepare(
          `INSERT INTO observations (page_id, role_key, field, value, side) VALUES ${Array.from(chunk, () => '(?, ?, ?, ?, ?)').join(', ')}`,
        );
        this.observationInserts.set(chunk.length, statement);
      }
      statement.run(chunk.flat());
    }
  }

  /**
   * When this content is already stored, finishes with it without reading it again: only an
   * older version at the same path is removed (its roles re-reconciled). Undefined when the
   * content is new.
   */
  skipStored(path: string, sha256: string): StoreResult | undefined {
    if (this.pageWithContent(sha256) === undefined) return undefined;
    return this.writeTransaction((): StoreResult | undefined => {
      const skipped = this.skipRows(path, sha256);
      if (skipped) this.reconcile(skipped.touched);
      return skipped?.result;
    });
  }

  private skipRows(path: string, sha256: string): { result: StoreResult; touched: Set<string> } | undefined {
    const existing = this.pageWithContent(sha256);
    if (existing === undefined) return undefined;
    const { replaced, touched } = this.removeOtherVersions(path, sha256);
    return { result: { status: 'skipped', pageId: existing, replaced, roles: [...touched].sort() }, touched };
  }

  /** Removes the pages stored for `path` with other content; returns them and their roles. */
  private removeOtherVersions(path: string, sha256: string): { replaced: number[]; touched: Set<string> } {
    const previous = (this.statements.pagesByPath.all(path) as Array<{ id: number; sha256: string; role_a: string; role_b: string }>).filter(
      (p) => p.sha256 !== sha256,
    );
    const touched = new Set<string>();
    for (const old of previous) {
      touched.add(old.role_a).add(old.role_b);
      this.statements.deletePage.run(old.id);
      for (const key of [old.role_a, old.role_b]) {
        const cached = this.cache.get(key);
        if (cached) cached.pages = cached.pages.filter((p) => p.id !== old.id);
      }
    }
    return { replaced: previous.map((p) => p.id), touched };
  }

  /**
   * Reconciles the roles not yet in `roles` and marks the others pending. A new role's joint
   * partners are on its pages, all of them in this batch, so each is new too (and reconciled
   * here) or stored (and pending): reconciling a stored one now as well would be done again by
   * the catch-up. A role on thousands of flattened pages is such a partner in every batch, and
   * was reconciled whole in each.
   */
  private reconcileNewDeferStored(keys: Iterable<string>): void {
    const now: string[] = [];
    for (const key of keys) {
      if (this.statements.roleExists.get(key) === undefined) now.push(key);
      else this.statements.markPending.run(key);
    }
    this.reconcile(now, { withPartners: false });
  }

  /** The roles waiting to be reconciled, in key order. */
  pendingKeys(): string[] {
    return (this.statements.allPendingKeys.all() as Array<{ role_key: string }>).map((r) => r.role_key);
  }

  /**
   * The pending roles and their joint partners (the other role of a page where a glued row
   * decided both at once: what the pending role's new pages say may settle the partner), in key
   * order, each with the number of page sides that show it (a page comparing a role with itself
   * counts twice): what reconciling it will read. What `reconcile` adds role by role from
   * evidence, found here in one query.
   */
  pendingRolesWithPartners(): Array<{ key: string; pageSides: number }> {
    return this.statements.pendingWithPartners.all() as Array<{ key: string; pageSides: number }>;
  }

  /** The database file, for other connections (worker threads) to read; null for an in-memory one. */
  get file(): string | null {
    return this.db.memory ? null : this.db.name;
  }

  /**
   * SQLite's count of other connections' commits as this connection sees it now: pass it with
   * roles reconciled from what other connections read next (`storeReconciled`).
   */
  readVersion(): number {
    return this.db.pragma('data_version', { simple: true }) as number;
  }

  /**
   * Writes roles reconciled elsewhere (a worker thread, on a read-only connection) from the tables
   * as they were at `readAtVersion`, and takes `keys` off the pending list. Should another process
   * have stored pages since, the roles are reconciled here again rather than written stale.
   */
  storeReconciled(keys: readonly string[], outcomes: readonly RoleOutcome[], readAtVersion: number): void {
    try {
      this.db.transaction(() => {
        if (this.readVersion() !== readAtVersion) {
          this.dropCacheIfOthersWrote();
          this.reconcile(keys);
        } else {
          for (const outcome of outcomes) this.apply(outcome);
        }
        for (const key of keys) {
          this.statements.unmarkPending.run(key);
          // What was written is kept for cached roles only (see `written`): these were
          // reconciled elsewhere, and a catch-up of 100,000 roles would otherwise keep them all.
          if (!this.cache.has(key)) this.written.delete(key);
        }
      }).immediate();
    } catch (error) {
      this.forgetCached();
      throw error;
    }
  }

  /** How many roles wait for `reconcilePending`. */
  pendingCount(): number {
    return (this.statements.pendingCount.get() as { n: number }).n;
  }

  /**
   * Reconciles the pending roles, `chunk` roles a transaction so that each commit stays small
   * and a run killed meanwhile keeps what was done; returns how many were reconciled.
   */
  reconcilePending(chunk = 200): number {
    let done = 0;
    for (;;) {
      const count = this.reconcilePendingOnce(chunk);
      done += count;
      if (count < chunk) return done;
    }
  }

  private reconcilePendingOnce(chunk: number): number {
    return this.writeTransaction((): number => {
      const keys = (this.statements.pendingKeys.all(chunk) as Array<{ role_key: string }>).map((r) => r.role_key);
      this.reconcileAndUnmark(keys);
      return keys.length;
    });
  }

  /**
   * Reconciles the given roles here, from the tables, and takes them off the pending list, in one
   * transaction: for roles a worker could not reconcile (it died holding them).
   */
  reconcileNow(keys: readonly string[]): void {
    this.writeTransaction(() => this.reconcileAndUnmark(keys));
  }

  private reconcileAndUnmark(keys: readonly string[]): void {
    this.reconcile(keys);
    for (const key of keys) this.statements.unmarkPending.run(key);
  }

  /**
   * Runs `work` in a transaction that takes the write lock first (waiting out another ingest)
   * with the cache checked against other connections' commits, and forgets the cache if it fails.
   */
  private writeTransaction<T>(work: () => T): T {
    try {
      return this.db.transaction((): T => {
        this.dropCacheIfOthersWrote();
        return work();
      }).immediate();
    } catch (error) {
      this.forgetCached();
      throw error;
    }
  }

  /**
   * Recomputes the given roles from every stored observation, and their joint partners unless
   * `withPartners` is false; a role no page shows is removed.
   */
  reconcile(keys: Iterable<string>, { withPartners = true }: { withPartners?: boolean } = {}): void {
    for (const outcome of reconcileRoles(keys, (key) => this.evidenceOf(key), { withPartners })) this.apply(outcome);
    this.evictCache();
  }

  /** Writes a role as reconciled, or removes it when no page shows it any more. */
  private apply({ key, role }: RoleOutcome): void {
    if (role) {
      this.write(role);
      return;
    }
    this.cache.delete(key);
    this.written.delete(key);
    this.statements.deleteSearch.run(searchRowId(key));
    this.statements.deleteRole.run(key);
  }

  /**
   * The evidence of a role with no row yet, which is none: every committed page's roles exist
   * (the foreign keys see to it), so a role without a row has no page but those of the batch in
   * progress, which are added to it as they are stored. Cached empty here, it spares reading
   * back from the tables, at the end of the batch, what the batch has just written; most roles of
   * a new corpus are new. Undefined for a role that has a row.
   */
  private newRoleEvidence(key: string): RoleEvidence | undefined {
    if (this.statements.roleExists.get(key) !== undefined) return undefined;
    const evidence: RoleEvidence = { key, pages: [] };
    this.cache.set(key, evidence);
    return evidence;
  }

  /** A role's evidence from the cache, or read from the tables and cached. */
  private evidenceOf(key: string): RoleEvidence {
    let evidence = this.cache.get(key);
    // Re-inserted: the map's order is the order roles were last used in.
    if (evidence) this.cache.delete(key);
    else evidence = this.evidenceReader.read(key);
    this.cache.set(key, evidence);
    return evidence;
  }

  private evictCache(): void {
    let sides = 0;
    for (const evidence of this.cache.values()) sides += evidence.pages.length;
    if (sides <= RoleStore.cachedSidesLimit) return;
    for (const [key, evidence] of this.cache) {
      if (sides <= RoleStore.cachedSidesLimit / 2) break;
      sides -= evidence.pages.length;
      this.cache.delete(key);
      this.written.delete(key);
    }
  }

  counts(): StoreCounts {
    return this.statements.counts.get() as StoreCounts;
  }

  private write(role: ReconciledRole): void {
    const s = this.statements;
    const v = role.values;
    const degree = v.degree as Degree | null;
    const range = v.salaryRange as SalaryRange | null;
    const gender = v.gender as Gender | null;
    // A role neither cached nor stored has no rows to replace; one stored but not cached has
    // rows of unknown content, replaced whole.
    const before = this.written.get(role.key) ?? (s.roleExists.get(role.key) === undefined ? NOTHING_WRITTEN : undefined);
    s.upsertRole.run({
      key: role.key,
      title: role.title,
      yearly_salary: v.yearlySalary,
      hourly_rate: v.hourlyRate,
      growth_rate: v.growthRate,
      number_of_jobs: v.numberOfJobs,
      job_satisfaction: v.jobSatisfaction,
      degree: degree?.name ?? null,
      degree_pct: degree?.pct ?? null,
      average_age: v.averageAge,
      years_of_experience: v.yearsOfExperience,
      salary_min: range?.min ?? null,
      salary_max: range?.max ?? null,
      highest_paying_city: v.highestPayingCity,
      highest_paying_state: v.highestPayingState,
      best_paying_company: v.bestPayingCompany,
      best_paying_industry: v.bestPayingIndustry,
      major: v.major,
      college: v.college,
      male_pct: gender?.male ?? null,
      female_pct: gender?.female ?? null,
      lgbt_pct: v.lgbtPct,
      description: v.description,
      page_count: role.pageCount,
      time_to_become: v.timeToBecome,
      top_skills: v.topSkills === null ? null : JSON.stringify(v.topSkills),
    });
    const lists = listsOf(role);
    const after: WrittenRole = { lists: { ...NOTHING_WRITTEN.lists }, search: searchTextOf(role) };
    for (const table of LIST_TABLES) {
      const signature = JSON.stringify(lists[table]);
      after.lists[table] = signature;
      if (before?.lists[table] === signature) continue;
      if (before?.lists[table] !== EMPTY_LIST) s.clear[table].run(role.key);
      for (const row of lists[table]) s.insert[table].run(role.key, ...row);
    }
    for (const w of role.warnings) s.resolveWarning.run(w.resolved ? 1 : 0, w.pageId, role.key, w.field);
    // The search index is the costliest to update, and its text changes least often. Of a role
    // stored but not cached (one the workers reconciled), the row is read back to tell.
    const rowid = searchRowId(role.key);
    const searched = before === undefined ? storedSearchText(s.searchRow.get(rowid) as SearchRow | undefined) : before.search;
    if (searched !== after.search) {
      if (before !== NOTHING_WRITTEN) s.deleteSearch.run(rowid);
      s.insertSearch.run(rowid, role.key, ...after.search.split(SEARCH_COLUMN_SEPARATOR));
    }
    this.written.set(role.key, after);
  }
}

/** page_id, role_key, field, value (JSON), side. */
type ObservationRow = [number, string, string, string, 0 | 1];
/** Rows per INSERT at most: 5 parameters a row, well within SQLite's 32,766 parameters. */
const OBSERVATIONS_PER_INSERT = 100;

const LIST_TABLES = ['role_skills', 'role_responsibilities', 'role_race', 'role_aliases', 'conflicts'] as const;
type ListTable = (typeof LIST_TABLES)[number];
type ListRow = Array<string | number | null>;

/** A role's rows as last written: each list table's rows and the search columns, serialised. */
interface WrittenRole {
  lists: Record<ListTable, string>;
  search: string;
}

const EMPTY_LIST = '[]';
const NOTHING_WRITTEN: WrittenRole = {
  lists: { role_skills: EMPTY_LIST, role_responsibilities: EMPTY_LIST, role_race: EMPTY_LIST, role_aliases: EMPTY_LIST, conflicts: EMPTY_LIST },
  search: '',
};
const SEARCH_COLUMN_SEPARATOR = '\u0000';

/** The rows of each list table for a role, in the columns its insert statement takes after the key. */
function listsOf(role: ReconciledRole): Record<ListTable, ListRow[]> {
  return {
    role_skills: role.skills.map((skill) => [skill.name, skill.pct, skill.pageCount]),
    role_responsibilities: role.responsibilities.map((text, i) => [i + 1, text]),
    role_race: role.race.map((share) => [share.group, share.pct]),
    role_aliases: role.aliases.map((alias) => [alias.alias, alias.kind]),
    conflicts: role.conflicts.map((c) => [c.field, c.value, c.pageCount, c.chosen ? 1 : 0]),
  };
}

interface SearchRow {
  title: string;
  description: string;
  responsibilities: string;
}

/** A search row's text as `searchTextOf` builds it, or undefined when there is no row. */
function storedSearchText(row: SearchRow | undefined): string | undefined {
  return row && [row.title, row.description, row.responsibilities].join(SEARCH_COLUMN_SEPARATOR);
}

/** The search row's title, description and responsibilities columns, joined. */
function searchTextOf(role: ReconciledRole): string {
  return [
    [role.title, ...role.aliases.map((a) => a.alias)].join('\n'),
    (role.values.description as string | null) ?? '',
    role.responsibilities.join('\n'),
  ].join(SEARCH_COLUMN_SEPARATOR);
}

function storeFailure(error: unknown): string {
  return `rolepages could not store it: ${describeStoreFailure(error)}`;
}

/**
 * The search row of a role, derived from its key alone so that it is the same whatever order
 * the roles were created in (60 bits of a hash: no collision in any realistic number of roles).
 */
function searchRowId(key: string): bigint {
  return BigInt(`0x${createHash('sha256').update(key).digest('hex').slice(0, 15)}`);
}

function prepare(db: Db) {
  const clear = (table: string) => db.prepare(`DELETE FROM ${table} WHERE role_key = ?`);
  return {
    pageBySha: db.prepare('SELECT id FROM pages WHERE sha256 = ?'),
    pagesByPath: db.prepare('SELECT id, sha256, role_a, role_b FROM pages WHERE path = ?'),
    deletePage: db.prepare('DELETE FROM pages WHERE id = ?'),
    insertPage: db.prepare(
      `INSERT INTO pages (path, sha256, url, format, layout, role_a, role_b, ingested_at)
       VALUES (@path, @sha256, @url, @format, @layout, @role_a, @role_b, @ingested_at)`,
    ),
    insertWarning: db.prepare(
      'INSERT INTO page_warnings (page_id, role_key, field, message, candidates, splits) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    upsertRole: db.prepare(
      `INSERT INTO roles (key, title, yearly_salary, hourly_rate, growth_rate, number_of_jobs, job_satisfaction,
         degree, degree_pct, average_age, years_of_experience, salary_min, salary_max, highest_paying_city,
         highest_paying_state, best_paying_company, best_paying_industry, major, college, male_pct, female_pct,
         lgbt_pct, description, page_count, time_to_become, top_skills)
       VALUES (@key, @title, @yearly_salary, @hourly_rate, @growth_rate, @number_of_jobs, @job_satisfaction,
         @degree, @degree_pct, @average_age, @years_of_experience, @salary_min, @salary_max, @highest_paying_city,
         @highest_paying_state, @best_paying_company, @best_paying_industry, @major, @college, @male_pct, @female_pct,
         @lgbt_pct, @description, @page_count, @time_to_become, @top_skills)
       ON CONFLICT (key) DO UPDATE SET title = excluded.title, yearly_salary = excluded.yearly_salary,
         hourly_rate = excluded.hourly_rate, growth_rate = excluded.growth_rate, number_of_jobs = excluded.number_of_jobs,
         job_satisfaction = excluded.job_satisfaction, degree = excluded.degree, degree_pct = excluded.degree_pct,
         average_age = excluded.average_age, years_of_experience = excluded.years_of_experience,
         salary_min = excluded.salary_min, salary_max = excluded.salary_max,
         highest_paying_city = excluded.highest_paying_city, highest_paying_state = excluded.highest_paying_state,
         best_paying_company = excluded.best_paying_company, best_paying_industry = excluded.best_paying_industry,
         major = excluded.major, college = excluded.college, male_pct = excluded.male_pct,
         female_pct = excluded.female_pct, lgbt_pct = excluded.lgbt_pct, description = excluded.description,
         page_count = excluded.page_count, time_to_become = excluded.time_to_become, top_skills = excluded.top_skills`,
    ),
    deleteRole: db.prepare('DELETE FROM roles WHERE key = ?'),
    clear: {
      role_skills: clear('role_skills'),
      role_responsibilities: clear('role_responsibilities'),
      role_race: clear('role_race'),
      role_aliases: clear('role_aliases'),
      conflicts: clear('conflicts'),
    },
    insert: {
      role_skills: db.prepare('INSERT INTO role_skills (role_key, name, pct, page_count) VALUES (?, ?, ?, ?)'),
      role_responsibilities: db.prepare('INSERT INTO role_responsibilities (role_key, position, text) VALUES (?, ?, ?)'),
      role_race: db.prepare('INSERT INTO role_race (role_key, group_name, pct) VALUES (?, ?, ?)'),
      role_aliases: db.prepare('INSERT OR IGNORE INTO role_aliases (role_key, alias, kind) VALUES (?, ?, ?)'),
      conflicts: db.prepare('INSERT INTO conflicts (role_key, field, value, page_count, chosen) VALUES (?, ?, ?, ?, ?)'),
    },
    roleExists: db.prepare('SELECT 1 FROM roles WHERE key = ?'),
    markPending: db.prepare('INSERT OR IGNORE INTO pending_roles (role_key) VALUES (?)'),
    unmarkPending: db.prepare('DELETE FROM pending_roles WHERE role_key = ?'),
    pendingKeys: db.prepare('SELECT role_key FROM pending_roles ORDER BY role_key LIMIT ?'),
    allPendingKeys: db.prepare('SELECT role_key FROM pending_roles ORDER BY role_key'),
    pendingWithPartners: db.prepare(
      `SELECT k.role_key AS key,
              (SELECT COUNT(*) FROM pages WHERE role_a = k.role_key) + (SELECT COUNT(*) FROM pages WHERE role_b = k.role_key) AS pageSides
         FROM (SELECT role_key FROM pending_roles
               UNION
               SELECT CASE WHEN p.role_a = w.role_key THEN p.role_b ELSE p.role_a END
                 FROM pending_roles r
                 JOIN page_warnings w ON w.role_key = r.role_key AND w.splits IS NOT NULL
                 JOIN pages p ON p.id = w.page_id) k
        ORDER BY 1`,
    ),
    pendingCount: db.prepare('SELECT COUNT(*) AS n FROM pending_roles'),
    resolveWarning: db.prepare('UPDATE page_warnings SET resolved = ? WHERE page_id = ? AND role_key = ? AND field = ?'),
    deleteSearch: db.prepare('DELETE FROM role_search WHERE rowid = ?'),
    searchRow: db.prepare('SELECT title, description, responsibilities FROM role_search WHERE rowid = ?'),
    insertSearch: db.prepare(
      'INSERT INTO role_search (rowid, role_key, title, description, responsibilities) VALUES (?, ?, ?, ?, ?)',
    ),
    counts: db.prepare(
      `SELECT (SELECT COUNT(*) FROM pages) AS pages, (SELECT COUNT(*) FROM roles) AS roles,
              (SELECT COUNT(*) FROM (SELECT DISTINCT role_key, field FROM conflicts)) AS conflicts`,
    ),
  };
}
