import { dirname, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { printable } from '../../printable.js';
import { fieldLabel, ROLE_FIELDS } from '../../schema/roleFields.js';
import type { Db } from '../../store/openDatabase.js';
import { readRole, type ObservedValue, type RoleReport } from '../../store/readRole.js';
import { plural } from '../../words.js';
import { COMMAND_HELP } from '../commandHelp.js';
import { dbOption } from './defaults.js';
import { formatOption } from './output.js';
import { withReadOnlyDb } from './readOnly.js';
import { fail } from './userError.js';

export function registerShow(program: Command): void {
  program
    .command('show')
    .description(COMMAND_HELP.show.description)
    .argument('<role>', 'the role key (collections-coordinator), its title (Collections Coordinator) or one of its aliases; "rolepages roles" lists them')
    .addOption(dbOption())
    .addOption(formatOption(['table', 'json'], 'table'))
    .action((role: string, options: { db: string; format: 'table' | 'json' }) =>
      withReadOnlyDb('show', options.db, (db) => {
        const keys = keysNamed(db, role);
        if (keys.length !== 1) {
          const which = keys.length === 0 ? 'no role' : `${keys.length} roles (${keys.join(', ')})`;
          fail('show', `${which} with key, title or alias "${printable(role)}" in ${printable(options.db)}; "rolepages roles" lists them`, 1);
          return;
        }
        const report = readRole(db, keys[0]!)!;
        process.stdout.write(options.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : renderRole(report, options.db));
      }),
    );
}

/**
 * The roles a name given to `show` stands for: the key itself; else the roles whose title or
 * alias it is, letter case aside (the title is what `roles` prints beside the key).
 */
export function keysNamed(db: Db, name: string): string[] {
  if (db.prepare('SELECT 1 FROM roles WHERE key = ?').get(name) !== undefined) return [name];
  return db
    .prepare(
      `SELECT key FROM roles WHERE title = @name COLLATE NOCASE
       UNION SELECT role_key FROM role_aliases WHERE alias = @name COLLATE NOCASE
       ORDER BY 1`,
    )
    .pluck()
    .all({ name }) as string[];
}

/** Text values are cut to this many characters; `--format json` gives them whole. */
const MAX_VALUE = 100;
/** Paths listed for one value or warning; `--format json` gives them all. */
const MAX_PATHS = 3;
/** Items of a list (skills, responsibilities) shown; `--format json` gives them all. */
const MAX_ITEMS = 20;

/**
 * The role for people to read, the same size whatever the number of captures: a value every
 * capture agrees on says so with a count, and other values list a few of their captures. Paths
 * are stored relative to the database's folder (`db`) and shown relative to the working one.
 */
export function renderRole(r: RoleReport, db: string): string {
  const out: string[] = [];
  const shownPath = (path: string) => displayPath(resolve(dirname(db), path));
  const somePaths = (paths: readonly string[]): string => {
    const shown = paths.slice(0, MAX_PATHS).map(shownPath).join(', ');
    return paths.length > MAX_PATHS ? `${shown} and ${(paths.length - MAX_PATHS).toLocaleString('en-US')} more` : shown;
  };
  /** "all 3 pages (6 captures)" when every capture agrees; otherwise how many, and a few of them. */
  const whoShowed = (v: ObservedValue, valueCount: number): string => {
    if (valueCount === 1 && v.captures === r.captures) {
      return v.pages === 1 ? `its one page${v.captures === 1 ? '' : `, all ${plural(v.captures, 'capture')}`}` : `all ${pagesAndCaptures(v.pages, v.captures)}`;
    }
    // Captures of one page are ordered by their times: say when a time is only a file's.
    const fileTimed = v.fileTimed > 0 && r.captures > r.pages ? `; ${v.fileTimed === v.captures ? 'dated' : `${v.fileTimed} dated`} only by file modification time` : '';
    return `${pagesAndCaptures(v.pages, v.captures)}: ${somePaths(v.paths)}${fileTimed}`;
  };
  out.push(`${String(r.role.title)} (${String(r.role.key)}), seen on ${pagesAndCaptures(r.pages, r.captures)}`);
  const fileTimed = (r.timeSources.file ?? 0) + (r.timeSources.ingest ?? 0);
  if (fileTimed > 0 && r.captures > r.pages) {
    out.push(
      `Capture times: ${fileTimed === r.captures ? 'all' : `${fileTimed} of ${r.captures}`} from file modification times, which a copy changes; the newest capture of a page speaks for it`,
    );
  }

  out.push('', 'Values, each with the captures that showed it:');
  // The report's labels: "Yearly salary", not yearlySalary (the JSON keeps the field names).
  const width = r.fields.reduce((w, f) => Math.max(w, fieldLabel(f.field).length), 0);
  // A field shown with several values: the role keeps one of them, marked.
  const disagreeing: string[] = [];
  for (const f of r.fields) {
    const kept = f.values.length > 1 ? keptValue(r.role, f.field) : undefined;
    // A page counted under two values is a page whose captures disagree.
    if (f.values.reduce((n, v) => n + v.pages, 0) > r.pages) disagreeing.push(f.field);
    f.values.forEach((v, i) => {
      const label = (i === 0 ? fieldLabel(f.field) : '').padEnd(width);
      const mark = kept !== undefined && sameValue(v.value, kept) ? ' (kept)' : '';
      out.push(`  ${label}  ${cut(JSON.stringify(v.value))}  (${whoShowed(v, f.values.length)})${mark}`);
    });
  }

  out.push('', 'Conflicts:');
  const withinPages = disagreeing.filter((field) => !r.conflicts.some((c) => c.field === field));
  if (r.conflicts.length === 0 && withinPages.length === 0) out.push('  none: the pages agree on every field');
  if (withinPages.length > 0) {
    out.push(`  ${withinPages.map(fieldLabel).join(', ')}: captures of one page disagree; the page's newest capture is kept (marked above)`);
  }
  for (const c of r.conflicts) {
    out.push(`  ${fieldLabel(c.field)}: ${cut(JSON.stringify(c.value))} on ${plural(c.page_count, 'page')}${c.chosen ? ' (kept)' : ''}`);
  }

  out.push('', 'Aliases:');
  // The title is the role's name, not another spelling of it.
  const aliases = r.aliases.filter((a) => a.alias !== r.role.title);
  if (aliases.length === 0) out.push('  none');
  for (const a of aliases) out.push(`  ${a.alias} (${a.kind})`);

  if (r.skills.length > 0) {
    out.push('', 'Skills:');
    out.push(...firstItems(r.skills.map((s) => `  ${s.name}, ${s.pct ?? '-'}% (${plural(s.page_count, 'page')})`)));
  }
  if (r.responsibilities.length > 0) {
    out.push('', 'Responsibilities:');
    out.push(...firstItems(r.responsibilities.map((text) => `  - ${cut(text)}`)));
  }
  if (r.warnings.length > 0) {
    out.push('', 'Warnings from the pages:');
    for (const w of r.warnings) {
      const resolved = w.resolved ? ' (resolved by the other pages)' : '';
      out.push(`  ${fieldLabel(w.field)}: ${cut(w.message)}${resolved}; ${plural(w.paths.length, 'capture')}: ${somePaths(w.paths)}`);
    }
  }
  return `${out.join('\n')}\n`;
}

/** The first `MAX_ITEMS` lines of a list, and how many more there are. */
function firstItems(lines: readonly string[]): string[] {
  if (lines.length <= MAX_ITEMS) return [...lines];
  return [...lines.slice(0, MAX_ITEMS), `  … and ${(lines.length - MAX_ITEMS).toLocaleString('en-US')} more (--format json for all)`];
}

/**
 * The value the role keeps for a field, rebuilt from its `roles` columns (an object field from
 * one column per part); undefined for a field with no column.
 */
function keptValue(role: Record<string, unknown>, field: string): unknown {
  const columns = ROLE_FIELDS.find((f) => f.field === field)?.columns ?? [];
  if (columns.length === 0) return undefined;
  if (columns.length === 1 && columns[0]!.part === undefined) return role[columns[0]!.column] ?? null;
  return Object.fromEntries(columns.map((c) => [c.part ?? c.column, role[c.column] ?? null]));
}

/** Two values as JSON gives them, an object's keys in any order. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const ao = a as Record<string, unknown>;
    const bo = b as Record<string, unknown>;
    return Object.keys({ ...ao, ...bo }).every((k) => sameValue(ao[k] ?? null, bo[k] ?? null));
  }
  return a === b;
}

/** "3 pages (6 captures)", or "3 pages" when each page was saved once. */
function pagesAndCaptures(pages: number, captures: number): string {
  return captures === pages ? plural(pages, 'page') : `${plural(pages, 'page')} (${plural(captures, 'capture')})`;
}

function cut(text: string): string {
  const line = printable(text.replace(/\s+/g, ' '));
  return line.length > MAX_VALUE ? `${line.slice(0, MAX_VALUE - 1)}…` : line;
}

/** Below the working directory a path reads better relative. */
function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return printable(rel && !rel.startsWith('..') ? rel : path);
}
