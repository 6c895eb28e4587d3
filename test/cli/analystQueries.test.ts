import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest/ingest.js';

// docs/queries.md promises that its example queries run on the fixtures' database: each is taken
// from the document itself and run here.
const GUIDE = fileURLToPath(new URL('../../docs/queries.md', import.meta.url));

function guideQueries(): Map<string, string> {
  const queries = new Map<string, string>();
  for (const block of readFileSync(GUIDE, 'utf8').matchAll(/```sql\n([\s\S]*?)```/g)) {
    const name = /^-- query: (\S+)/m.exec(block[1]!)?.[1];
    const sql = block[1]!.slice(0, block[1]!.indexOf(';') + 1).replace(/^--.*\n/gm, '');
    if (name) queries.set(name, sql);
  }
  return queries;
}

let db: Database.Database;
const queries = guideQueries();
const run = (name: string) => {
  const sql = queries.get(name);
  if (!sql) throw new Error(`docs/queries.md has no query named ${name}`);
  return db.prepare(sql).all();
};

beforeAll(async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'rolepages-guide-')), 'roles.db');
  expect((await ingest(file, ['fixtures'])).failed).toEqual([]);
  db = new Database(file, { readonly: true });
});

describe('the example queries of docs/queries.md, on the fixtures', () => {
  it('has the seven queries they describe', () => {
    expect([...queries.keys()]).toEqual(['history', 'best-paid', 'shared-skills', 'disagreements', 'provenance', 'search', 'comparisons']);
  });

  it("history: the page of seeds 000 and 005 has two captures, each with Collections Coordinator's 37,938", () => {
    const rows = run('history') as Array<{ path: string; format: string; yearly_salary: string }>;
    expect(rows.map((r) => [r.path.split('/').at(-1), r.format, r.yearly_salary]).sort()).toEqual([
      ['000_61d26842a8aa7f89.txt', 'text', '37938'],
      ['005_61d26842a8aa7f89_table.html', 'html', '37938'],
    ]);
  });

  it('best-paid: Arborist (of the page without an overview) first, then Senior Collection Specialist and Account Specialist', () => {
    const rows = run('best-paid') as Array<Record<string, unknown>>;
    expect(rows.slice(0, 3).map(({ page_count: _, ...rest }) => rest)).toEqual([
      { title: 'Arborist', yearly_salary: 56930, salary_min: 38000, salary_max: 79000 },
      { title: 'Senior Collection Specialist', yearly_salary: 45150, salary_min: 33000, salary_max: 61000 },
      { title: 'Account Specialist', yearly_salary: 42586, salary_min: 28000, salary_max: 62000 },
    ]);
    // Account Specialist is on seeds 000, 002 and 003, each saved as text and as HTML: three pages.
    const pages = db.prepare("SELECT COUNT(DISTINCT page_key) AS pages, COUNT(*) AS captures FROM pages WHERE 'account-specialist' IN (role_a, role_b)").get();
    expect(pages).toEqual({ pages: 3, captures: 6 });
    expect(rows[2]?.page_count).toBe(3);
  });

  it('shared-skills: Collections Representative and Coordinator share Customer Service and Delinquent Accounts', () => {
    expect(run('shared-skills')).toEqual([
      { name: 'Customer Service', representative_pct: 13, coordinator_pct: 15 },
      { name: 'Delinquent Accounts', representative_pct: 9, coordinator_pct: 4 },
    ]);
  });

  it('disagreements: none, the fixture pages all agree', () => {
    expect(run('disagreements')).toEqual([]);
  });

  it('provenance: the Coordinator is 46 on every page, tabular and flattened alike', () => {
    const rows = run('provenance') as Array<{ path: string; layout: string; value: string }>;
    const names = rows.map((r) => r.path.split('/').pop());
    expect(names).toEqual(expect.arrayContaining(['000_61d26842a8aa7f89.txt', '001_47a54ea3bd2ce3cc.txt', '004_53ee470b7ca18917.txt']));
    expect(new Set(rows.map((r) => r.value))).toEqual(new Set(['46']));
    expect(rows.find((r) => r.path.endsWith('004_53ee470b7ca18917.txt'))?.layout).toBe('flat');
  });

  it('search: "medicare" is in a Collections Coordinator responsibility', () => {
    expect(run('search')).toEqual([{ key: 'collections-coordinator', title: 'Collections Coordinator' }]);
  });

  it('comparisons: the page without an overview puts the Tree Trimmer $15,670 below the Arborist, then seed 000 the Coordinator $4,648 below the Account Specialist', () => {
    const rows = run('comparisons');
    expect(rows[0]).toEqual({
      title_a: 'Tree Trimmer',
      title_b: 'Arborist',
      yearly_salary_a: 41260,
      yearly_salary_b: 56930,
      salary_difference: -15670,
    });
    // Its four captures come first; seed 000 and its HTML rendering next.
    expect(rows[4]).toEqual({
      title_a: 'Collections Coordinator',
      title_b: 'Account Specialist',
      yearly_salary_a: 37938,
      yearly_salary_b: 42586,
      salary_difference: -4648,
    });
  });
});
