import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { registerCheck } from '../../src/cli/commands/check.js';
import { runCommand } from '../support/runCommand.js';

// The built CLI, as users run it (`npm test` builds first).
const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });

describe('rolepages extract', () => {
  it('prints the record of seed 000 as JSON with a 2-space indent', () => {
    const { status, stdout } = run('extract', 'fixtures/000_61d26842a8aa7f89.txt');
    expect(status).toBe(0);
    expect(stdout).toMatch(/^\{\n {2}"source": \{/);
    const record = JSON.parse(stdout);
    expect(record.source).toMatchObject({ path: 'fixtures/000_61d26842a8aa7f89.txt', format: 'text', layout: 'table', url: null });
    expect(record.roles[0].yearlySalary).toBe(37938);
  });

  it('exits 2 with the file and the reason on stderr, nothing on stdout, for a file that is not there', () => {
    const { status, stdout, stderr } = run('extract', 'fixtures/no-such-page.txt');
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim()).toBe('rolepages extract: fixtures/no-such-page.txt: cannot read the file (ENOENT); check that it exists and is readable');
  });

  it('exits 2 on bad usage', () => {
    expect(run('extract').status).toBe(2);
    expect(run('no-such-command').status).toBe(2);
  });
});

describe('rolepages check', () => {
  it('reports a clean run on the fixtures', () => {
    const { status, stdout } = run('check');
    expect(stdout).toMatch(/\d+ match, 0 failed/);
    expect(status).toBe(0);
  });

  // In-process from here: the command as registered (runCommand), its wiring tested above.
  it('shows where a long description differs, and --update counts and names only the file it changed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rolepages-check-'));
    const page = '005_61d26842a8aa7f89_table.html';
    const seed = '000_61d26842a8aa7f89.txt';
    for (const name of [page, `${page}.expected.json`, seed, `${seed}.expected.json`]) copyFileSync(join('fixtures', name), join(dir, name));
    const expectedFile = join(dir, `${page}.expected.json`);
    writeFileSync(expectedFile, readFileSync(expectedFile, 'utf8').replace('policies and regulations.', 'policXes and regulations.'));

    const check = await runCommand(registerCheck, 'check', dir);
    expect(check.status).toBe(1);
    expect(check.stdout).toBe(
      `MISMATCH ${join(dir, page)}\n` +
        '  roles[0].description: strings differ at offset 620 (640 characters expected, 640 got): ' +
        'expected …"moting and enforcing the company\'s policXes and regulations.", ' +
        'got …"moting and enforcing the company\'s policies and regulations."\n' +
        `1 match, 1 failed (2 files in ${dir})\n`,
    );

    const update = await runCommand(registerCheck, 'check', dir, '--update');
    expect(update.stdout).toBe(`1 updated: ${expectedFile}; 1 unchanged, 0 failed (2 files in ${dir})\n`);
    expect((await runCommand(registerCheck, 'check', dir, '--update')).stdout).toBe(`0 updated, 2 unchanged, 0 failed (2 files in ${dir})\n`);
    expect((await runCommand(registerCheck, 'check', dir)).status).toBe(0);
  });
});
