import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';

/** The modules `--version` must not load: each records being loaded instead of loading. */
const loaded = vi.hoisted(() => new Set<string>());
vi.mock('cheerio', () => (loaded.add('cheerio'), {}));
vi.mock('cheerio/slim', () => (loaded.add('cheerio'), {}));
vi.mock('zod', () => (loaded.add('zod'), {}));
vi.mock('better-sqlite3', () => (loaded.add('better-sqlite3'), {}));
vi.mock('commander', () => (loaded.add('commander'), {}));
vi.mock('turndown', () => (loaded.add('turndown'), {}));

/** What the command line writes to a file descriptor, kept instead of written. */
const written = vi.hoisted((): string[] => []);
vi.mock('node:fs', async (original) => ({
  ...(await original<typeof import('node:fs')>()),
  writeSync: (fd: number, text: string) => {
    written.push(`${fd}:${text}`);
    return text.length;
  },
}));

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

describe('rolepages --version', () => {
  const argv = process.argv;
  afterEach(() => {
    process.argv = argv;
  });

  it('prints the version from package.json and loads neither commander, the reader, the schemas nor the store', async () => {
    process.argv = [argv[0]!, 'rolepages', '--version'];
    await import('../../src/cli/main.js');
    expect(written).toEqual([`1:${version}\n`]);
    expect([...loaded]).toEqual([]);
  });
});
