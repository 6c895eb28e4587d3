import { mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readCapture } from '../../src/ingest/readCapture.js';
import { RoleStore } from '../../src/store/roleStore.js';
import { closeReadOnlyForThread } from '../../src/store/openDatabase.js';
import { hasStoredContent } from '../../src/store/storedContent.js';
import { FIXTURES } from '../support/seeds.js';
import { storeAll, tempDb } from '../store/storeFixtures.js';

/** What a reader does with one file of an ingest: read, hash, skip what is stored, extract the rest. */
const SEED = join(FIXTURES, '000_61d26842a8aa7f89.txt');
const SEED_SHA256 = '60911abfcebf814d4027f0604543917de0f4e7fac6cff431c75595c180b581fb'; // sha256sum of the file

afterEach(() => closeReadOnlyForThread());

/** A database holding the seed's content, as an ingest stores it. */
async function storeWithSeed(): Promise<{ file: string; store: RoleStore }> {
  const file = tempDb();
  const store = RoleStore.open(file);
  const read = await readCapture({ path: SEED, database: file });
  if (read.kind !== 'page') throw new Error(`expected a page, got ${JSON.stringify(read)}`);
  storeAll(store, [{ record: read.record, path: SEED, capturedAt: read.capturedAt }]);
  return { file, store };
}

describe('readCapture', () => {
  it('extracts a page whose content the database does not hold, hashing its bytes once, with its modification time', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rolepages-read-'));
    const path = join(dir, 'july.txt');
    writeFileSync(path, readFileSync(SEED));
    utimesSync(path, new Date('2026-07-01T09:00:00Z'), new Date('2026-07-01T09:00:00Z'));
    const result = await readCapture({ path, database: null });
    expect(result.kind).toBe('page');
    if (result.kind !== 'page') return;
    expect(result.capturedAt).toBe('2026-07-01T09:00:00.000Z');
    expect(result.timeSource).toBe('file');
    expect(result.record.source.sha256).toBe(SEED_SHA256);
    expect(result.record.roles.map((r) => r.key)).toEqual(['collections-coordinator', 'account-specialist']);
    expect(result.record.roles[0]!.numberOfJobs).toBe(40113);
  });

  it('answers only the hash of a content already stored, without extracting it', async () => {
    const { file, store } = await storeWithSeed();
    try {
      expect(await readCapture({ path: SEED, database: file })).toEqual({ kind: 'known', sha256: SEED_SHA256, url: null, capturedAt: expect.any(String), timeSource: 'file' });
      expect(hasStoredContent(file, SEED_SHA256)).toBe(true);
      expect(hasStoredContent(file, '0'.repeat(64))).toBe(false);
    } finally {
      store.close();
    }
  });

  it('sees what the writer committed after its first question', async () => {
    const file = tempDb();
    const store = RoleStore.open(file);
    try {
      const first = await readCapture({ path: SEED, database: file });
      expect(first.kind).toBe('page');
      if (first.kind !== 'page') return;
      storeAll(store, [{ record: first.record, path: SEED, capturedAt: first.capturedAt }]);
      expect((await readCapture({ path: SEED, database: file })).kind).toBe('known');
    } finally {
      store.close();
    }
  });

  it('names the reason when the file cannot be read, or is too large', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rolepages-read-'));
    const missing = join(dir, 'gone.html');
    expect(await readCapture({ path: missing, database: null })).toEqual({ kind: 'failed', code: 'unreadable', reason: expect.stringMatching(/cannot read the file \(ENOENT\)/) });
    const big = join(dir, 'big.html');
    writeFileSync(big, 'x'.repeat(2048));
    expect(await readCapture({ path: big, maxBytes: 1024, database: null })).toEqual({
      kind: 'failed',
      code: 'too-large',
      reason: '0.0 MiB is over the 0.0 MiB limit for one page',
    });
  });

  it('gives the reason extract gives for a file that is not a page', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rolepages-read-'));
    const notes = join(dir, 'notes.txt');
    writeFileSync(notes, 'Shopping list: milk, eggs.\n');
    expect(await readCapture({ path: notes, database: null })).toEqual({ kind: 'failed', code: 'not-a-comparison', reason: expect.stringMatching(/comparison page/) });
  });
  it('reads an archive record’s page with the archive’s URL and time, and lets its buffer go once read', async () => {
    const body = new Uint8Array(readFileSync(SEED));
    const url = 'https://www.zippia.com/collections-coordinator-jobs/collections-coordinator-vs-account-specialist/';
    const result = await readCapture({ path: 'crawl.warc.gz#4479', database: null, archived: { body, url, capturedAt: '2026-01-15T09:00:00.000Z' } });
    expect(result).toMatchObject({ kind: 'page', capturedAt: '2026-01-15T09:00:00.000Z', timeSource: 'archive' });
    if (result.kind !== 'page') return;
    expect(result.record.source).toMatchObject({ sha256: SEED_SHA256, url });
    // Detached from the handle the reader was given, which may have reached the old generation while it waited.
    expect(body.buffer.byteLength).toBe(0);
  });
});

