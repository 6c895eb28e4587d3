import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { rolePool } from '../../src/bench/rolePool.js';
import { writeCorpus } from '../../src/bench/writeCorpus.js';
import { extractText } from '../support/extractText.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'rolepages-corpus-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const files = (dir: string) => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)).sort();

describe('writeCorpus, a hub corpus', () => {
  const pool = rolePool(5, 7);

  it('compares the first role with each other role once a shape, every page a distinct content', () => {
    const dir = tempDir();
    writeCorpus(dir, pool, { pages: 8, shapes: ['tabular', 'flat'], seed: 1, hub: true });
    const paths = files(dir);
    expect(paths).toHaveLength(8);
    const texts = paths.map((path) => readFileSync(path, 'utf8'));
    expect(new Set(texts.map((t) => createHash('sha256').update(t).digest('hex'))).size).toBe(8);
    const pairs = paths.map((path, i) => extractText(texts[i]!, path).roles.map((r) => r.title));
    expect(pairs.every(([a]) => a === pool[0]!.title)).toBe(true);
    expect(pairs.map(([, b]) => b).sort()).toEqual(pool.slice(1).flatMap((r) => [r.title, r.title]).sort());
  });

  it('says how many roles a hub corpus of that size needs when the pool has too few', () => {
    expect(() => writeCorpus(tempDir(), pool, { pages: 9, shapes: ['tabular', 'flat'], seed: 1, hub: true })).toThrow(
      'a hub corpus of 9 pages needs 6 roles, the pool has 5',
    );
  });
});
