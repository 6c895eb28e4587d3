import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { isoMoment } from '../../src/cli/commands/changes.js';
import { ingest } from '../../src/ingest/ingest.js';
import { FIXTURES } from '../support/seeds.js';

// The built CLI, as users run it (`npm test` builds first).
const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });

let db: string;
beforeAll(async () => {
  // Seed 000 saved in January, and in July after the site raised the coordinators' number of jobs.
  const dir = mkdtempSync(join(tmpdir(), 'rolepages-changes-cli-'));
  const seed = readFileSync(join(FIXTURES, '000_61d26842a8aa7f89.txt'), 'utf8');
  const captures = [
    ['january', seed, '2026-01-15T09:00:00Z'],
    ['july', seed.replace('| Number of jobs | 40,113 | 116,010 |', '| Number of jobs | 41,870 | 116,010 |'), '2026-07-01T09:00:00Z'],
  ] as const;
  for (const [name, text, savedAt] of captures) {
    mkdirSync(join(dir, name));
    writeFileSync(join(dir, name, '000.txt'), text);
    utimesSync(join(dir, name, '000.txt'), new Date(savedAt), new Date(savedAt));
  }
  db = join(dir, 'roles.db');
  await ingest(db, [dir], { concurrency: 0 });
});

describe('rolepages changes', () => {
  it('prints the changes of a field, named by its label, seen since a date, as JSON', () => {
    const { status, stdout, stderr } = run('changes', '--db', db, '--field', 'Number of jobs', '--since', '2026-07-01', '--format', 'json');
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toEqual([
      {
        role_key: 'collections-coordinator',
        field: 'numberOfJobs',
        old_value: '40113',
        new_value: '41870',
        old_seen: '2026-01-15T09:00:00.000Z',
        new_seen: '2026-07-01T09:00:00.000Z',
        page_count: 1,
      },
    ]);
  });

  it('refuses a --since that is not a date in one line, with exit status 2', () => {
    const { status, stdout, stderr } = run('changes', '--db', db, '--since', '1st of July');
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('rolepages changes: --since "1st of July" is not a date; give an ISO date such as 2026-03-01 or 2026-03-01T09:00:00Z\n');
  });
});

describe('--since', () => {
  it('takes an ISO date as midnight UTC, and a date and time in its zone, UTC without one', () => {
    expect(isoMoment('2026-07-01')).toBe('2026-07-01T00:00:00.000Z');
    expect(isoMoment('2026-07-01T09:30')).toBe('2026-07-01T09:30:00.000Z');
    expect(isoMoment('2026-07-01T09:30:00+02:00')).toBe('2026-07-01T07:30:00.000Z');
    expect(isoMoment('2026-07-01T09:30:15.250Z')).toBe('2026-07-01T09:30:15.250Z');
  });

  it('refuses what is not an ISO date, and days the calendar lacks', () => {
    for (const text of ['yesterday', '07/01/2026', '2026-7-1', '2026-02-30', '2026-13-01', '2026-07-01T25:00Z', '']) expect(isoMoment(text)).toBeNull();
  });
});
