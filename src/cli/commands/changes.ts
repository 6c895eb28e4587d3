import { type Command } from 'commander';
import { printable } from '../../printable.js';
import { SCALAR_FIELDS } from '../../reconcile/reconcileRole.js';
import { fieldLabel } from '../../schema/roleFields.js';
import { CHANGE_COLUMNS, hasChanges, readChanges } from '../../store/readChanges.js';
import { COMMAND_HELP } from '../commandHelp.js';
import { dbOption } from './defaults.js';
import { formatOption, OUTPUT_FORMATS, writeRows, type OutputFormat, type Row } from './output.js';
import { withReadOnlyDb } from './readOnly.js';
import { fail } from './userError.js';

interface ChangesOptions {
  db: string;
  format: OutputFormat;
  role?: string;
  field?: string;
  since?: string;
}

export function registerChanges(program: Command): void {
  program
    .command('changes')
    .description(COMMAND_HELP.changes.description)
    .addOption(dbOption())
    .option('--role <key>', 'only this role (its key, e.g. collections-coordinator)')
    .option('--field <name>', 'only this field, by its name (numberOfJobs) or its label ("Number of jobs")')
    .option('--since <date>', 'only changes first seen on or after this ISO date (2026-03-01, or 2026-03-01T09:00:00Z)')
    .addOption(formatOption(OUTPUT_FORMATS, 'table'))
    .action(async (options: ChangesOptions) => {
      const since = options.since === undefined ? undefined : isoMoment(options.since);
      if (since === null) {
        fail('changes', `--since "${printable(options.since!)}" is not a date; give an ISO date such as 2026-03-01 or 2026-03-01T09:00:00Z`);
        return;
      }
      const field = options.field === undefined ? undefined : fieldNamed(options.field);
      if (field === null) {
        fail('changes', `--field "${printable(options.field!)}" is not a field changes are listed for; give one of ${SCALAR_FIELDS.join(', ')}`);
        return;
      }
      await withReadOnlyDb('changes', options.db, async (db) => {
        if (!hasChanges(db)) {
          const version = db.pragma('user_version', { simple: true }) as number;
          const file = printable(options.db);
          fail(
            'changes',
            `${file}: the database (schema version ${version}) has no changes table yet; run "rolepages ingest PATH --db ${file}" on its pages (or on an empty folder) to bring it up to date`,
          );
          return;
        }
        const rows = readChanges(db, { role: options.role, field, since });
        await writeRows(rows as IterableIterator<Row>, CHANGE_COLUMNS, options.format);
      });
    });
}

/**
 * An ISO date, or date and time, as the ISO 8601 UTC text `pages.captured_at` holds; a time
 * without a zone is UTC. Null when it is none, a day the calendar lacks (2026-02-30) included.
 */
export function isoMoment(text: string): string | null {
  const match = /^(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(Z|[+-]\d{2}:\d{2})?$/.exec(text);
  if (!match) return null;
  const [, day, time, zone] = match;
  if (Number.isNaN(Date.parse(`${day}T00:00:00Z`)) || new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) !== day) return null;
  const moment = Date.parse(`${day}${time ?? 'T00:00'}${zone ?? 'Z'}`);
  return Number.isNaN(moment) ? null : new Date(moment).toISOString();
}

/** A field changes are listed for, by its name or its label, in any case; null for any other. */
function fieldNamed(text: string): string | null {
  const wanted = text.trim().toLowerCase();
  return SCALAR_FIELDS.find((f) => f.toLowerCase() === wanted || fieldLabel(f).toLowerCase() === wanted) ?? null;
}
