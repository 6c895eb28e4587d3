import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { extractFile, extractPage, ingest, openReadOnly, PageError, PageRecord, readPage, readRole, ReportError, RoleFacts, StoreError, writeReport } from 'rolepages';
import { tempDir } from './faults/support.js';
import { FIXTURES } from './support/seeds.js';

// Imported by the package's name, as a user's code or CI would: what `exports` gives.
describe('the rolepages package', () => {
  it('extracts a saved page into a record its own zod schema accepts', async () => {
    const record = await extractFile(join(FIXTURES, '000_61d26842a8aa7f89.txt'));
    if (record instanceof PageError) throw record;
    expect(PageRecord.parse(record).roles.map((r) => [r.key, r.yearlySalary])).toEqual([
      ['collections-coordinator', 37938],
      ['account-specialist', 42586],
    ]);
    expect(RoleFacts.shape.averageAge.parse(46)).toBe(46);
  });

  it('gives a PageError, not an exception, for a file that is not a page', async () => {
    const error = await extractFile(join(FIXTURES, 'no-such-page.txt'));
    expect(error).toBeInstanceOf(PageError);
    expect((error as PageError).reason).toBe('cannot read the file (ENOENT); check that it exists and is readable');
  });
});

describe('the package: one error convention, every error class, the read behind show', () => {
  it('returns a PageError from every function about one page, never throws one', async () => {
    const missing = await readPage(join(FIXTURES, 'no-such-page.txt'));
    expect(missing).toMatchObject({ code: 'unreadable' });
    const page = await readPage(join(FIXTURES, '000_61d26842a8aa7f89.txt'));
    if (page instanceof PageError) throw page;
    const record = extractPage(page.document, { path: 'seed-000.txt', sha256: page.sha256 });
    expect(record instanceof PageError ? record.message : record.roles.map((r) => r.key)).toEqual(['collections-coordinator', 'account-specialist']);
  });

  it('throws StoreError and ReportError with what is wrong, and reads a role as show does', async () => {
    const dir = tempDir('rolepages-package-');
    expect(() => openReadOnly(join(dir, 'none.db'))).toThrow(StoreError);
    expect(() => writeReport(join(dir, 'none.db'), join(dir, 'report.html'))).toThrow(ReportError);
    await ingest(join(dir, 'roles.db'), [join(FIXTURES, '000_61d26842a8aa7f89.txt')], { concurrency: 0 });
    const db = openReadOnly(join(dir, 'roles.db'));
    const role = readRole(db, 'collections-coordinator');
    db.close();
    expect([role?.role.yearly_salary, role?.pages, role?.captures]).toEqual([37938, 1, 1]);
  });

  it('declares RoleStore without its connection or its two steps', () => {
    const declared = readFileSync(fileURLToPath(new URL('../dist/store/roleStore.d.ts', import.meta.url)), 'utf8');
    const members = declared.slice(declared.indexOf('export declare class RoleStore'));
    expect(members).not.toMatch(/readonly db\b|storeCaptures|reconcilePending|pendingCount/);
    expect(members).toMatch(/static open\(file: string\): RoleStore;/);
  });
});
