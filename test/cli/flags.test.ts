import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerExport } from '../../src/cli/commands/export.js';
import { runQuery } from '../../src/cli/commands/query.js';
import { registerRoles } from '../../src/cli/commands/roles.js';
import { rolepages, rolepagesAsync, tempDir } from '../faults/support.js';
import { commandOutput } from '../support/commandOutput.js';
import { runCommand } from '../support/runCommand.js';
import { buildHubRoleDb } from '../support/hubRoleDb.js';

let db: string;
beforeAll(() => {
  db = buildHubRoleDb(join(tempDir('rolepages-flags-'), 'roles.db'), 3, 2);
});

describe('flags every command shares', () => {
  it('--version prints the version of package.json', () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(rolepages('--version')).toMatchObject({ status: 0, stdout: `${version}\n` });
  });

  it.concurrent.each([
    ['query', [], "error: missing required argument 'sql'\nsee `rolepages query --help`\n"],
    ['roles', ['--format', 'xml'], "error: option '--format <format>' argument 'xml' is invalid. Allowed choices are table, csv, json, jsonl.\nsee `rolepages roles --help`\n"],
    ['show', ['collections-coordinator', '--format', 'csv'], "error: option '--format <format>' argument 'csv' is invalid. Allowed choices are table, json.\nsee `rolepages show --help`\n"],
    ['export', ['--tabel', 'roles'], "error: unknown option '--tabel'\n(Did you mean --table?)\nsee `rolepages export --help`\n"],
  ])('a usage error of %s is its line and where to read more, exit 2', async (command, args, stderr) => {
    expect(await rolepagesAsync(command, ...args)).toMatchObject({ status: 2, stdout: '', stderr });
  });

  // In-process from here: each command as registered (query's statement as its process runs it).
  it('--format means the same on query, roles and export: jsonl is one object a line on each', async () => {
    const roles = (await runCommand(registerRoles, 'roles', '--db', db, '--format', 'jsonl')).stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(roles.map((r) => r.key)).toEqual(['account-specialist', 'collections-coordinator', 'role-00001', 'role-00002']);
    const query = await commandOutput(() => runQuery("SELECT key, yearly_salary FROM roles WHERE key LIKE 'role-%' ORDER BY key", db, 'jsonl'));
    expect(query.stdout).toBe('{"key":"role-00001","yearly_salary":30001}\n{"key":"role-00002","yearly_salary":30002}\n');
    const exported = await runCommand(registerExport, 'export', '--db', db, '--format', 'json', '--table', 'pages');
    expect(JSON.parse(exported.stdout).map((p: { id: number }) => p.id)).toEqual([1, 2, 3]);
  });

  it('export writes CSV when no format is given', async () => {
    const run = await runCommand(registerExport, 'export', '--db', db);
    expect(run.status).toBe(0);
    expect(run.stdout.split('\r\n')[0]).toMatch(/^key,title,yearly_salary,/);
    expect(run.stdout.split('\r\n')).toHaveLength(6); // header, four roles, the final line break
  });

  it('json output is one array, also when there are no rows', async () => {
    const query = async (sql: string) => (await commandOutput(() => runQuery(sql, db, 'json'))).stdout;
    expect(await query('SELECT 1 AS one WHERE 0')).toBe('[]\n');
    expect(JSON.parse(await query("SELECT key FROM roles WHERE key LIKE 'role-%' ORDER BY key"))).toEqual([
      { key: 'role-00001' },
      { key: 'role-00002' },
    ]);
  });
});
