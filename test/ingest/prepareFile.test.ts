import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { extractFile } from '../../src/ingest/extractFile.js';
import { prepareFile } from '../../src/ingest/prepareFile.js';
import { readPageFileSync } from '../../src/read/pageFile.js';
import { RoleStore } from '../../src/store/roleStore.js';
import { closeReadOnlyForThread } from '../../src/store/openDatabase.js';
import { hasStoredContent } from '../../src/store/storedContent.js';
import { FIXTURES } from '../support/seeds.js';
import { tempDb } from '../store/storeFixtures.js';

/** What a worker does with one file of an ingest: read, hash, skip what is stored, extract the rest. */
const SEED = join(FIXTURES, '000_61d26842a8aa7f89.txt');
const SEED_SHA256 = '60911abfcebf814d4027f0604543917de0f4e7fac6cff431c75595c180b581fb'; // sha256sum of the file

afterEach(() => closeReadOnlyForThread());

function storeWithSeed(): { file: string; store: RoleStore } {
  const file = tempDb();
  const store = RoleStore.open(file);
  const extracted = extractFile({ path: SEED, bytes: readPageFileSync(SEED) });
  if (!extracted.ok) throw new Error(extracted.reason);
  store.storePage(extracted.record, SEED);
  return { file, store };
}

describe('prepareFile', () => {
  it('extracts a page whose content the database does not hold, hashing its bytes once', () => {
    const result = prepareFile({ path: SEED, database: null });
    expect(result.kind).toBe('page');
    if (result.kind !== 'page') return;
    expect(result.record.source.sha256).toBe(SEED_SHA256);
    expect(result.record.roles.map((r) => r.key)).toEqual(['collections-coordinator', 'account-specialist']);
    expect(result.record.roles[0]!.numberOfJobs).toBe(40113);
  });

  it('answers only the hash of a content already stored, without extracting it', () => {
    const { file, store } = storeWithSeed();
    try {
      expect(prepareFile({ path: SEED, database: file })).toEqual({ kind: 'known', sha256: SEED_SHA256 });
      expect(hasStoredContent(file, SEED_SHA256)).toBe(true);
      expect(hasStoredContent(file, '0'.repeat(64))).toBe(false);
    } finally {
      store.close();
    }
  });

  it('sees what the writer committed after its first question', () => {
    const file = tempDb();
    const store = RoleStore.open(file);
    try {
      expect(prepareFile({ path: SEED, database: file }).kind).toBe('page');
      const extracted = extractFile({ path: SEED, bytes: readPageFileSync(SEED) });
      if (!extracted.ok) throw new Error(extracted.reason);
      store.storePage(extracted.record, SEED);
      expect(prepareFile({ path: SEED, database: file }).kind).toBe('known');
    } finally {
      store.close();
    }
  });

  it('names the file and the reason when it cannot be read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rolepages-prepare-'));
    const missing = join(dir, 'gone.html');
    const result = prepareFile({ path: missing, database: null });
    expect(result).toEqual({ kind: 'failed', reason: expect.stringMatching(/cannot read the file \(ENOENT\)/) });
    const big = join(dir, 'big.html');
    writeFileSync(big, 'x'.repeat(2048));
    expect(prepareFile({ path: big, maxBytes: 1024, database: null })).toEqual({
      kind: 'failed',
      reason: expect.stringMatching(/over the 0\.0 MiB limit for one page; .*--max-size/),
    });
  });
});
