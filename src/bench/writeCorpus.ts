import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Random } from './random.js';
import { fileExtension, renderPage, type PageShape } from './renderPages.js';
import type { RoleTruth } from './rolePool.js';

export interface CorpusOptions {
  pages: number;
  /** The shapes to draw from, each page one of them at random. */
  shapes: readonly PageShape[];
  seed: number;
}

export interface CorpusStats {
  files: number;
  bytes: number;
}

/**
 * Writes `pages` comparison pages of random role pairs from the pool into `dir`, a hundred files
 * a folder as a saved crawl would be, one page in memory at a time.
 */
export function writeCorpus(dir: string, pool: readonly RoleTruth[], options: CorpusOptions): CorpusStats {
  const random = new Random(options.seed);
  let bytes = 0;
  for (let i = 0; i < options.pages; i++) {
    const a = random.pick(pool);
    let b = random.pick(pool);
    while (b === a) b = random.pick(pool);
    const shape = random.pick(options.shapes);
    const folder = join(dir, String(Math.floor(i / 100)).padStart(4, '0'));
    if (i % 100 === 0) mkdirSync(folder, { recursive: true });
    const text = renderPage(shape, a, b, random);
    bytes += Buffer.byteLength(text);
    writeFileSync(join(folder, `${String(i).padStart(6, '0')}_${shape}.${fileExtension(shape)}`), text);
  }
  return { files: options.pages, bytes };
}
