import { copyFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../support/seeds.js';
import { rolepages, tempDir } from '../faults/support.js';

const NOT_A_COMPARISON = 'no comparison table (rows "Yearly salary", "Average salary", …): not an "X vs Y" comparison page of the site; give rolepages only the site\'s comparison pages';

describe('a page of some 300,000 elements read on the worker pool', () => {
  it('fails alone, with the reason extract gives, and the pages its worker held are stored', () => {
    // 4.9 MB: under the size cap, and a large DOM for a worker to hold. Named to come first, so
    // its worker holds other pages meanwhile.
    const dir = tempDir();
    const hostile = join(dir, '000 hostile.html');
    const row = '<p><a href="/x">x</a><b>y</b></p>';
    writeFileSync(hostile, `<!DOCTYPE html><html><body><main><h1>A vs B</h1>${row.repeat(Math.floor((4.9 * 1024 * 1024) / row.length))}</main></body></html>`);
    const seeds = readdirSync(FIXTURES).filter((f) => !f.endsWith('.json'));
    for (const name of seeds) copyFileSync(join(FIXTURES, name), join(dir, name));
    const extracted = rolepages('extract', hostile);
    expect(extracted.stderr).toBe(`rolepages extract: ${hostile}: ${NOT_A_COMPARISON}\n`);
    const run = rolepages('ingest', dir, '--db', join(dir, 'roles.db'), '--concurrency', '2', '--quiet');
    expect(run).toMatchObject({ status: 1, stderr: `rolepages ingest: ${hostile}: ${NOT_A_COMPARISON}\n` });
    expect(run.stdout).toMatch(new RegExp(`^${seeds.length} files stored, 0 skipped, 1 failed;`));
  });
});
