import type { Command } from 'commander';
import { ReportError } from '../../report/reportError.js';
import { writeReport } from '../../report/writeReport.js';
import { printable } from '../../printable.js';
import { plural } from '../../words.js';
import { DEFAULT_DB } from './defaults.js';

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('write a self-contained HTML report of the roles database')
    .option('--db <file>', 'the roles database', DEFAULT_DB)
    .option('--out <file>', 'where to write the report', 'out/report.html')
    .action((options: { db: string; out: string }) => {
      try {
        const written = writeReport(options.db, options.out);
        process.stderr.write(
          `rolepages report: wrote ${printable(written.outPath)} (${plural(written.roles, 'role')}, ${(written.bytes / 1024).toFixed(0)} KiB)\n`,
        );
      } catch (error) {
        if (!(error instanceof ReportError)) throw error;
        process.stderr.write(`rolepages report: ${error.message}\n`);
        process.exitCode = 2;
      }
    });
}
