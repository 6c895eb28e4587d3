import { relative } from 'node:path';
import { Option, type Command } from 'commander';
import { readRole, type RoleReport } from '../../store/readRole.js';
import { DEFAULT_DB } from './ingest.js';
import { fail, withReadOnlyDb } from './readOnly.js';

export function registerShow(program: Command): void {
  program
    .command('show')
    .description('one role: each value with the pages that gave it, its conflicts and aliases')
    .argument('<key>', 'the role key, e.g. collections-coordinator (see "rolepages roles")')
    .option('--db <file>', 'the SQLite database to read', DEFAULT_DB)
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((key: string, options: { db: string; format: 'text' | 'json' }) => {
      withReadOnlyDb('show', options.db, (db) => {
        const report = readRole(db, key);
        if (!report) {
          fail('show', `no role with key "${key}" in ${options.db}; "rolepages roles" lists them`, 1);
          return;
        }
        process.stdout.write(options.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : renderRole(report));
      });
    });
}

const MAX_VALUE = 100;

export function renderRole(r: RoleReport): string {
  const out: string[] = [];
  const pages = (paths: string[]) => paths.map(displayPath).join(', ');
  out.push(`${String(r.role.title)} (${String(r.role.key)}), seen on ${String(r.role.page_count)} page(s)`);

  out.push('', 'Values, each with the pages that showed it:');
  const width = r.values.reduce((widest, v) => Math.max(widest, v.field.length), 0);
  for (const v of r.values) out.push(`  ${v.field.padEnd(width)}  ${cut(v.value)}  [${pages(v.pages)}]`);

  out.push('', 'Conflicts:');
  if (r.conflicts.length === 0) out.push('  none: the pages agree on every field');
  for (const c of r.conflicts) {
    out.push(`  ${c.field}: ${cut(c.value)} on ${c.page_count} page(s)${c.chosen ? ' (kept)' : ''}`);
  }

  out.push('', 'Aliases:');
  if (r.aliases.length === 0) out.push('  none');
  for (const a of r.aliases) out.push(`  ${a.alias} (${a.kind})`);

  if (r.skills.length > 0) {
    out.push('', 'Skills:');
    for (const s of r.skills) out.push(`  ${s.name}, ${s.pct ?? '-'}% (${s.page_count} page(s))`);
  }
  if (r.responsibilities.length > 0) {
    out.push('', 'Responsibilities:');
    for (const text of r.responsibilities) out.push(`  - ${cut(text)}`);
  }
  if (r.warnings.length > 0) {
    out.push('', 'Warnings from the pages:');
    for (const w of r.warnings) {
      out.push(`  ${displayPath(w.path)}: ${w.field}: ${w.message}${w.resolved ? ' (resolved by the other pages)' : ''}`);
    }
  }
  return `${out.join('\n')}\n`;
}

function cut(text: string): string {
  const line = text.replace(/\s+/g, ' ');
  return line.length > MAX_VALUE ? `${line.slice(0, MAX_VALUE - 1)}…` : line;
}

/** Stored paths are absolute; below the working directory they read better relative. */
function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}
