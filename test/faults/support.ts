import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { Db } from '../../src/store/openDatabase.js';

/** The committed corpus (written by test/support/writeBadInputs.mjs). */
export const BAD_INPUTS = fileURLToPath(new URL('../bad-inputs/', import.meta.url));

/** The built CLI, as users run it (`npm test` builds first). */
const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

export function rolepages(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 120_000 });
}

/** `rolepages` without blocking, so that many runs can wait for their processes together. */
export function rolepagesAsync(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}

/** What `rolepages extract` makes of a file: its record, or the PageError it fails with. */
export { extractFile } from '../../src/extract/extractFile.js';

/** A copy of the corpus in a fresh folder, so a test can add what git cannot hold. */
export function corpusCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rolepages-bad-'));
  cpSync(BAD_INPUTS, dir, { recursive: true, verbatimSymlinks: true });
  return dir;
}

export function tempDir(prefix = 'rolepages-bad-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** The database is sound: SQLite's own checks find nothing. */
export function expectSound(db: Db): void {
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(db.pragma('foreign_key_check')).toEqual([]);
}
