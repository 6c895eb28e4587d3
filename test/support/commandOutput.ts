import { vi } from 'vitest';

/**
 * What a command's action writes and the status it sets, run in this process: the lines users
 * see, without the cost of starting the CLI. Each command keeps one test on the built CLI for its
 * wiring (flags, exit status).
 */
export async function commandOutput(run: () => void | Promise<void>): Promise<{ status: number; stdout: string; stderr: string }> {
  const seen = { stdout: '', stderr: '' };
  const before = process.exitCode;
  process.exitCode = undefined;
  const keep = (stream: 'stdout' | 'stderr') =>
    vi.spyOn(process[stream], 'write').mockImplementation((chunk: string | Uint8Array) => {
      seen[stream] += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      return true;
    });
  const stdout = keep('stdout');
  const stderr = keep('stderr');
  try {
    await run();
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
  const status = Number(process.exitCode ?? 0);
  process.exitCode = before;
  return { status, ...seen };
}
