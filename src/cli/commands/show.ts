import { dirname, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { printable } from '../../printable.js';
import { fieldLabel } from '../../schema/roleFields.js';
import { readRole, type ObservedValue, type RoleReport } from '../../store/readRole.js';
import { plural } from '../../words.js';
import { DEFAULT_DB } from './defaults.js';
import { formatOption } from './output.js';
import { fail, withReadOnlyDb } from './readOnly.js';

export function registerShow(program: Command): void {
  program
    .command('show')
    .description('one role: each value with the captures that gave it, its conflicts and aliases')
    .argument('<key>', 'the role key, e.g. collections-coordinator (see "rolepages roles")')
    .option('--db <file>', 'the SQLite database to read', DEFAULT_DB)
    .addOption(formatOption(['table', 'json'], 'table'))
    .action((key: string, options: { db: string; format: 'table' | 'json' }) =>
      withReadOnlyDb('show', options.db, (db) => {
        const report = readRole(db, key);
        if (!report) {
          fail('show', `no role with key "${printable(key)}" in ${printable(options.db)}; "rolepages roles" lists them`, 1);
          return;
        }
        process.stdout.write(options.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : renderRole(report, options.db));
      }),
    );
}

/** Text values are cut to this many characters; `--format json` gives them whole. */
const MAX_VALUE = 100;
/** Paths listed for one value or warning; `--format json` gives them all. */
const MAX_PATHS = 3;

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
    if (valueCount === 1 && v.captures === r.captures) return `all ${pagesAndCaptures(v.pages, v.captures)}`;
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
  for (const f of r.fields) {
    f.values.forEach((v, i) => {
      const label = (i === 0 ? fieldLabel(f.field) : '').padEnd(width);
      out.push(`  ${label}  ${cut(JSON.stringify(v.value))}  (${whoShowed(v, f.values.length)})`);
    });
  }

  out.push('', 'Conflicts:');
  if (r.conflicts.length === 0) out.push('  none: the pages agree on every field');
  for (const c of r.conflicts) {
    out.push(`  ${fieldLabel(c.field)}: ${cut(JSON.stringify(c.value))} on ${plural(c.page_count, 'page')}${c.chosen ? ' (kept)' : ''}`);
  }

  out.push('', 'Aliases:');
  if (r.aliases.length === 0) out.push('  none');
  for (const a of r.aliases) out.push(`  ${a.alias} (${a.kind})`);

  if (r.skills.length > 0) {
    out.push('', 'Skills:');
    for (const s of r.skills) out.push(`  ${s.name}, ${s.pct ?? '-'}% (${plural(s.page_count, 'page')})`);
  }
  if (r.responsibilities.length > 0) {
    out.push('', 'Responsibilities:');
    for (const text of r.responsibilities) out.push(`  - ${cut(text)}`);
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
