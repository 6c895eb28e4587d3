#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { registerCheck } from './commands/check.js';
import { registerExtract } from './commands/extract.js';
import { registerExport } from './commands/export.js';
import { registerIngest } from './commands/ingest.js';
import { registerQuery } from './commands/query.js';
import { registerRoles } from './commands/roles.js';
import { registerShow } from './commands/show.js';
import { registerReport } from './commands/report.js';

/**
 * The rolepages command line. Thin by design: each command lives in `commands/` and only wires
 * the read → extract → reconcile → store stages together.
 */
const program = new Command('rolepages')
  .description('Turn saved career-comparison pages into one reconciled SQLite database of job roles.')
  .showHelpAfterError()
  // Bad usage exits with status 2 on every command, as scripts expect.
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

await program.parseAsync(process.argv);
