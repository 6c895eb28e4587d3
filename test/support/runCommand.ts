import { Command, CommanderError } from 'commander';
import { commandOutput } from './commandOutput.js';

/**
 * Runs one command as the CLI registers it (its options, defaults and action), in this process:
 * `runCommand(registerRoles, 'roles', '--db', db)`. Bad usage is commander's line on stderr and
 * status 2, as main.ts makes it (main.ts adds the line naming the command's --help).
 */
export function runCommand(register: (program: Command) => void, ...args: string[]): ReturnType<typeof commandOutput> {
  return commandOutput(async () => {
    const program = new Command('rolepages').exitOverride();
    register(program);
    try {
      await program.parseAsync(args, { from: 'user' });
    } catch (error) {
      if (!(error instanceof CommanderError)) throw error;
      process.exitCode = 2;
    }
  });
}
