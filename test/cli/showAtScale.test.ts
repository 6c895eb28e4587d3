import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderRole } from '../../src/cli/commands/show.js';
import { openReadOnly } from '../../src/store/openDatabase.js';
import { readRole, type RoleReport } from '../../src/store/readRole.js';
import { tempDir } from '../faults/support.js';
import { buildHubRoleDb } from '../support/hubRoleDb.js';

let db: string;
beforeAll(() => {
  db = buildHubRoleDb(join(tempDir('rolepages-hub-'), 'roles.db'), 1200);
});

/** What `rolepages show collections-coordinator` reads (the command's wiring is tested in analystCommands.test.ts). */
function roleReport(): RoleReport {
  const reader = openReadOnly(db);
  try {
    return readRole(reader, 'collections-coordinator')!;
  } finally {
    reader.close();
  }
}

const path = (id: number) => `/captures/collections-coordinator-vs-account-specialist-${String(id).padStart(5, '0')}.txt`;

describe('rolepages show on a role seen on 1,200 pages', () => {
  it('says once that all pages agree, and lists a few captures per disagreeing value', () => {
    expect(renderRole(roleReport(), db)).toBe(
      [
        'Collections Coordinator (collections-coordinator), seen on 1,200 pages',
        '',
        'Values, each with the captures that showed it:',
        `  Most common degree  {"name":"Bachelor's Degree","pct":48}  (all 1,200 pages)`,
        '  Title               "Collections Coordinator"  (all 1,200 pages)',
        `  Yearly salary       37938  (1,080 pages: ${path(1)}, ${path(2)}, ${path(3)} and 1,077 more) (kept)`,
        `                      39120  (120 pages: ${path(10)}, ${path(20)}, ${path(30)} and 117 more)`,
        '',
        'Conflicts:',
        '  none: the pages agree on every field',
        '',
        'Aliases:',
        '  none',
        '',
      ].join('\n'),
    );
  });

  it('gives everything with --format json, values as JSON values', () => {
    // What show --format json prints: the report as JSON.
    const report = JSON.parse(JSON.stringify(roleReport()));
    expect([report.pages, report.captures]).toEqual([1200, 1200]);
    expect(report.fields.map((f: { field: string }) => f.field)).toEqual(['degree', 'title', 'yearlySalary']);
    const [degree, , salary] = report.fields;
    expect(degree.values).toEqual([{ value: { name: "Bachelor's Degree", pct: 48 }, pages: 1200, captures: 1200, paths: Array.from({ length: 1200 }, (_, i) => path(i + 1)), fileTimed: 1200 }]);
    expect(salary.values.map((v: { value: unknown; captures: number; paths: string[] }) => [v.value, v.captures, v.paths.length])).toEqual([
      [37938, 1080, 1080],
      [39120, 120, 120],
    ]);
    expect(salary.values[1].paths.slice(0, 2)).toEqual([path(10), path(20)]);
  });
});
