import { Command } from 'commander';
import { vi } from 'vitest';

/**
 * Runs one command's registration as main.ts wires it, in this process: what it wrote on stdout
 * and stderr, and the exit status it set. Usage errors throw (commander's exitOverride).
 */
export async function runCommand(register: (program: Command) => void, ...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  return runCommandWith({}, register, ...args);
}

/** As `runCommand`, with stdout failing with `stdoutError` on its first write (a full disk). */
export async function runCommandWith(
  { stdoutError }: { stdoutError?: NodeJS.ErrnoException },
  register: (program: Command) => void,
  ...args: string[]
): Promise<{ status: number; stdout: string; stderr: string }> {
  const program = new Command('rolepages').exitOverride();
  register(program);
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    if (stdoutError) queueMicrotask(() => process.stdout.emit('error', stdoutError));
    else stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
  process.exitCode = 0;
  try {
    await program.parseAsync(args, { from: 'user' });
    return { status: Number(process.exitCode ?? 0), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
    process.exitCode = 0;
  }
}
