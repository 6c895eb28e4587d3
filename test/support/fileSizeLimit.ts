import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

/**
 * Runs the built CLI with files limited to `kib` KiB (`ulimit -f`): a write past the limit fails
 * with EFBIG as one past a full disk fails with ENOSPC, without a disk to fill.
 */
export function runWithFileSizeLimit(kib: number, ...args: string[]): SpawnSyncReturns<string> {
  return spawnSync('bash', ['-c', `ulimit -f ${kib} && exec "$0" "$@"`, process.execPath, CLI, ...args], { encoding: 'utf8' });
}
