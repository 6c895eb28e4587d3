import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RoleStore } from '../../src/store/roleStore.js';
import { FIXTURES } from '../support/seeds.js';
import { BAD_INPUTS, expectSound, rolepages, tempDir } from './support.js';

const SEED_000 = join(FIXTURES, '000_61d26842a8aa7f89.txt');

// Each bad input's reason is checked on extractFile in test/faults/corpus.test.ts; here, once, the
// line the command prints for it.
describe('rolepages extract on bad input', () => {
  it('exits 2 with one line on stderr naming the file, nothing on stdout', () => {
    const file = join(BAD_INPUTS, 'empty.txt');
    expect(rolepages('extract', file)).toMatchObject({ status: 2, stdout: '', stderr: `rolepages extract: ${file}: the file is empty (0 bytes); save the page again\n` });
  });
});

describe('the size cap and --max-size', () => {
  // A real page padded past the 5 MiB cap with blank lines, as a capture of a page with a huge
  // hidden block might be.
  const dir = tempDir();
  const big = join(dir, 'big page.txt');
  writeFileSync(big, `${readFileSync(SEED_000, 'utf8')}${'\n'.repeat(6 * 1024 * 1024)}`);
  copyFileSync(SEED_000, join(dir, 'small page.txt'));
  const tooLarge = `${big}: 6.0 MiB is over the 5.0 MiB limit for one page; if it really is one page, raise the limit with --max-size`;

  it('extract refuses the file by its size, and reads it with the cap raised', () => {
    expect(rolepages('extract', big)).toMatchObject({ status: 2, stdout: '', stderr: `rolepages extract: ${tooLarge}\n` });
    const raised = rolepages('extract', '--max-size', '10MB', big);
    expect([raised.status, raised.stderr]).toEqual([0, '']);
    expect(JSON.parse(raised.stdout).roles[0].yearlySalary).toBe(37938);
  });

  it('ingest stores the others and names it (exit 1), and stores it too with the cap raised (exit 0)', () => {
    const db = join(dir, 'roles.db');
    const capped = rolepages('ingest', dir, '--db', db, '--quiet');
    expect(capped).toMatchObject({ status: 1, stderr: `rolepages ingest: ${tooLarge}\n` });
    expect(capped.stdout).toMatch(/^1 file stored, 0 skipped, 1 failed;/);
    const raised = rolepages('ingest', dir, '--db', db, '--max-size', '10MB', '--quiet');
    expect([raised.status, raised.stderr]).toEqual([0, '']);
    expect(raised.stdout).toMatch(/^1 file stored, 1 skipped, 0 failed;/);
    const store = RoleStore.open(db);
    // Both files are captures of seed 000's page.
    expect(store.counts()).toMatchObject({ captures: 2, pages: 1 });
    expectSound(store.db);
    store.close();
  });

  it('a number without a unit is bad usage that suggests the unit, not a cap of so many bytes', () => {
    const run = rolepages('extract', '--max-size', '10', big);
    expect([run.status, run.stdout]).toEqual([2, '']);
    expect(run.stderr).toBe("error: option '--max-size <size>' argument '10' is invalid. a size needs a unit: write 10MB, 10KB or 10B\nsee `rolepages extract --help`\n");
  });
});
