import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { rolePool } from '../../src/bench/rolePool.js';
import { writeCorpus } from '../../src/bench/writeCorpus.js';

const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

/** Captures committed so far, read as an analyst would while the ingest runs. */
function storedCaptures(db: string): number {
  if (!existsSync(db)) return 0;
  try {
    const reader = new Database(db, { readonly: true });
    try {
      return reader.prepare('SELECT COUNT(*) FROM pages').pluck().get() as number;
    } finally {
      reader.close();
    }
  } catch {
    return 0;
  }
}

// That a run stopped so is finished by the same run again is tested on the library, in
// test/ingest/interrupt.test.ts.
describe('an ingest interrupted by a signal', () => {
  let pages: string;
  beforeAll(() => {
    pages = join(mkdtempSync(join(tmpdir(), 'rolepages-interrupt-')), 'pages');
    writeCorpus(pages, rolePool(400, 3), { pages: 600, shapes: ['tabular', 'flat'], seed: 8 });
  });

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s: stops after the batch in flight, says what was stored and exits %i', async (signal, status) => {
    const db = join(mkdtempSync(join(tmpdir(), 'rolepages-interrupt-')), 'roles.db');
    const child = spawn(process.execPath, [CLI, 'ingest', pages, '--db', db, '--batch-size', '10'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // 'close', not 'exit': the output is read whole by then.
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    while (storedCaptures(db) === 0) await new Promise((next) => setTimeout(next, 20));
    child.kill(signal);
    const code = await exited;

    const stored = storedCaptures(db);
    expect(code).toBe(status);
    expect(stored).toBeGreaterThan(0);
    expect(stored).toBeLessThan(600);
    expect(stderr).toMatch(new RegExp(`rolepages ingest: interrupted; [\\d,]+ files? stored; run the same command again to finish\\n`));
    expect(stderr).not.toContain('    at ');
    expect(stdout).toMatch(/ stored, \d+ skipped, \d+ failed; /);
    const check = new Database(db, { readonly: true });
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    check.close();
  });
});
