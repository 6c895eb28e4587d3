import { Option, type Command } from 'commander';
import { writeFileAtomically, type WriteText } from '../../files/writeFileAtomically.js';
import type { Db } from '../../store/openDatabase.js';
import { DEFAULT_DB } from './ingest.js';
import { formatJsonLines, formatRows, type Row } from './output.js';
import { fail, withReadOnlyDb } from './readOnly.js';

type ExportFormat = 'csv' | 'jsonl';

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('write a whole table or view as CSV or JSON lines, on stdout or to a file')
    .addOption(new Option('--format <format>', 'output format').choices(['csv', 'jsonl']).makeOptionMandatory())
    .option('--table <name>', 'the table or view to export', 'roles')
    .option('--db <file>', 'the SQLite database to read', DEFAULT_DB)
    .option('--out <file>', 'write to this file, replaced whole or not at all, instead of stdout')
    .action((options: { db: string; format: ExportFormat; table: string; out?: string }) => {
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
        if (options.out === undefined) {
          writeTable(db, options.table, options.format, (text) => process.stdout.write(text));
          return;
        }
        const out = options.out;
        try {
          writeFileAtomically(out, (write) => writeTable(db, options.table, options.format, write));
        } catch (error) {
          const { code, syscall } = error as NodeJS.ErrnoException;
          // Only the file system's refusals are the file's; anything else is not about writing.
          if (syscall === undefined) throw error;
          fail('export', `${out}: cannot write the export (${code}), so the file is as it was; free some space or choose another --out`);
        }
      });
    });
}

/** The whole table in the format, row by row in batches: observations can outgrow memory as one string. */
function writeTable(db: Db, table: string, format: ExportFormat, write: WriteText): void {
  // The name was checked against the schema, so quoting it is enough.
  const statement = db.prepare(`SELECT * FROM "${table}"`);
  const columns = statement.columns().map((c) => c.name);
  let batch: Row[] = [];
  let first = true;
  const flush = () => {
    if (format === 'jsonl') {
      write(formatJsonLines(batch));
    } else {
      const text = formatRows(batch, columns, 'csv');
      // Every batch comes with the header line; only the first keeps it.
      write(first ? text : text.slice(text.indexOf('\r\n') + 2));
    }
    first = false;
    batch = [];
  };
  for (const row of statement.iterate() as IterableIterator<Row>) {
    batch.push(row);
    if (batch.length === 1000) flush();
  }
  if (batch.length > 0 || first) flush();
}
