import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PageError } from '../../src/errors.js';
import { readPageFile, readPageFileSync } from '../../src/read/pageFile.js';
import { seed } from '../support/seeds.js';

const dir = () => mkdtempSync(join(tmpdir(), 'rolepages-pagefile-'));

/** The error `read` fails with, to look at its code and reason. */
async function failureOf(read: () => unknown): Promise<PageError> {
  try {
    await read();
  } catch (error) {
    if (error instanceof PageError) return error;
    throw error;
  }
  throw new Error('expected the read to fail');
}

describe('readPageFile: the size cap', () => {
  it('reads a page at the cap and refuses one a byte over it, before reading it', async () => {
    const at = dir();
    const text = seed('000');
    writeFileSync(join(at, 'page.txt'), text);
    const size = Buffer.byteLength(text);
    expect(Buffer.from(await readPageFile(join(at, 'page.txt'), { maxBytes: size })).toString()).toBe(text);
    expect(Buffer.from(readPageFileSync(join(at, 'page.txt'), { maxBytes: size }).bytes).toString()).toBe(text);
    const over = await failureOf(() => readPageFile(join(at, 'page.txt'), { maxBytes: size - 1 }));
    expect(over.code).toBe('too-large');
  });

  // A kernel file states its size as 0 and reads on for gigabytes: the read itself stops at the cap.
  it.each([
    ['readPageFile', (path: string, maxBytes?: number) => readPageFile(path, maxBytes === undefined ? {} : { maxBytes })],
    ['readPageFileSync', (path: string, maxBytes?: number) => readPageFileSync(path, maxBytes === undefined ? {} : { maxBytes })],
  ] as const)('%s stops a link to /proc/self/pagemap at the cap, whatever its size says', async (_, read) => {
    const link = join(dir(), 'pagemap.html');
    symlinkSync('/proc/self/pagemap', link);
    for (const maxBytes of [256 * 1024, undefined]) {
      const error = await failureOf(() => read(link, maxBytes));
      expect(error.code).toBe('too-large');
      expect(error.message).toBe(
        `${link}: the file goes on past the ${maxBytes === undefined ? '5.0' : '0.3'} MiB limit for one page (its size said less)`,
      );
    }
  });

  it('reads a kernel file that ends under the cap whole', async () => {
    const text = Buffer.from(await readPageFile('/proc/self/status')).toString();
    expect(text).toMatch(/^Name:\t/);
    expect(text).toMatch(/\n$/);
  });
});

describe('readPageFile: a file name that is not UTF-8', () => {
  it('reads the file a name with a stray byte stands for (caf\\xe9.txt)', async () => {
    const at = dir();
    writeFileSync(Buffer.concat([Buffer.from(`${at}/caf`), Buffer.from([0xe9]), Buffer.from('.txt')]), seed('000'));
    expect(Buffer.from(await readPageFile(join(at, 'caf\udce9.txt'))).toString()).toBe(seed('000'));
    expect(Buffer.from(readPageFileSync(join(at, 'caf\udce9.txt')).bytes).toString()).toBe(seed('000'));
  });

  it('names such a file with the byte escaped when it fails', async () => {
    const error = await failureOf(() => readPageFile(join('/nonexistent', 'caf\udce9.txt')));
    expect(error.message).toBe('/nonexistent/caf\\xe9.txt: cannot read the file (ENOENT); check that it exists and is readable');
  });
});
