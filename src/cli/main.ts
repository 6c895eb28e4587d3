#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { registerCheck } from './commands/check.js';
import { registerExtract } from './commands/extract.js';
import { registerExport } from './commands/export.js';
import { registerIngest } from './commands/ingest.js';
import { registerQuery } from './commands/query.js';
import { registerRoles } from './commands/roles.js';
import { registerShow } from './commands/show.js';
import { registerReport } from './commands/report.js';
import { endQuietlyWhenStdoutCloses } from './commands/output.js';

endQuietlyWhenStdoutCloses();

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * The rolepages command line. Thin by design: each command lives in `commands/` and only wires
 * the read → extract → reconcile → store stages together.
 */
const program = new Command('rolepages')
  .description('Turn saved career-comparison pages into one reconciled SQLite database of job roles.')
  .version(version, '-V, --version', 'print the version of rolepages')
  .showHelpAfterError('see `rolepages --help`')
  // The contract gives bad usage exit status 2 for every command.
  .exitOverride((err: CommanderError) => {
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') process.exit(0);
    process.exit(2);
  });

registerExtract(program);
registerCheck(program);
registerIngest(program);
registerQuery(program);
registerRoles(program);
registerShow(program);
registerExport(program);
registerReport(program);

// A usage error is its one line and where to read more, not the whole help.
for (const command of program.commands) command.showHelpAfterError(`see \`rolepages ${command.name()} --help\``);

await program.parseAsync(process.argv);
