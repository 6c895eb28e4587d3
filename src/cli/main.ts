#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { endQuietlyWhenStdoutCloses } from './commands/output.js';

const named = process.argv[2];
endQuietlyWhenStdoutCloses(named !== undefined && !named.startsWith('-') ? named : '');

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * The rolepages command line. Thin by design: each command lives in `commands/` and only wires
 * the read → extract → reconcile → store stages together.
 */
const program = new Command('rolepages')
  .description('Turn saved career-comparison pages into one reconciled SQLite database of job roles.')
  .version(version, '-V, --version', 'print the version of rolepages')
  .showHelpAfterError('see `rolepages --help`')
  // Bad usage exits with status 2 on every command, as scripts expect.
  .exitOverride((err: CommanderError) => {
    // `rolepages help` and `rolepages help show` are asked-for help, as `--help` is.
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.help' || err.code === 'commander.version') process.exit(0);
    process.exit(2);
  });

/**
 * Each command's module, in the order the help lists them. Only the command named is loaded: the
 * reader and the ingest are slow to load, and `query` or `roles` need neither.
 */
const COMMANDS: Record<string, () => Promise<(program: Command) => void>> = {
  extract: async () => (await import('./commands/extract.js')).registerExtract,
  check: async () => (await import('./commands/check.js')).registerCheck,
  ingest: async () => (await import('./commands/ingest.js')).registerIngest,
  query: async () => (await import('./commands/query.js')).registerQuery,
  roles: async () => (await import('./commands/roles.js')).registerRoles,
  show: async () => (await import('./commands/show.js')).registerShow,
  changes: async () => (await import('./commands/changes.js')).registerChanges,
  export: async () => (await import('./commands/export.js')).registerExport,
  report: async () => (await import('./commands/report.js')).registerReport,
};
const load = named !== undefined && Object.hasOwn(COMMANDS, named) ? [COMMANDS[named]!] : Object.values(COMMANDS);
for (const register of await Promise.all(load.map((l) => l()))) register(program);

// A usage error is its one line and where to read more, not the whole help.
for (const command of program.commands) command.showHelpAfterError(`see \`rolepages ${command.name()} --help\``);

await program.parseAsync(process.argv);
