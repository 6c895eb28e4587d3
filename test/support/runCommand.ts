import { Command } from 'commander';
import { commandOutput } from './commandOutput.js';

/**
 * Runs one command as the CLI registers it (its options, defaults and action), in this process:
 * `runCommand(registerRoles, 'roles', '--db', db)`. Commander's errors throw instead of exiting.
 */
export function runCommand(register: (program: Command) => void, ...args: string[]): ReturnType<typeof commandOutput> {
  return commandOutput(async () => {
    const program = new Command('rolepages').exitOverride();
    register(program);
    await program.parseAsync(args, { from: 'user' });
  });
}
