import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../support/seeds.js';
import { PageError } from '../../src/errors.js';
import { extractFile } from '../../src/extract/extractFile.js';
import { BAD_INPUTS, tempDir } from '../faults/support.js';

/** What `extract` says of a file: its record, or the reason it prints after "FILE: " (extractFile's). */
async function extractOutcome(file: string): Promise<{ record: unknown } | { reason: string }> {
  const result = await extractFile(file);
  return result instanceof PageError ? { reason: result.reason } : { record: result };
}

/**
 * The built ingest, as the CLI runs it: its files read on worker threads, whose limits differ
 * from this thread's (only the built code has the worker).
 */
const BUILT_INGEST = fileURLToPath(new URL('../../dist/ingest/ingest.js', import.meta.url));

/** What ingest says of each file: stored, or the reason it failed. */
async function ingestOutcomes(files: readonly string[]): Promise<Map<string, { status: string; reason: string | null }>> {
  const { ingest } = (await import(BUILT_INGEST)) as typeof import('../../src/ingest/ingest.js');
  const outcomes = new Map<string, { status: string; reason: string | null }>();
  await ingest(join(tempDir('rolepages-one-path-'), 'roles.db'), files, {
    concurrency: 2,
    onFile: (o) => outcomes.set(o.path, { status: o.status, reason: o.status === 'failed' ? o.reason : null }),
  });
  return outcomes;
}

describe('extract and ingest read every file the same way', () => {
  it('store what extract prints and refuse what extract refuses, with the same reason', async () => {
    const dir = tempDir('rolepages-one-path-');
    // 30,000 nested elements: refused before parsing, by both.
    const nested = join(dir, 'nested.html');
    writeFileSync(nested, `<html><body>${'<b>'.repeat(30_000)}x${'</b>'.repeat(30_000)}</body></html>`);
    // Every entry but the folder `loop`, which ingest walks where extract refuses it.
    const files = [
      ...readdirSync(BAD_INPUTS, { withFileTypes: true }).filter((e) => !e.isDirectory()).map((e) => join(BAD_INPUTS, e.name)),
      ...readdirSync(FIXTURES).filter((name) => !name.endsWith('.json')).map((name) => join(FIXTURES, name)),
      nested,
    ];
    const ingested = await ingestOutcomes(files);
    const outcomes = await Promise.all(files.map(extractOutcome));
    let refused = 0;
    for (const [i, file] of files.entries()) {
      const extracted = outcomes[i]!;
      const stored = ingested.get(file);
      if ('reason' in extracted) {
        refused++;
        expect({ file, ...stored }).toEqual({ file, status: 'failed', reason: extracted.reason });
      } else {
        // A copy of content stored earlier in the run is skipped, not stored twice.
        expect({ file, ok: stored?.status === 'stored' || stored?.status === 'skipped' }).toEqual({ file, ok: true });
      }
    }
    expect(refused).toBe(7);
    expect(ingested.get(nested)?.reason).toBe(
      'the markup nests more than 25,000 levels deep; a saved page nests a few dozen, so this is not one',
    );
  });
});
