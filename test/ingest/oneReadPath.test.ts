import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../support/seeds.js';
import { BAD_INPUTS, rolepages, rolepagesAsync, tempDir } from '../faults/support.js';

/** What `extract` says of a file: its record, or the reason after "FILE: ". */
async function extractOutcome(file: string): Promise<{ record: unknown } | { reason: string }> {
  const run = await rolepagesAsync('extract', file);
  if (run.status === 0) return { record: JSON.parse(run.stdout) as unknown };
  return { reason: run.stderr.trim().replace(`rolepages extract: ${file}: `, '') };
}

/** What `ingest --report` says of each file: stored, or the reason it failed. */
function ingestOutcomes(files: readonly string[]): Map<string, { status: string; reason: string | null }> {
  const dir = tempDir('rolepages-one-path-');
  const report = join(dir, 'report.json');
  rolepages('ingest', ...files, '--db', join(dir, 'roles.db'), '--report', report, '--quiet');
  const entries = (JSON.parse(readFileSync(report, 'utf8')) as { files: Array<{ path: string; status: string; reason: string | null }> }).files;
  return new Map(entries.map((e) => [e.path, { status: e.status, reason: e.reason }]));
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
    const ingested = ingestOutcomes(files);
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
      'the markup nests more than 25,000 levels deep; a saved page nests a few dozen, so this is not one (it was not parsed)',
    );
  });
});
