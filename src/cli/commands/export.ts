import { statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { type Command, Option } from 'commander';
import { streamFileAtomically } from '../../files/writeFileAtomically.js';
import { datasetteMetadata } from '../../store/datasetteMetadata.js';
import { printable } from '../../printable.js';
import { COMMAND_HELP } from '../commandHelp.js';
import { dbOption } from './defaults.js';
import { OUTPUT_FORMATS, OutputError, writeRows, type OutputFormat, type Row } from './output.js';
import { withReadOnlyDb } from './readOnly.js';
import { fail, namesTheDatabase, outputHint } from './userError.js';

export function registerExport(program: Command): void {
  program
    .command('export')
    .description(COMMAND_HELP.export.description)
    .addOption(
      new Option('--format <format>', 'output format: table (aligned), csv, json (one array), jsonl (one object a line), or datasette (a metadata.json)')
        .choices([...OUTPUT_FORMATS, 'datasette'])
        .default('csv'),
    )
    .option('--table <name>', 'the table or view to export', 'roles')
    .addOption(dbOption())
    .option('--out <file>', 'write to this file, replaced whole or not at all, instead of stdout')
    .action((options: { db: string; format: OutputFormat | 'datasette'; table: string; out?: string }) => {
      const out = options.out;
      if (out !== undefined) {
        // Said before the database is opened, so that nothing at all is written.
        const refusal = namesTheDatabase(out, options.db) ?? (isDirectory(out) ? `${printable(out)}: is a directory; name a file to write to` : undefined);
        if (refusal !== undefined) return fail('export', refusal);
      }
      return withReadOnlyDb('export', options.db, async (db) => {
        const write = async (fill: (stream: NodeJS.WritableStream) => Promise<unknown>): Promise<void> => {
          if (out === undefined) {
            await fill(process.stdout);
            return;
          }
          try {
            await streamFileAtomically(out, fill);
          } catch (error) {
            const cause = error instanceof OutputError ? error.cause : (error as NodeJS.ErrnoException);
            // Only the file system's refusals are the file's; anything else is not about writing.
            if (cause.syscall === undefined) throw error;
            fail('export', `${printable(out)}: cannot write the export (${cause.code ?? cause.message}), so the file is as it was; ${outputHint(cause.code)}`);
          }
        };
        if (options.format === 'datasette') {
          // Datasette names a database by its file name without the extension.
          const metadata = `${JSON.stringify(datasetteMetadata(basename(options.db, extname(options.db))), null, 2)}\n`;
          await write(async (stream) => stream.write(metadata));
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
        const rows = statement.iterate() as IterableIterator<Row>;
        try {
          await write((stream) => writeRows(rows, columns, format, stream));
        } finally {
          // A write that failed midway leaves the statement open, and the connection could not close.
          rows.return?.();
        }
      });
    });
}

function isDirectory(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
}
