import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { rolepages, tempDir } from '../faults/support.js';
import { registerQuery, runQuery } from '../../src/cli/commands/query.js';
import { commandOutput } from '../support/commandOutput.js';
import { runCommand } from '../support/runCommand.js';
import { buildHubRoleDb } from '../support/hubRoleDb.js';

const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const ENDLESS = 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c';

/** `rolepages ARGS | head -1` in a shell: rolepages's own exit status, and what head and stderr got. */
function intoHead(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync('bash', ['-c', '"$@" | head -1; exit "${PIPESTATUS[0]}"', 'bash', process.execPath, CLI, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });
}

let db: string;
beforeAll(() => {
  // Every output below is far larger than a pipe holds, so rolepages is still writing when head exits.
  db = buildHubRoleDb(join(tempDir('rolepages-pipes-'), 'roles.db'), 3000, 5000);
});

describe('a reader that closes the pipe early (| head -1) ends the command quietly, status 0', () => {
  it.each([
    ['export', ['export', '--table', 'observations'], 'page_id,role_key,field,value,side\r\n'],
    ['roles', ['roles', '--format', 'csv'], 'key,title,page_count,conflicting_fields,yearly_salary,number_of_jobs\r\n'],
    ['show --format json', ['show', 'collections-coordinator', '--format', 'json'], '{\n'],
    ['query of an endless result', ['query', '--format', 'jsonl', ENDLESS], '{"x":1}\n'],
  ])('%s', (_, args, first) => {
    expect(intoHead(...args, '--db', db)).toMatchObject({ status: 0, stdout: first, stderr: '' });
  });
});

describe('query streams its rows and has a time limit', () => {
  it('prints the rows of a statement that never ends as they come', () => {
    // Were the rows gathered first, nothing would ever be printed.
    const run = spawnSync('bash', ['-c', '"$@" | head -3', 'bash', process.execPath, CLI, 'query', '--db', db, '--format', 'csv', ENDLESS], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stdout).toBe('x\r\n1\r\n2\r\n');
  });

  it('stops a statement still running at --timeout with one line, exit 2', () => {
    // Without the limit the statement would run until the spawn's own timeout, with no status.
    const run = rolepages('query', '--db', db, '--timeout', '1', `SELECT COUNT(*) FROM (${ENDLESS})`);
    expect([run.status, run.stdout, run.stderr]).toEqual([
      2,
      '',
      'rolepages query: stopped after 1 second, the time limit; narrow the statement, or raise the limit with --timeout SECONDS (0 for none)\n',
    ]);
  });

  it('with no limit (--timeout 0), stopping rolepages stops the statement too', async () => {
    const parent = spawn(process.execPath, [CLI, 'query', '--db', db, '--timeout', '0', `SELECT COUNT(*) FROM (${ENDLESS})`], { stdio: 'ignore' });
    const statementProcess = () => spawnSync('pgrep', ['-f', `queryProcess.js ${db}`], { encoding: 'utf8' }).stdout;
    // Stopped once the statement runs in its own process (rolepages listens for signals from then on).
    while (statementProcess() === '') await new Promise((wait) => setTimeout(wait, 50));
    parent.kill('SIGTERM');
    const [status, signal] = await once(parent, 'exit');
    expect([status, signal]).toEqual([143, null]);
    // rolepages waits for the statement's process to end before it exits itself.
    expect(statementProcess()).toBe('');
  });

  // In-process, the command as registered (main.ts adds the line naming its --help).
  it('refuses a time limit that is not a number of seconds', async () => {
    expect(await runCommand(registerQuery, 'query', '--db', db, '--timeout', 'soon', 'SELECT 1')).toEqual({
      status: 2,
      stdout: '',
      stderr: "error: option '--timeout <seconds>' argument 'soon' is invalid. Expected `--timeout` to be a number of seconds from 0 up (0: no limit), got `soon`\n",
    });
  });

  it('prints a table whose widths come from its first rows, and counts every row', async () => {
    const run = await commandOutput(() => runQuery("SELECT key, page_count FROM roles WHERE key LIKE 'role-0000%' ORDER BY key", db, 'table'));
    expect(run.stdout).toBe(
      [
        'key         page_count',
        '----------  ----------',
        ...Array.from({ length: 9 }, (_, i) => `role-0000${i + 1}           1`),
        '(9 rows)',
        '',
      ].join('\n'),
    );
  });
});
