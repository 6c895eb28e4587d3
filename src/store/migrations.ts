import type { Database } from 'better-sqlite3';
import { databaseFolder, pageKeyOf, storedPath } from './capturePaths.js';
import { refillColumnDocs } from './columnDocs.js';
import { StoreError } from './storeError.js';

/**
 * The schema, as the list of steps that built it. A database records in `PRAGMA user_version`
 * how many steps it has had; opening it applies the rest in order, each in its own transaction.
 * Append a step to change the schema; never edit one that has shipped.
 */
export interface Migration {
  version: number;
  description: string;
  up: (db: Database) => void;
  /** Run with foreign keys off (SQLite's way to rebuild a table that others reference). */
  rebuildsTables?: boolean;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'pages, observations, reconciled roles, their lists, conflicts, aliases and search',
    up: (db) =>
      db.exec(`
        CREATE TABLE roles (
          key TEXT PRIMARY KEY,
          title TEXT NOT NULL,
          yearly_salary INTEGER,
          hourly_rate REAL,
          growth_rate REAL,
          number_of_jobs INTEGER,
          job_satisfaction REAL,
          degree TEXT,
          degree_pct REAL,
          average_age REAL,
          years_of_experience REAL,
          salary_min INTEGER,
          salary_max INTEGER,
          highest_paying_city TEXT,
          highest_paying_state TEXT,
          best_paying_company TEXT,
          best_paying_industry TEXT,
          major TEXT,
          college TEXT,
          male_pct REAL,
          female_pct REAL,
          lgbt_pct REAL,
          description TEXT,
          page_count INTEGER NOT NULL,
          time_to_become TEXT,
          top_skills TEXT -- JSON array, as the intro sentence names them
        ) STRICT;

        -- A page names its roles before they are reconciled within the same transaction, hence
        -- the deferred keys.
        CREATE TABLE pages (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          path TEXT NOT NULL,
          sha256 TEXT NOT NULL UNIQUE,
          url TEXT,
          format TEXT NOT NULL CHECK (format IN ('html', 'text')),
          layout TEXT NOT NULL CHECK (layout IN ('table', 'flat')),
          role_a TEXT NOT NULL REFERENCES roles(key) DEFERRABLE INITIALLY DEFERRED,
          role_b TEXT NOT NULL REFERENCES roles(key) DEFERRABLE INITIALLY DEFERRED,
          ingested_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX pages_path ON pages(path);
        CREATE INDEX pages_role_a ON pages(role_a);
        CREATE INDEX pages_role_b ON pages(role_b);

        CREATE TABLE observations (
          page_id INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
          role_key TEXT NOT NULL REFERENCES roles(key) DEFERRABLE INITIALLY DEFERRED,
          field TEXT NOT NULL,
          value TEXT NOT NULL CHECK (json_valid(value)),
          side INTEGER NOT NULL CHECK (side IN (0, 1)),
          PRIMARY KEY (page_id, side, field)
        ) STRICT;
        CREATE INDEX observations_role_field ON observations(role_key, field);

        CREATE TABLE conflicts (
          role_key TEXT NOT NULL REFERENCES roles(key) ON DELETE CASCADE,
          field TEXT NOT NULL,
          value TEXT NOT NULL,
          page_count INTEGER NOT NULL,
          chosen INTEGER NOT NULL CHECK (chosen IN (0, 1)),
          PRIMARY KEY (role_key, field, value)
        ) STRICT;
        CREATE INDEX conflicts_field ON conflicts(field);

        CREATE TABLE role_skills (
          role_key TEXT NOT NULL REFERENCES roles(key) ON DELETE CASCADE,
          name TEXT NOT NULL,
          pct REAL,
          page_count INTEGER NOT NULL,
          PRIMARY KEY (role_key, name)
        ) STRICT;
        CREATE INDEX role_skills_name ON role_skills(name COLLATE NOCASE);

        CREATE TABLE role_responsibilities (
          role_key TEXT NOT NULL REFERENCES roles(key) ON DELETE CASCADE,
          position INTEGER NOT NULL,
          text TEXT NOT NULL,
          PRIMARY KEY (role_key, position)
        ) STRICT;

        CREATE TABLE role_race (
          role_key TEXT NOT NULL REFERENCES roles(key) ON DELETE CASCADE,
          group_name TEXT NOT NULL,
          pct REAL NOT NULL,
          PRIMARY KEY (role_key, group_name)
        ) STRICT;

        CREATE TABLE role_aliases (
          role_key TEXT NOT NULL REFERENCES roles(key) ON DELETE CASCADE,
          alias TEXT NOT NULL,
          kind TEXT NOT NULL CHECK (kind IN ('spelling', 'plural')),
          PRIMARY KEY (role_key, alias, kind)
        ) STRICT;
        CREATE INDEX role_aliases_alias ON role_aliases(alias COLLATE NOCASE);

        CREATE TABLE page_warnings (
          page_id INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
          role_key TEXT, -- null when the warning concerns the whole page
          field TEXT NOT NULL,
          message TEXT NOT NULL,
          candidates TEXT CHECK (candidates IS NULL OR json_valid(candidates)),
          resolved INTEGER NOT NULL DEFAULT 0 CHECK (resolved IN (0, 1))
        ) STRICT;
        CREATE INDEX page_warnings_page ON page_warnings(page_id);
        CREATE INDEX page_warnings_role ON page_warnings(role_key, field);

        -- One row per role; kept in step with roles by the store, not by triggers, because a
        -- role's text is rebuilt whole on every reconciliation.
        CREATE VIRTUAL TABLE role_search USING fts5(
          role_key UNINDEXED, title, description, responsibilities,
          tokenize = 'porter unicode61'
        );

        CREATE VIEW role_overview AS
        SELECT r.key, r.title, r.page_count,
               (SELECT COUNT(DISTINCT c.field) FROM conflicts c WHERE c.role_key = r.key) AS conflicting_fields,
               r.yearly_salary, r.number_of_jobs
        FROM roles r;

        CREATE VIEW comparisons AS
        SELECT p.id AS page_id, p.path,
               p.role_a, ra.title AS title_a, sa.salary AS yearly_salary_a,
               p.role_b, rb.title AS title_b, sb.salary AS yearly_salary_b,
               sa.salary - sb.salary AS salary_difference
        FROM pages p
        JOIN roles ra ON ra.key = p.role_a
        JOIN roles rb ON rb.key = p.role_b
        LEFT JOIN (SELECT page_id, CAST(value AS INTEGER) AS salary FROM observations
                   WHERE side = 0 AND field = 'yearlySalary') sa ON sa.page_id = p.id
        LEFT JOIN (SELECT page_id, CAST(value AS INTEGER) AS salary FROM observations
                   WHERE side = 1 AND field = 'yearlySalary') sb ON sb.page_id = p.id;
      `),
  },
  {
    version: 2,
    description: 'page_warnings.splits: the joint splits of a glued row, to settle both roles at once',
    up: (db) =>
      db.exec(`
        ALTER TABLE page_warnings ADD COLUMN splits TEXT CHECK (splits IS NULL OR json_valid(splits));
      `),
  },
  {
    version: 3,
    description: 'roles whose pages changed and that are not yet reconciled again',
    up: (db) =>
      db.exec(`
        -- An ingest stores its pages first and reconciles their roles after, so a role stays
        -- here, durably, until it is reconciled: a run killed in between leaves the list for
        -- the next one.
        CREATE TABLE pending_roles (
          role_key TEXT PRIMARY KEY
        ) STRICT, WITHOUT ROWID;
      `),
  },
  {
    version: 4,
    description: 'page sides as JSON with observations as a view; captures grouped into pages; pages no longer wait for roles',
    rebuildsTables: true,
    up: (db) => {
      db.exec(`
        -- Pages are what was read and roles what was made of them: a page is stored before its
        -- roles are reconciled, so it no longer references them. SQLite changes a table's
        -- constraints only by building it anew, and the view that reads it with it.
        DROP VIEW comparisons;
        CREATE TABLE pages_new (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          path TEXT NOT NULL,
          sha256 TEXT NOT NULL UNIQUE,
          url TEXT,
          format TEXT NOT NULL CHECK (format IN ('html', 'text')),
          layout TEXT NOT NULL CHECK (layout IN ('table', 'flat')),
          role_a TEXT NOT NULL,
          role_b TEXT NOT NULL,
          ingested_at TEXT NOT NULL,
          -- The comparison this capture is of: captures with the same page_key are one page.
          page_key TEXT NOT NULL,
          -- When the capture was saved: the file's modification time.
          captured_at TEXT NOT NULL
        ) STRICT;
        INSERT INTO pages_new (id, path, sha256, url, format, layout, role_a, role_b, ingested_at, page_key, captured_at)
          SELECT id, path, sha256, url, format, layout, role_a, role_b, ingested_at, role_a || '-vs-' || role_b, ingested_at FROM pages;

        -- One row per page side, that side's facts as one JSON object; analysts still read them
        -- a value a row, through the observations view.
        CREATE TABLE page_sides (
          page_id INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
          side INTEGER NOT NULL CHECK (side IN (0, 1)),
          role_key TEXT NOT NULL,
          facts TEXT NOT NULL,
          PRIMARY KEY (page_id, side)
        ) STRICT;
        INSERT INTO page_sides (page_id, side, role_key, facts)
          SELECT page_id, side, role_key, json_group_object(field, json(value))
          FROM observations GROUP BY page_id, side, role_key;
        DROP TABLE observations;
        DROP TABLE pages;
        ALTER TABLE pages_new RENAME TO pages;
        CREATE INDEX pages_path ON pages(path);
        CREATE INDEX pages_role_a ON pages(role_a);
        CREATE INDEX pages_role_b ON pages(role_b);
        CREATE INDEX pages_page_key ON pages(page_key);
        CREATE INDEX page_sides_role ON page_sides(role_key);

        -- value as JSON text by the element's type: json_quote alone would quote an object
        -- whose JSON subtype a GROUP BY or ORDER BY has dropped.
        CREATE VIEW observations AS
        SELECT s.page_id, s.role_key, f.key AS field,
               CASE f.type WHEN 'object' THEN f.value WHEN 'array' THEN f.value WHEN 'true' THEN 'true'
                           WHEN 'false' THEN 'false' WHEN 'null' THEN 'null' ELSE json_quote(f.value) END AS value,
               s.side
        FROM page_sides s, json_each(s.facts) f;

        CREATE VIEW comparisons AS
        SELECT p.id AS page_id, p.path, p.page_key,
               p.role_a, ra.title AS title_a, sa.facts ->> 'yearlySalary' AS yearly_salary_a,
               p.role_b, rb.title AS title_b, sb.facts ->> 'yearlySalary' AS yearly_salary_b,
               (sa.facts ->> 'yearlySalary') - (sb.facts ->> 'yearlySalary') AS salary_difference
        FROM pages p
        JOIN roles ra ON ra.key = p.role_a
        JOIN roles rb ON rb.key = p.role_b
        LEFT JOIN page_sides sa ON sa.page_id = p.id AND sa.side = 0
        LEFT JOIN page_sides sb ON sb.page_id = p.id AND sb.side = 1;

        -- Every role is reconciled again under the rules of pages and captures.
        INSERT OR IGNORE INTO pending_roles (role_key) SELECT key FROM roles;
      `);
      // Without the files: a capture's time is when it was ingested, its path becomes relative
      // to the database's folder, and its page is known by its URL or its roles.
      const folder = databaseFolder(db);
      const update = db.prepare('UPDATE pages SET page_key = ?, path = ? WHERE id = ?');
      const rows = db.prepare('SELECT id, path, url, role_a, role_b FROM pages').all() as Array<{ id: number; path: string; url: string | null; role_a: string; role_b: string }>;
      for (const r of rows) update.run(pageKeyOf(r.url, r.role_a, r.role_b), storedPath(folder, r.path), r.id);
    },
  },
  {
    version: 5,
    description: 'columns: every public table and column documented, with its unit, in the database itself',
    up: (db) => {
      db.exec(`
        CREATE TABLE columns (
          table_name TEXT NOT NULL,
          column_name TEXT NOT NULL,
          field TEXT,
          unit TEXT,
          description TEXT NOT NULL,
          PRIMARY KEY (table_name, column_name)
        ) STRICT;
      `);
      refillColumnDocs(db);
    },
  },
  {
    version: 6,
    description: 'a capture is content at a time: the same bytes seen again later are a new capture; where each capture time came from',
    rebuildsTables: true,
    up: (db) => {
      db.exec(`
        -- The same content may be captured at several times (a re-crawl that finds January's
        -- page again in March), so the content's hash is no longer unique, its time with it is.
        -- SQLite drops a constraint only by building the table anew, and the view over it with it.
        DROP VIEW comparisons;
        CREATE TABLE pages_new (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          path TEXT NOT NULL,
          sha256 TEXT NOT NULL,
          url TEXT,
          format TEXT NOT NULL CHECK (format IN ('html', 'text')),
          layout TEXT NOT NULL CHECK (layout IN ('table', 'flat')),
          role_a TEXT NOT NULL,
          role_b TEXT NOT NULL,
          ingested_at TEXT NOT NULL,
          page_key TEXT NOT NULL,
          captured_at TEXT NOT NULL,
          -- Where captured_at came from: 'archive' (the WARC record's date), 'page' (the date the
          -- saved page states), 'file' (the file's modification time), 'ingest' (when it was
          -- stored: captures stored before rolepages kept capture times).
          time_source TEXT NOT NULL CHECK (time_source IN ('archive', 'page', 'file', 'ingest')),
          UNIQUE (sha256, captured_at)
        ) STRICT;
        INSERT INTO pages_new (id, path, sha256, url, format, layout, role_a, role_b, ingested_at, page_key, captured_at, time_source)
          SELECT id, path, sha256, url, format, layout, role_a, role_b, ingested_at, page_key, captured_at,
                 CASE WHEN captured_at = ingested_at THEN 'ingest' ELSE 'file' END
          FROM pages;
        DROP TABLE pages;
        ALTER TABLE pages_new RENAME TO pages;
        CREATE INDEX pages_path ON pages(path);
        CREATE INDEX pages_role_a ON pages(role_a);
        CREATE INDEX pages_role_b ON pages(role_b);
        CREATE INDEX pages_page_key ON pages(page_key);
        CREATE INDEX pages_url_time ON pages(url, captured_at);

        CREATE VIEW comparisons AS
        SELECT p.id AS page_id, p.path, p.page_key,
               p.role_a, ra.title AS title_a, sa.facts ->> 'yearlySalary' AS yearly_salary_a,
               p.role_b, rb.title AS title_b, sb.facts ->> 'yearlySalary' AS yearly_salary_b,
               (sa.facts ->> 'yearlySalary') - (sb.facts ->> 'yearlySalary') AS salary_difference
        FROM pages p
        JOIN roles ra ON ra.key = p.role_a
        JOIN roles rb ON rb.key = p.role_b
        LEFT JOIN page_sides sa ON sa.page_id = p.id AND sa.side = 0
        LEFT JOIN page_sides sb ON sb.page_id = p.id AND sb.side = 1;
      `);
      refillColumnDocs(db);
    },
  },
  {
    version: 7,
    description: 'changes: what the site changed between captures of a page',
    up: (db) => {
      db.exec(`
        -- Written with the role at each reconciliation, from its pages' captures in capture-time
        -- order: a table, since comparing every capture of every page on each read would not
        -- scale to a crawl repeated over a hundred thousand roles.
        CREATE TABLE changes (
          role_key TEXT NOT NULL REFERENCES roles(key) ON DELETE CASCADE,
          field TEXT NOT NULL,
          old_value TEXT NOT NULL CHECK (json_valid(old_value)),
          new_value TEXT NOT NULL CHECK (json_valid(new_value)),
          old_seen TEXT NOT NULL,
          new_seen TEXT NOT NULL,
          page_count INTEGER NOT NULL,
          PRIMARY KEY (role_key, field, old_value, new_value)
        ) STRICT;
        CREATE INDEX changes_new_seen ON changes(new_seen);

        -- The roles of pages already saved more than once get their changes from the next ingest.
        INSERT OR IGNORE INTO pending_roles (role_key)
          SELECT DISTINCT s.role_key FROM page_sides s JOIN pages p ON p.id = s.page_id
          WHERE p.page_key IN (SELECT page_key FROM pages GROUP BY page_key HAVING COUNT(*) > 1);
      `);
      refillColumnDocs(db);
    },
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/** Brings the database up to `SCHEMA_VERSION`. Throws when it was written by a newer rolepages. */
export function migrate(db: Database, file: string): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  refuseNewerSchema(current, file);
  for (const step of MIGRATIONS) {
    if (step.version <= current) continue;
    // Only outside a transaction does SQLite turn foreign keys off.
    if (step.rebuildsTables) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        // Read again under the write lock: another ingest opening the same new database may have
        // run this step while this one waited.
        if ((db.pragma('user_version', { simple: true }) as number) >= step.version) return;
        step.up(db);
        if (step.rebuildsTables && (db.pragma('foreign_key_check') as unknown[]).length > 0) throw new StoreError('migration-failed', file, `upgrading it to schema ${step.version} would break a reference; it was left as it was`, current);
        db.pragma(`user_version = ${step.version}`);
      }).immediate();
    } finally {
      if (step.rebuildsTables) db.pragma('foreign_keys = ON');
    }
  }
}

/** Throws when `version` (a database's `user_version`) was written by a newer rolepages than this one. */
export function refuseNewerSchema(version: number, file: string): void {
  if (version <= SCHEMA_VERSION) return;
  throw new StoreError('newer-schema', file, `the database has schema version ${version}, newer than this rolepages knows (${SCHEMA_VERSION})`, version);
}
