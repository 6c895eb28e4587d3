import { basename, extname } from 'node:path';
import { type Command, Option } from 'commander';
import { streamFileAtomically } from '../../files/writeFileAtomically.js';
import { datasetteMetadata } from '../../store/datasetteMetadata.js';
import { printable } from '../../printable.js';
import { DEFAULT_DB } from './defaults.js';
import { OUTPUT_FORMATS, writeRows, type OutputFormat, type Row } from './output.js';
import { fail, withReadOnlyDb } from './readOnly.js';

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('write a whole table or view on stdout, row by row, or the database\'s Datasette metadata')
    .addOption(
      new Option('--format <format>', 'output format: table (aligned), csv, json (one array), jsonl (one object a line), or datasette (a metadata.json)')
        .choices([...OUTPUT_FORMATS, 'datasette'])
        .default('csv'),
    )
    .option('--table <name>', 'the table or view to export', 'roles')
    .option('--db <file>', 'the SQLite database to read', DEFAULT_DB)
    .option('--out <file>', 'write to this file, replaced whole or not at all, instead of stdout')
    .action((options: { db: string; format: OutputFormat | 'datasette'; table: string; out?: string }) =>
      withReadOnlyDb('export', options.db, async (db) => {
        const write = async (fill: (out: NodeJS.WritableStream) => Promise<unknown>): Promise<void> => {
          if (options.out === undefined) {
            await fill(process.stdout);
            return;
          }
          try {
            await streamFileAtomically(options.out, fill);
          } catch (error) {
            const { code, syscall } = error as NodeJS.ErrnoException;
            // Only the file system's refusals are the file's; anything else is not about writing.
            if (syscall === undefined) throw error;
            fail('export', `${printable(options.out)}: cannot write the export (${code}), so the file is as it was; free some space or choose another --out`);
          }
        };
        if (options.format === 'datasette') {
          // Datasette names a database by its file name without the extension.
          const metadata = `${JSON.stringify(datasetteMetadata(basename(options.db, extname(options.db))), null, 2)}\n`;
          await write(async (out) => out.write(metadata));
          return;
        }
        const known = (
          db
            .prepare(
              `SELECT name FROM sqlite_schema WHERE type IN ('table', 'view')
               AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'role_search_%' ORDER BY name`,
            )
            .all() as Array<{ name: string }>
        ).map((r) => r.name);
        if (!known.includes(options.table)) {
          fail('export', `no table or view named "${printable(options.table)}"; choose one of: ${known.join(', ')}`);
          return;
        }
        // The name was checked against the schema above, so quoting it is enough.
        const statement = db.prepare(`SELECT * FROM "${options.table}"`);
        const columns = statement.columns().map((c) => c.name);
        const format = options.format;
        await write((out) => writeRows(statement.iterate() as IterableIterator<Row>, columns, format, out));
      }),
    );
}
