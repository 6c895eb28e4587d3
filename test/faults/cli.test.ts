import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RoleStore } from '../../src/store/roleStore.js';
import { FIXTURES } from '../support/seeds.js';
import { BAD_INPUTS, expectSound, rolepages, tempDir } from './support.js';

const SEED_000 = join(FIXTURES, '000_61d26842a8aa7f89.txt');
const NOT_A_COMPARISON = 'no comparison table (rows "Yearly salary", "Average salary", …): not an "X vs Y" comparison page of the site; give rolepages only the site\'s comparison pages';

describe('rolepages extract on bad input: exit 2, one line on stderr naming the file, nothing on stdout', () => {
  it.each([
    ['empty.txt', 'the file is empty (0 bytes); save the page again'],
    ['picture.html', 'the file holds binary data (a PNG image), not a saved page (expected HTML or text)'],
    ['skills-page.txt', NOT_A_COMPARISON],
    ['one-role.txt', 'the comparison tables name one role (Collections Coordinator) where a comparison page names two; save the whole page again'],
    ['self-link.html', 'cannot read the file (ELOOP); check that it exists and is readable'],
    ['loop', 'a directory, not a regular file; name a saved page file'],
  ])('%s', (name, reason) => {
    const file = join(BAD_INPUTS, name);
    expect(rolepages('extract', file)).toMatchObject({ status: 2, stdout: '', stderr: `rolepages extract: ${file}: ${reason}\n` });
  });

  it('exits 0 with the record for the odd files that are pages (UTF-16, latin-1, deep nesting)', () => {
    for (const name of ['utf16-bom-001.txt', 'latin1-accented-002.txt', 'deep-nesting.html']) {
      const run = rolepages('extract', join(BAD_INPUTS, name));
      expect([run.status, run.stderr]).toEqual([0, '']);
      expect(JSON.parse(run.stdout).roles).toHaveLength(2);
    }
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
    const capped = rolepages('ingest', dir, '--db', db);
    expect(capped).toMatchObject({ status: 1, stderr: `rolepages ingest: ${tooLarge}\n` });
    expect(capped.stdout).toMatch(/^1 file stored, 0 skipped, 1 failed;/);
    const raised = rolepages('ingest', dir, '--db', db, '--max-size', '10MB');
    expect([raised.status, raised.stderr]).toEqual([0, '']);
    expect(raised.stdout).toMatch(/^1 file stored, 1 skipped, 0 failed;/);
    const store = RoleStore.open(db);
    // Both files are captures of seed 000's page.
    expect(store.counts()).toMatchObject({ captures: 2, pages: 1 });
    expectSound(store.db);
    store.close();
  });

  it('a size it cannot read is bad usage: exit 2', () => {
    const run = rolepages('ingest', dir, '--max-size', 'lots');
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("error: option '--max-size <size>' argument 'lots' is invalid. expected a size such as 5MB, 300KB or 512B\nsee `rolepages ingest --help`\n");
  });

  it('a number without a unit is bad usage that suggests the unit, not a cap of so many bytes', () => {
    const run = rolepages('extract', '--max-size', '10', big);
    expect([run.status, run.stdout]).toEqual([2, '']);
    expect(run.stderr).toBe("error: option '--max-size <size>' argument '10' is invalid. a size needs a unit: write 10MB, 10KB or 10B\nsee `rolepages extract --help`\n");
  });
});
