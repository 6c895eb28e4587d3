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
  /**
   * Every page compares the pool's first role with another, each other role once a shape: the
   * first role is then on every page, as a popular role is on the site.
   */
  hub?: boolean;
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
  if (options.hub && options.pages > (pool.length - 1) * options.shapes.length) {
    throw new Error(`a hub corpus of ${options.pages} pages needs ${Math.ceil(options.pages / options.shapes.length) + 1} roles, the pool has ${pool.length}`);
  }
  for (let i = 0; i < options.pages; i++) {
    let a: RoleTruth, b: RoleTruth, shape: PageShape;
    if (options.hub) {
      // Each pair once a shape, so that no two pages have the same content.
      a = pool[0]!;
      b = pool[1 + Math.floor(i / options.shapes.length)]!;
      shape = options.shapes[i % options.shapes.length]!;
    } else {
      a = random.pick(pool);
      b = random.pick(pool);
      while (b === a) b = random.pick(pool);
      shape = random.pick(options.shapes);
    }
    const folder = join(dir, String(Math.floor(i / 100)).padStart(4, '0'));
    if (i % 100 === 0) mkdirSync(folder, { recursive: true });
    const text = renderPage(shape, a, b, random);
    bytes += Buffer.byteLength(text);
    writeFileSync(join(folder, `${String(i).padStart(6, '0')}_${shape}.${fileExtension(shape)}`), text);
  }
  return { files: options.pages, bytes };
}
