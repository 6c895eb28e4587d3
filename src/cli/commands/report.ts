import type { Command } from 'commander';
import { ReportError } from '../../report/reportError.js';
import { writeReport } from '../../report/writeReport.js';
import { printable } from '../../printable.js';
import { plural } from '../../words.js';
import { COMMAND_HELP } from '../commandHelp.js';
import { dbOption } from './defaults.js';
import { withReadOnlyDb } from './readOnly.js';
import { advice, fail, namesTheDatabase, outputHint, say } from './userError.js';

export function registerReport(program: Command): void {
  program
    .command('report')
    .description(COMMAND_HELP.report.description)
    .addOption(dbOption())
    .option('--out <file>', 'where to write the report', 'out/report.html')
    .action((options: { db: string; out: string }) => {
      const refusal = namesTheDatabase(options.out, options.db);
      if (refusal !== undefined) return fail('report', refusal);
      // Opened first the way every reading command opens it: a database this rolepages cannot
      // read is the same line here as for show or query.
      return withReadOnlyDb('report', options.db, () => {
        try {
          const written = writeReport(options.db, options.out);
          say('report', `wrote ${printable(written.outPath)} (${plural(written.roles, 'role')}, ${(written.bytes / 1024).toFixed(0)} KiB)`);
        } catch (error) {
          if (!(error instanceof ReportError)) throw error;
          fail('report', reportAdvice(error));
        }
      });
    });
}

/** The report's reason with what to type about it. */
function reportAdvice(error: ReportError): string {
  if (error.code === 'unreadable-database') return advice(error.cause) ?? `${error.message}; check the --db path (is it a rolepages database?)`;
  return `${error.message}; ${outputHint((error.cause as NodeJS.ErrnoException | undefined)?.code)}`;
}
