import { Option, type Command } from 'commander';
import { DEFAULT_DB } from './ingest.js';
import { formatRows, OUTPUT_FORMATS, type OutputFormat, type Row } from './output.js';
import { fail, withReadOnlyDb } from './readOnly.js';

export function registerQuery(program: Command): void {
  program
    .command('query')
    .description('run SQL on the database opened read-only')
    .argument('<sql>', 'one SQL statement, e.g. "SELECT key, yearly_salary FROM roles ORDER BY yearly_salary DESC"')
    .option('--db <file>', 'the SQLite database to read', DEFAULT_DB)
    .addOption(new Option('--format <format>', 'output format').choices(OUTPUT_FORMATS).default('table'))
    .action((sql: string, options: { db: string; format: OutputFormat }) => {
      withReadOnlyDb('query', options.db, (db) => {
        try {
          const statement = db.prepare(sql);
          if (!statement.reader) {
            fail('query', `the statement returns no rows (the database is read-only here): ${oneLine(sql)}`);
            return;
          }
          const columns = statement.columns().map((c) => c.name);
          const rows = statement.all() as Row[];
          process.stdout.write(formatRows(rows, columns, options.format));
        } catch (error) {
          fail('query', `SQL error: ${(error as Error).message}`);
        }
      });
    });
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}
