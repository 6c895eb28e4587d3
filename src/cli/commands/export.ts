import { Option, type Command } from 'commander';
import { DEFAULT_DB } from './ingest.js';
import { formatJsonLines, formatRows, type Row } from './output.js';
import { fail, withReadOnlyDb } from './readOnly.js';

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('write a whole table or view as CSV or JSON lines on stdout')
    .addOption(new Option('--format <format>', 'output format').choices(['csv', 'jsonl']).makeOptionMandatory())
    .option('--table <name>', 'the table or view to export', 'roles')
    .option('--db <file>', 'the SQLite database to read', DEFAULT_DB)
    .action((options: { db: string; format: 'csv' | 'jsonl'; table: string }) => {
      withReadOnlyDb('export', options.db, (db) => {
        const known = (
          db
            .prepare(
              `SELECT name FROM sqlite_schema WHERE type IN ('table', 'view')
               AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'role_search_%' ORDER BY name`,
            )
            .all() as Array<{ name: string }>
        ).map((r) => r.name);
        if (!known.includes(options.table)) {
          fail('export', `no table or view named "${options.table}"; choose one of: ${known.join(', ')}`);
          return;
        }
        // The name was checked against the schema above, so quoting it is enough.
        const statement = db.prepare(`SELECT * FROM "${options.table}"`);
        const columns = statement.columns().map((c) => c.name);
        // Row by row in batches: observations can outgrow memory as one string.
        let batch: Row[] = [];
        let first = true;
        const flush = () => {
          if (options.format === 'jsonl') {
            process.stdout.write(formatJsonLines(batch));
          } else {
            const text = formatRows(batch, columns, 'csv');
            // Every batch comes with the header line; only the first keeps it.
            process.stdout.write(first ? text : text.slice(text.indexOf('\r\n') + 2));
          }
          first = false;
          batch = [];
        };
        for (const row of statement.iterate() as IterableIterator<Row>) {
          batch.push(row);
          if (batch.length === 1000) flush();
        }
        if (batch.length > 0 || first) flush();
      });
    });
}
