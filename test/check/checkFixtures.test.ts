import { copyFileSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFixtures, expectedPathFor } from '../../src/check/checkFixtures.js';
import { FIXTURES } from '../support/seeds.js';

describe('the fixtures', () => {
  it('every saved page in fixtures/ gives its expected record', async () => {
    const results = await checkFixtures(FIXTURES);
    expect(results.length).toBeGreaterThanOrEqual(5);
    const failures = results.filter((r) => r.status !== 'match');
    expect(failures).toEqual([]);
  });
});

describe('rolepages check', () => {
  const copyOf = (names: string[]) => {
    const dir = mkdtempSync(join(tmpdir(), 'rolepages-check-'));
    for (const name of names) copyFileSync(join(FIXTURES, name), join(dir, name));
    return dir;
  };
  const seed000 = readdirSync(FIXTURES).find((f) => f.startsWith('000_') && f.endsWith('.txt'))!;

  it('fails with a diff by field path when one expected value is changed by hand', async () => {
    const dir = copyOf([seed000, `${seed000}.expected.json`]);
    const expectedFile = expectedPathFor(join(dir, seed000));
    const expected = JSON.parse(readFileSync(expectedFile, 'utf8'));
    expected.roles[1].averageAge = 4;
    writeFileSync(expectedFile, JSON.stringify(expected, null, 2));
    const [result] = await checkFixtures(dir);
    expect(result).toEqual({ page: join(dir, seed000), status: 'mismatch', differences: ['roles[1].averageAge: expected 4, got 46'] });
  });

  it('--update rewrites only the expected files whose record changed', async () => {
    const seed001 = readdirSync(FIXTURES).find((f) => f.startsWith('001_') && f.endsWith('.txt'))!;
    const dir = copyOf([seed000, `${seed000}.expected.json`, seed001, `${seed001}.expected.json`]);
    const changed = expectedPathFor(join(dir, seed000));
    const expected = JSON.parse(readFileSync(changed, 'utf8'));
    expected.roles[1].averageAge = 4;
    writeFileSync(changed, JSON.stringify(expected, null, 2));
    const untouched = expectedPathFor(join(dir, seed001));
    const before = statSync(untouched).mtimeMs;
    const results = await checkFixtures(dir, { update: true });
    expect(results.map((r) => r.status)).toEqual(['updated', 'match']);
    expect(results[0]).toEqual({ page: join(dir, seed000), status: 'updated', expectedFile: changed });
    expect(JSON.parse(readFileSync(changed, 'utf8')).roles[1].averageAge).toBe(46);
    expect(statSync(untouched).mtimeMs).toBe(before);
  });

  it('fails a page without expected JSON with a hint, and --update writes it', async () => {
    const dir = copyOf([seed000]);
    const [missing] = await checkFixtures(dir);
    expect(missing).toMatchObject({ status: 'missing-expected' });
    expect(missing!.status === 'missing-expected' && missing!.reason).toContain('--update');
    await checkFixtures(dir, { update: true });
    expect((await checkFixtures(dir))[0]!.status).toBe('match');
  });

  it('names an expected record whose page is gone, as a failure', async () => {
    const dir = copyOf([seed000, `${seed000}.expected.json`]);
    copyFileSync(join(FIXTURES, `${seed000}.expected.json`), join(dir, 'renamed.txt.expected.json'));
    const results = await checkFixtures(dir);
    expect(results).toEqual([
      { page: join(dir, seed000), status: 'match' },
      {
        page: join(dir, 'renamed.txt.expected.json'),
        status: 'missing-page',
        reason: 'its page renamed.txt is not in the folder; restore the page, or delete the expected record',
      },
    ]);
  });
});
