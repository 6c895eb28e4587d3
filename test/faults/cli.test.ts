import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registerExtract } from '../../src/cli/commands/extract.js';
import { registerIngest } from '../../src/cli/commands/ingest.js';
import { RoleStore } from '../../src/store/roleStore.js';
import { runCommand } from '../support/runCommand.js';
import { FIXTURES } from '../support/seeds.js';
import { expectSound, rolepages, tempDir } from './support.js';

const SEED_000 = join(FIXTURES, '000_61d26842a8aa7f89.txt');

// Each bad input's reason is checked on extractFile in test/faults/corpus.test.ts, and the line
// extract prints for one in test/cli/extract.test.ts.
describe('the size cap and --max-size', () => {
  // A real page padded with blank lines, as a capture of a page with a huge hidden block might
  // be: under the 5 MiB default cap (the default refusing a larger file is tested on extractFile
  // in test/faults/corpus.test.ts), over a cap of 1 MB.
  const dir = tempDir();
  const big = join(dir, 'big page.txt');
  writeFileSync(big, `${readFileSync(SEED_000, 'utf8')}${'\n'.repeat(1.5 * 1024 * 1024)}`);
  copyFileSync(SEED_000, join(dir, 'small page.txt'));
  const tooLarge = `${big}: 1.5 MiB is over the 1.0 MiB limit for one page; if it really is one page, raise the limit with --max-size`;

  // In-process, the commands as registered; their CLI runs are in test/cli/extract.test.ts and
  // test/cli/analystCommands.test.ts.
  it('extract refuses the file by its size under the cap given, and reads it under the default', async () => {
    expect(await runCommand(registerExtract, 'extract', '--max-size', '1MB', big)).toEqual({ status: 2, stdout: '', stderr: `rolepages extract: ${tooLarge}\n` });
    const raised = await runCommand(registerExtract, 'extract', big);
    expect([raised.status, raised.stderr]).toEqual([0, '']);
    expect(JSON.parse(raised.stdout).roles[0].yearlySalary).toBe(37938);
  });

  it('ingest stores the others and names it (exit 1), and stores it too under the default cap (exit 0)', async () => {
    const db = join(dir, 'roles.db');
    const capped = await runCommand(registerIngest, 'ingest', dir, '--db', db, '--max-size', '1MB', '--quiet');
    expect(capped).toMatchObject({ status: 1, stderr: `rolepages ingest: ${tooLarge}\n` });
    expect(capped.stdout).toMatch(/^1 file stored, 0 skipped, 1 failed;/);
    const raised = await runCommand(registerIngest, 'ingest', dir, '--db', db, '--quiet');
    expect([raised.status, raised.stderr]).toEqual([0, '']);
    expect(raised.stdout).toMatch(/^1 file stored, 1 skipped, 0 failed;/);
    const store = RoleStore.open(db);
    // Both files are captures of seed 000's page.
    expect(store.counts()).toMatchObject({ captures: 2, pages: 1 });
    expectSound(store.db);
    store.close();
  });

  // On the CLI: the line naming the command's help is main.ts's.
  it('a number without a unit is bad usage that suggests the unit, not a cap of so many bytes', () => {
    const run = rolepages('extract', '--max-size', '10', big);
    expect([run.status, run.stdout]).toEqual([2, '']);
    expect(run.stderr).toBe("error: option '--max-size <size>' argument '10' is invalid. a size needs a unit: write 10MB, 10KB or 10B\nsee `rolepages extract --help`\n");
  });
});
