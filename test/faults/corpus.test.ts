import { execFileSync } from 'node:child_process';
import { mkdirSync, openSync, closeSync, ftruncateSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summaryLine } from '../../src/cli/commands/ingest.js';
import { PageError } from '../../src/errors.js';
import { ingest, type IngestSummary } from '../../src/ingest/ingest.js';
import type { PageRecord } from '../../src/schema/pageRecord.js';
import { RoleStore } from '../../src/store/roleStore.js';
import { FIXTURES } from '../support/seeds.js';
import { tempDb } from '../store/storeFixtures.js';
import { BAD_INPUTS, corpusCopy, expectSound, extractFile, tempDir } from './support.js';

const at = (name: string) => join(BAD_INPUTS, name);
const warningsOf = (r: PageRecord) => r.warnings.map((w) => `${w.role ?? '-'} ${w.field}: ${w.message}`);
const rolesOf = (r: PageRecord) => r.roles.map((role) => [role.key, role.yearlySalary]);

async function recordOf(name: string): Promise<PageRecord> {
  const result = await extractFile(at(name));
  if (result instanceof PageError) throw new Error(`expected a record of ${name}, got: ${result.message}`);
  return result;
}

async function errorOf(path: string, options = {}): Promise<PageError> {
  const result = await extractFile(path, options);
  if (!(result instanceof PageError)) throw new Error(`expected ${path} to fail, got a record`);
  return result;
}

/** The files of the corpus that are pages (possibly with warnings), and those that are not. */
const GOOD = [
  'backtracking-cells.txt',
  'backtracking-glued-row.txt',
  'cut-off-mid-table.txt',
  'deep-nesting.html',
  'duplicated-sections.txt',
  'good 000 copy.txt',
  'good-003 café ñandú.txt',
  'good-004-flat.txt',
  'good-005-table.html',
  'latin1-accented-002.txt',
  'same-role-twice.txt',
  'utf16-bom-001.txt',
];
const BAD: Record<string, string> = {
  'dangling-link.html': 'a symbolic link to nothing (ENOENT); remove it or point it at a page',
  'self-link.html': 'a symbolic link that leads round in a loop (ELOOP); remove it or point it at a page',
  'empty.txt': 'the file is empty (0 bytes); save the page again',
  'one-role.txt': 'the comparison tables name one role (Collections Coordinator) where a comparison page names two; save the whole page again',
  'picture.html': 'the file holds binary data (a PNG image), not a saved page (expected HTML or text)',
  'skills-page.txt': 'no comparison table (rows "Yearly salary", "Average salary", …): not an "X vs Y" comparison page of the site; give rolepages only the site\'s comparison pages',
};

describe('pages that are odd but still pages: a record, with a warning for each doubt', () => {
  it('reads UTF-16 with a byte order mark as the same page as its UTF-8 original, without doubts', async () => {
    const original = await extractFile(join(FIXTURES, '001_47a54ea3bd2ce3cc.txt'));
    const utf16 = await recordOf('utf16-bom-001.txt');
    expect(utf16.roles).toEqual((original as PageRecord).roles);
    expect(utf16.warnings).toEqual([]);
  });

  it('decodes undeclared latin-1 as windows-1252, keeps the accents, and says it guessed', async () => {
    const record = await recordOf('latin1-accented-002.txt');
    expect(warningsOf(record)).toEqual([
      '- page: the file is not valid UTF-8 (no byte order mark or charset declaration); it was decoded as windows-1252',
    ]);
    expect(rolesOf(record)).toEqual([
      ['collections-associate', 38589],
      ['account-specialist', 42586],
    ]);
    expect(readFileSync(at('latin1-accented-002.txt'), 'latin1')).toContain('café');
  });

  it('keeps what a page cut off mid-table shows, says where it stops, and warns on the row it lost', async () => {
    const record = await recordOf('cut-off-mid-table.txt');
    expect(rolesOf(record)).toEqual([
      ['collections-coordinator', 37938],
      ['account-specialist', 42586],
    ]);
    expect(record.roles[0].hourlyRate).toBe(18.24);
    expect(record.roles.map((r) => r.numberOfJobs)).toEqual([null, null]);
    expect(warningsOf(record)).toEqual([
      '- page: the capture stops in the middle of the overview table, at row "Number of jobs"; what it read is kept, and the fields it did not reach are empty',
      'collections-coordinator numberOfJobs: row "Number of jobs": "40," is not a count like "116,010"; left empty',
      'account-specialist numberOfJobs: row "Number of jobs" has no cell for Account Specialist (the capture may be cut off)',
    ]);
  });

  it('stores a page comparing a role with itself, with a warning on the title', async () => {
    const record = await recordOf('same-role-twice.txt');
    expect(record.roles.map((r) => r.key)).toEqual(['collections-coordinator', 'collections-coordinator']);
    expect(warningsOf(record)[0]).toBe('- title: both columns show the same role (Collections Coordinator); the page compares it with itself');
  });

  it('keeps the first of two salary sections that disagree and warns', async () => {
    const record = await recordOf('duplicated-sections.txt');
    expect(rolesOf(record)).toEqual([
      ['collections-associate', 38589],
      ['account-specialist', 42586],
    ]);
    expect(warningsOf(record)).toContain('collections-associate yearlySalary: "Average salary" shows 39000 but "Yearly salary" shows 38589; kept the latter');
  });

  it('reads an article nested 10,000 divs deep and says the wrappers were stepped through', async () => {
    const record = await recordOf('deep-nesting.html');
    expect(rolesOf(record)).toEqual([
      ['collections-coordinator', 37938],
      ['account-specialist', 42586],
    ]);
    expect(warningsOf(record)).toContain('- page: wrappers nested deeper than 256 levels (10001) were stepped through to the content');
  });

  it('leaves cells of thousands of digits, commas, "$" and "%" empty with a one-line warning each', async () => {
    const record = await recordOf('backtracking-cells.txt');
    expect(record.roles[0]).toMatchObject({ hourlyRate: null, growthRate: null, numberOfJobs: null, gender: null });
    // The education table repeats the degree row, and its cell is a real one.
    expect(record.roles[0].degree).toEqual({ name: "Bachelor's Degree", pct: 48 });
    expect(record.roles[1]).toMatchObject({ hourlyRate: 20.47, numberOfJobs: 116010 });
    expect(warningsOf(record)).toContain('collections-coordinator hourlyRate: row "Hourly rate": money cell is 4000 characters long; left empty');
    for (const w of record.warnings) {
      expect(w.message).not.toContain('\n');
      expect(w.message.length).toBeLessThan(200);
    }
  });

  it('leaves out a flattened row glued 6,000 characters long, with the reason', async () => {
    const record = await recordOf('backtracking-glued-row.txt');
    expect(record.roles.map((r) => r.numberOfJobs)).toEqual([null, null]);
    expect(record.roles.map((r) => r.hourlyRate)).toEqual([16.35, 18.24]);
    expect(warningsOf(record).find((w) => w.includes('numberOfJobs'))).toMatch(
      /^- numberOfJobs: row "Number of jobs": "85,27585,275.{40,90}" cannot be split: its 6006 characters are longer than/,
    );
  });
});

describe('files that are not pages: a PageError naming the file and the reason in one line', () => {
  it.each([
    ['empty.txt', 'not-a-comparison', 'the file is empty (0 bytes); save the page again'],
    ['picture.html', 'not-text', BAD['picture.html']!],
    ['one-role.txt', 'not-a-comparison', BAD['one-role.txt']!],
    ['skills-page.txt', 'not-a-comparison', BAD['skills-page.txt']!],
    ['dangling-link.html', 'unreadable', 'cannot read the file (ENOENT); check that it exists and is readable'],
    ['self-link.html', 'unreadable', 'cannot read the file (ELOOP); check that it exists and is readable'],
    ['loop', 'unreadable', 'a directory, not a regular file; name a saved page file'],
  ])('%s: %s', async (name, code, reason) => {
    const error = await errorOf(at(name));
    expect([error.code, error.reason]).toEqual([code, reason]);
    expect(error.message).toBe(`${at(name)}: ${reason}`);
  });

  // Tests run as root, whom `chmod 000` does not stop, so a file that cannot be read is simulated
  // by what cannot be read whoever you are: a dangling or looping link, a directory, a FIFO.
  it('a FIFO named like a page is refused before it is opened (reading it would wait forever)', async () => {
    const dir = tempDir();
    const fifo = join(dir, 'page.html');
    execFileSync('mkfifo', [fifo]);
    const error = await errorOf(fifo);
    expect([error.code, error.reason]).toEqual(['unreadable', 'a named pipe (FIFO), not a regular file; name a saved page file']);
  });

  it('a 50 MB file is refused by its size before it is read (the command line adds the flag that raises the cap)', async () => {
    const path = join(tempDir(), 'huge.html');
    const fd = openSync(path, 'w');
    ftruncateSync(fd, 50 * 1024 * 1024);
    closeSync(fd);
    const error = await errorOf(path);
    expect([error.code, error.reason]).toEqual([
      'too-large',
      '50.0 MiB is over the 5.0 MiB limit for one page',
    ]);
    const raised = await errorOf(path, { maxBytes: 64 * 1024 * 1024 });
    expect(raised.reason).toBe('the file holds NUL bytes: it is binary, not a saved page (expected HTML or text)');
  });

  it('a single 5 MB line with no newline is read to the end and is not a comparison', async () => {
    // That such a line is read in linear time is timed by `npm run test:scale`.
    const path = join(tempDir(), 'one line.txt');
    const seedText = readFileSync(join(FIXTURES, '000_61d26842a8aa7f89.txt'), 'utf8').replace(/\n/g, ' ');
    writeFileSync(path, seedText.repeat(Math.ceil(5_000_000 / seedText.length)).slice(0, 5_000_000));
    const error = await errorOf(path);
    expect(error.code).toBe('not-a-comparison');
  });
});

// What `rolepages ingest test/bad-inputs` prints is made of this summary: a line on stderr for
// each failure and summaryLine on stdout (the CLI's wiring is tested in test/cli/analystCommands).
describe('ingest of test/bad-inputs', () => {
  let dir: string;
  let db: string;
  let summary: IngestSummary;
  beforeAll(async () => {
    dir = tempDir();
    db = join(dir, 'roles.db');
    summary = await ingest(db, [BAD_INPUTS]);
  });

  it('names every bad file once, with its reason', () => {
    const failures = summary.failed.map((f) => `${f.path}: ${f.reason}`).sort();
    const expected = Object.entries(BAD).map(([name, reason]) => `${join(BAD_INPUTS, name)}: ${reason}`).sort();
    expect(failures).toEqual(expected);
  });

  it('stores every good file and says so in the summary line', () => {
    // Twelve captures of six pages (seed 000 alone is saved five ways).
    expect(summaryLine(summary)).toBe('12 files stored, 0 skipped, 6 failed; 6 roles from 6 pages (12 captures); 14 conflicting fields');
    const store = RoleStore.open(db);
    const stored = store.db.prepare('SELECT path FROM pages ORDER BY path').pluck().all();
    // Each path as seen from the database's folder.
    expect(stored).toEqual(GOOD.map((name) => relative(dir, join(BAD_INPUTS, name))).sort());
    expectSound(store.db);
    store.close();
  });

  it('skips them all the second time and still fails the bad ones', async () => {
    const again = await ingest(db, [BAD_INPUTS]);
    expect(summaryLine(again)).toMatch(/^0 files stored, 12 skipped, 6 failed;/);
  });
});

describe('ingest of the corpus with what git cannot hold: a FIFO, a 50 MB file, a 5 MB line, a folder named like a page', () => {
  let summary: IngestSummary;
  let store: RoleStore;
  let dir: string;
  beforeAll(async () => {
    dir = corpusCopy();
    execFileSync('mkfifo', [join(dir, 'pipe.html')]);
    const fd = openSync(join(dir, '50 MB.txt'), 'w');
    writeSync(fd, 'Explore jobs\n');
    ftruncateSync(fd, 50 * 1024 * 1024);
    closeSync(fd);
    writeFileSync(join(dir, 'line.txt'), '$1,'.repeat(1_600_000));
    mkdirSync(join(dir, 'folder.html'));
    writeFileSync(join(dir, 'folder.html', 'inside.txt'), readFileSync(join(FIXTURES, '002_c0781b1da5386105.txt')));
    store = RoleStore.open(tempDb());
    summary = await ingest(store, [dir]);
  });
  afterAll(() => store.close());

  it('fails each hostile file once with its reason and goes on', () => {
    const reasons = Object.fromEntries(summary.failed.map((f) => [f.path.slice(dir.length + 1), f.reason]));
    expect(summary.failed).toHaveLength(Object.keys(BAD).length + 3);
    expect(reasons).toMatchObject({
      'pipe.html': 'a named pipe (FIFO), not a regular file; name a saved page file',
      '50 MB.txt': '50.0 MiB is over the 5.0 MiB limit for one page',
      'line.txt': BAD['skills-page.txt'],
    });
  });

  it('stores the good pages, the one in the folder named like a page too, and the database checks clean', () => {
    expect(summary.stored).toBe(GOOD.length + 1);
    expect(store.db.prepare('SELECT count(*) FROM pages WHERE path LIKE ?').pluck().get('%folder.html/inside.txt')).toBe(1);
    expectSound(store.db);
  });
});
