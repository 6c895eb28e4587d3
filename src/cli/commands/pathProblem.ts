import { printable } from '../../printable.js';

const REASONS: Record<string, string> = {
  ENOENT: 'no such file or folder; check the path',
  ENOTDIR: 'not a folder; name the folder that holds the saved pages',
  EACCES: 'cannot be read (permission denied); check its permissions',
  EPERM: 'cannot be read (operation not permitted); check its permissions',
  ELOOP: 'cannot be read (a loop of symbolic links); check the path',
};

/**
 * One line for a file or folder named on the command line that cannot be used: the path, safe to
 * print, what is wrong and what to do. Undefined for an error that is not about the path.
 */
export function pathProblem(path: string, error: unknown): string | undefined {
  const code: unknown = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('E')) return undefined;
  return `${printable(path)}: ${REASONS[code] ?? `cannot be read (${code}); check the path`}`;
}
