import type { Command } from 'commander';
import { COMMAND_HELP } from '../commandHelp.js';
import { dbOption } from './defaults.js';
import { formatOption, OUTPUT_FORMATS, writeRows, type OutputFormat, type Row } from './output.js';
import { withReadOnlyDb } from './readOnly.js';

export function registerRoles(program: Command): void {
  program
    .command('roles')
    .description(COMMAND_HELP.roles.description)
    .addOption(dbOption())
    .addOption(formatOption(OUTPUT_FORMATS, 'table'))
    .action((options: { db: string; format: OutputFormat }) =>
      withReadOnlyDb('roles', options.db, async (db) => {
        const statement = db.prepare(
          `SELECT key, title, page_count, conflicting_fields, yearly_salary, number_of_jobs
           FROM role_overview ORDER BY key`,
        );
        const columns = statement.columns().map((c) => c.name);
        await writeRows(statement.iterate() as IterableIterator<Row>, columns, options.format);
      }),
    );
}
