import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { registerExport } from '../../src/cli/commands/export.js';
import { runQuery } from '../../src/cli/commands/query.js';
import { registerReport } from '../../src/cli/commands/report.js';
import { registerRoles } from '../../src/cli/commands/roles.js';
import { registerShow } from '../../src/cli/commands/show.js';
import { advice } from '../../src/cli/commands/userError.js';
import { StoreError } from '../../src/store/storeError.js';
import { tempDir } from '../faults/support.js';
import { databaseBeforePages } from '../support/oldDatabase.js';
import { runCommand } from './inProcess.js';

describe('a database from before pages, read by any command: the same one line saying to run ingest', () => {
  const file = join(tempDir('rolepages-old-cli-'), 'roles.db');
  databaseBeforePages(file);
  const line = `rolepages CMD: ${file}: written by an older rolepages (schema version 3); run "rolepages ingest PATH --db ${file}" on its pages to upgrade it, then run this again\n`;

  it.each([
    ['show', registerShow, ['show', 'arborist', '--db', file]],
    ['report', registerReport, ['report', '--db', file, '--out', join(tempDir('rolepages-old-cli-'), 'report.html')]],
    ['roles', registerRoles, ['roles', '--db', file]],
    ['export', registerExport, ['export', '--db', file]],
  ] as const)('%s', async (command, register, args) => {
    expect(await runCommand(register, ...args)).toEqual({ status: 2, stdout: '', stderr: line.replace('CMD', command) });
  });

  it('query', async () => {
    let stderr = '';
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
    try {
      await runQuery('SELECT 1', file, 'csv');
      expect([process.exitCode, stderr]).toEqual([2, line.replace('CMD', 'query')]);
    } finally {
      spy.mockRestore();
      process.exitCode = 0;
    }
  });
});

describe('advice: a StoreError said for the command line, with its flags', () => {
  it.each([
    [new StoreError('missing', 'out/roles.db', 'no such database'), 'out/roles.db: no such database; run "rolepages ingest PATH --db out/roles.db" first'],
    [new StoreError('not-sqlite', 'notes.txt', 'not a SQLite database'), 'notes.txt: not a SQLite database; check the --db path (rolepages ingest makes the database)'],
    [
      new StoreError('newer-schema', 'roles.db', 'the database has schema version 9, newer than this rolepages knows (5)', 9),
      'roles.db: the database has schema version 9, newer than this rolepages knows (5); upgrade rolepages or use another --db',
    ],
    [
      new StoreError('not-rolepages', 'invoices.db', 'not a rolepages database (no table roles)'),
      'invoices.db: not a rolepages database (no table roles); check the --db path, or run "rolepages ingest PATH --db invoices.db" to make one',
    ],
  ])('%s', (error, line) => {
    expect(advice(error)).toBe(line);
  });

  it('leaves an error that is not rolepages\' own to be thrown', () => {
    expect(advice(new TypeError('x is undefined'))).toBeUndefined();
  });
});
