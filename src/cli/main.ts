#!/usr/bin/env node
import { readFileSync, writeSync } from 'node:fs';
import { COMMANDS, commandEntry } from './commandList.js';

/**
 * The rolepages command line. Thin by design: each command lives in `commands/` and only wires
 * the read → extract → reconcile → store stages together.
 *
 * It starts with nothing loaded: a command's module (and the reader, the store or the report
 * behind it) is imported only when that command runs, and `--version` needs only package.json.
 */
const DESCRIPTION = 'Turn saved career-comparison pages into one reconciled SQLite database of job roles.';

const version = (): string =>
  (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** Runs the command line on `argv` (as `process.argv`: node and the script first). */
async function main(argv: readonly string[]): Promise<void> {
  const args = argv.slice(2);
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
    // Written directly, as nothing else is loaded: a reader that closed the pipe gets nothing, quietly.
    try {
      writeSync(1, `${version()}\n`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EPIPE') throw error;
    }
    return;
  }
  // `rolepages extract …` and `rolepages help extract` need that command; anything else (the
  // help, a typo) needs only the names and descriptions, which stand in for the commands.
  const named = args[0] === 'help' ? args[1] : args[0];
  (await import('./commands/output.js')).endQuietlyWhenStdoutCloses(named !== undefined && !named.startsWith('-') ? named : '');
  const { Command, Help } = await import('commander');
  const program = new Command('rolepages')
    .description(DESCRIPTION)
    .version(version(), '-V, --version', 'print the version of rolepages')
    .showHelpAfterError('see `rolepages --help`')
    // Bad usage exits with status 2 on every command, as scripts expect.
    .exitOverride((err) => {
      // `rolepages help` and `rolepages help show` are asked-for help, as `--help` is.
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.help' || err.code === 'commander.version') process.exit(0);
      process.exit(2);
    });

  const entry = named === undefined ? undefined : commandEntry(named);
  if (entry !== undefined) {
    (await entry.load())(program);
  } else {
    for (const [name, { description }] of Object.entries(COMMANDS)) program.command(name).description(description);
    const standard = new Help();
    program.configureHelp({ subcommandTerm: (command) => commandEntry(command.name())?.term ?? standard.subcommandTerm(command) });
  }
  // A usage error is its one line and where to read more, not the whole help.
  for (const command of program.commands) command.showHelpAfterError(`see \`rolepages ${command.name()} --help\``);
  await program.parseAsync(argv as string[]);
}

await main(process.argv);
