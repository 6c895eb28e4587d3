import { spawnSync } from 'node:child_process';
import { linkSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { registerExport } from '../../src/cli/commands/export.js';
import { registerIngest } from '../../src/cli/commands/ingest.js';
import { registerReport } from '../../src/cli/commands/report.js';
import { registerRoles } from '../../src/cli/commands/roles.js';
import { namesTheDatabase } from '../../src/cli/commands/userError.js';
import { RoleStore } from '../../src/store/roleStore.js';
import { tempDir } from '../faults/support.js';
import { FIXTURES } from '../support/seeds.js';
import { runCommand, runCommandWith } from './inProcess.js';

const dir = tempDir('rolepages-outputs-');
const db = join(dir, 'roles.db');
RoleStore.open(db).close();
const databaseBytes = readFileSync(db);

describe('an output path that names the database is refused before anything is written', () => {
  it('by the file it is: the path itself, another spelling of it, a link and a second hard link', () => {
    symlinkSync(db, join(dir, 'link.db'));
    linkSync(db, join(dir, 'hard.db'));
    for (const out of [db, `${dir}/./roles.db`, join(dir, 'link.db'), join(dir, 'hard.db')]) {
      expect(namesTheDatabase(out, db)).toBe(`${out}: is the database ${db}; choose another file to write to`);
    }
    expect(namesTheDatabase(join(dir, 'roles.csv'), db)).toBeUndefined();
  });

  it.each([
    ['export', registerExport, ['export', '--db', db, '--out', db]],
    ['report', registerReport, ['report', '--db', db, '--out', db]],
    ['ingest', registerIngest, ['ingest', join(FIXTURES, 'no-such-folder-needed'), '--db', db, '--report', db]],
  ] as const)('%s', async (command, register, args) => {
    const run = await runCommand(register, ...args.map((a) => (a.includes('no-such-folder-needed') ? FIXTURES : a)));
    expect(run).toEqual({ status: 2, stdout: '', stderr: `rolepages ${command}: ${db}: is the database ${db}; choose another file to write to\n` });
    expect(readFileSync(db).equals(databaseBytes)).toBe(true);
  });
});

describe('export --out', () => {
  it('says a directory is a directory', async () => {
    mkdirSync(join(dir, 'exports'));
    expect(await runCommand(registerExport, 'export', '--db', db, '--out', join(dir, 'exports'))).toEqual({
      status: 2,
      stdout: '',
      stderr: `rolepages export: ${join(dir, 'exports')}: is a directory; name a file to write to\n`,
    });
  });

  // A small tmpfs is a full disk even for root; where mounting is not allowed the test is skipped.
  const full = smallDisk();
  it.runIf(full !== undefined)('on a full disk: one line, the old file kept, and the database closed cleanly', async () => {
    const out = join(full!, 'columns.csv');
    writeFileSync(out, 'the export of yesterday\n');
    fillUp(full!);
    const run = await runCommand(registerExport, 'export', '--db', db, '--table', 'columns', '--out', out);
    expect(run).toEqual({
      status: 2,
      stdout: '',
      stderr: `rolepages export: ${out}: cannot write the export (ENOSPC), so the file is as it was; the disk is full: free some space, or write elsewhere\n`,
    });
    expect(readFileSync(out, 'utf8')).toBe('the export of yesterday\n');
    expect(readdirSync(full!).sort()).toEqual(['columns.csv', 'filler']);
  });
});

describe('stdout that cannot be written (a full disk): one line and status 1, no trace', () => {
  it('roles', async () => {
    const enospc = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write' });
    expect(await runCommandWith({ stdoutError: enospc }, registerRoles, 'roles', '--db', db)).toEqual({
      status: 1,
      stdout: '',
      stderr: 'rolepages roles: cannot write the output (ENOSPC); the disk is full: free some space, or write elsewhere\n',
    });
  });
});

function smallDisk(): string | undefined {
  const mountPoint = tempDir('rolepages-full-');
  if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mountPoint], { stdio: 'ignore' }).status !== 0) return undefined;
  afterAll(() => {
    spawnSync('umount', [mountPoint], { stdio: 'ignore' });
  });
  return mountPoint;
}

function fillUp(folder: string): void {
  try {
    writeFileSync(join(folder, 'filler'), Buffer.alloc(1024 * 1024));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  }
}
