import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runQuery } from '../../src/cli/commands/query.js';
import { RoleStore } from '../../src/store/roleStore.js';
import { tempDir } from '../faults/support.js';

const db = join(tempDir('rolepages-query-'), 'roles.db');
RoleStore.open(db).close();

/** runQuery in this process: its stderr and the status it set. */
async function query(sql: string): Promise<{ status: number; stderr: string }> {
  let stderr = '';
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
  process.exitCode = 0;
  try {
    await runQuery(sql, db, 'csv');
    return { status: Number(process.exitCode), stderr };
  } finally {
    spy.mockRestore();
    process.exitCode = 0;
  }
}

describe('query: a statement with a placeholder is an SQL error like any other', () => {
  it.each([
    ['select * from pages where id > ?', 'Too few parameter values were provided'],
    ['select * from pages where id > :id', 'Missing named parameters'],
  ])('%s: one line, exit 2', async (sql, reason) => {
    expect(await query(sql)).toEqual({
      status: 2,
      stderr: `rolepages query: SQL error: ${reason}: query takes no values for ? or :name placeholders; write the values into the statement\n`,
    });
  });
});
