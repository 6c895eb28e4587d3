import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { checkValues, type ValueCheck } from './checkValues.js';
import { PAGE_SHAPES, type PageShape } from './renderPages.js';
import { rolePool } from './rolePool.js';
import { writeArchiveOf } from './writeArchive.js';
import { type CorpusOptions, writeCorpus } from './writeCorpus.js';

/**
 * `npm run bench [-- --pages N] [--roles N] [--seed N] [--rss-scale | --rss-pages N,N…] [--hub-pages N] [--archive-only] [--archive-gib N] [--keep]`:
 * generates a corpus per page shape and a mixed one, ingests each in a child process (the real
 * code path, worker pool included), and prints pages/s and peak RSS next to the floor (reading
 * the same files and building their DOM with htmlparser2 on one core), with the count of stored
 * values that differ from what was generated. The archive corpus ingests the same `--pages` HTML
 * pages once as loose files and once from one `.warc.gz` (`--archive-only` runs only it), and with
 * `--archive-gib N` once more from an archive that also holds N GiB of images, read past.
 */
const USAGE = 'usage: npm run bench -- [--pages N] [--text-pages N] [--roles N] [--seed N] [--rss-scale | --rss-pages N,N…] [--hub-pages N] [--archive-only] [--archive-gib N] [--keep]';

interface Row {
  name: string;
  pages: number;
  mib: number;
  floor: number;
  ingest: number;
  /** CPU time of the whole ingest process (all its threads), in ms a page. */
  cpuMsPerPage: number;
  rssMiB: number;
  failed: number;
  check: ValueCheck;
}

const MAX_HUB_PAGES = 16_000;

const RUN_INGEST = fileURLToPath(new URL('./runIngest.js', import.meta.url));
const RUN_FLOOR = fileURLToPath(new URL('./runFloor.js', import.meta.url));

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      options: {
        pages: { type: 'string' },
        'text-pages': { type: 'string' },
        roles: { type: 'string', default: '2000' },
        seed: { type: 'string', default: '20260403' },
        'rss-scale': { type: 'boolean', default: false },
        'rss-pages': { type: 'string' },
        'hub-pages': { type: 'string' },
        'archive-only': { type: 'boolean', default: false },
        'archive-gib': { type: 'string' },
        keep: { type: 'boolean', default: false },
      },
    }).values;
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`);
  }
  const number = (flag: string, text: string | undefined, fallback: number): number => {
    if (text === undefined) return fallback;
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1) fail(`Expected \`--${flag}\` to be a number from 1 and up, got \`${text}\`\n${USAGE}`);
    return n;
  };
  // Large enough that a run's fixed cost (the threads loading their modules, V8 compiling the hot
  // code of each) weighs as it does on a real folder of thousands of pages, not on a toy one.
  // Text captures: a few per role of the pool, as a crawl of the site has.
  const htmlPages = number('pages', args.pages, 3000);
  const textPages = number('text-pages', args['text-pages'], args.pages === undefined ? 10_000 : htmlPages);
  const mixedPages = args.pages === undefined ? 2000 : htmlPages * 2;
  const roles = number('roles', args.roles, 2000);
  const seed = number('seed', args.seed, 20260403);
  const hubPages = args['hub-pages'] === undefined ? undefined : number('hub-pages', args['hub-pages'], 0);
  const archiveGiB = args['archive-gib'] === undefined ? 0 : number('archive-gib', args['archive-gib'], 0);
  // The pool's title model makes some 8,000 distinct titles: the hub meets each other role twice.
  if (hubPages !== undefined && hubPages > MAX_HUB_PAGES) {
    fail(`Expected \`--hub-pages\` to be at most ${MAX_HUB_PAGES} (two pages with each of 8,000 other roles), got \`${hubPages}\`\n${USAGE}`);
  }
  // Mixed corpora of growing sizes, to see whether the peak grows with the corpus. With a pool of
  // a fixed size, a role is on more pages as the corpus grows: what reconciling one role holds
  // grows too, unlike the window of pages in flight.
  const rssScale =
    args['rss-pages'] !== undefined
      ? args['rss-pages'].split(',').map((text) => number('rss-pages', text.trim(), 0))
      : args['rss-scale']
        ? [3000, 30_000]
        : [];

  const root = mkdtempSync(join(tmpdir(), 'rolepages-bench-'));
  const pool = rolePool(roles, seed);
  process.stderr.write(`rolepages bench: ${availableParallelism()} cores, a pool of ${roles} roles, corpora in ${root}\n`);
  try {
    const runs: Array<{ name: string; shapes: readonly PageShape[]; pages: number }> = args['archive-only']
      ? []
      : [
          ...PAGE_SHAPES.map((shape) => ({ name: shape, shapes: [shape], pages: shape.startsWith('html') ? htmlPages : textPages })),
          { name: 'mixed', shapes: PAGE_SHAPES, pages: mixedPages },
        ];
    if (args['archive-only']) rssScale.length = 0;
    for (const pages of rssScale) runs.push({ name: `mixed ${pages.toLocaleString('en-US')}`, shapes: PAGE_SHAPES, pages });
    const rows = runs.map((run, i) => measure(root, run.name, pool, { pages: run.pages, shapes: run.shapes, seed: seed + i + 1 }));
    // The same HTML pages, loose and in one web archive: reading an archive should cost what reading files does.
    rows.push(...(await measureArchive(root, pool, { pages: htmlPages, shapes: ['html-table', 'html-grid'], seed: seed + 100 }, archiveGiB)));
    if (hubPages !== undefined) {
      // One role on every page, half of them flattened: its glued rows make it the joint partner
      // of every other role, and reconciling it reads all its pages.
      const shapes = ['tabular', 'flat'] as const;
      const hubPool = rolePool(Math.ceil(hubPages / shapes.length) + 1, seed);
      rows.push(measure(root, `hub of ${hubPages.toLocaleString('en-US')}`, hubPool, { pages: hubPages, shapes, seed, hub: true }));
    }
    printTable(rows);
    const wrong = rows.reduce((n, r) => n + r.check.wrong, 0);
    for (const r of rows) {
      if (r.check.wrong === 0) continue;
      process.stdout.write(`  wrong in ${r.name}, by field: ${JSON.stringify(r.check.byField)}\n`);
      for (const e of r.check.examples.slice(0, 2)) process.stdout.write(`    e.g. ${e.slice(0, 300)}\n`);
    }
    process.exitCode = wrong > 0 || rows.some((r) => r.failed > 0) ? 1 : 0;
  } finally {
    if (args.keep) process.stderr.write(`rolepages bench: kept ${root}\n`);
    else rmSync(root, { recursive: true, force: true });
  }
}

/** How many times the archive corpus ingests each of its inputs, in turn. */
const ARCHIVE_ROUNDS = 2;

/**
 * Ingests one corpus as loose files and as one `.warc.gz` of the same pages, and with `imageGiB`
 * from one that also holds that many GiB of images: an archive's memory should not follow its size.
 */
async function measureArchive(root: string, pool: ReturnType<typeof rolePool>, corpus: CorpusOptions, imageGiB: number): Promise<Row[]> {
  const dir = join(root, 'archive-corpus');
  process.stderr.write(`rolepages bench: archive: writing ${corpus.pages} pages and their .warc.gz…`);
  const { bytes } = writeCorpus(dir, pool, corpus);
  const archive = join(root, 'crawl.warc.gz');
  await writeArchiveOf(dir, archive);
  const mib = bytes / 1024 / 1024;
  const inputs: Array<[name: string, input: string, mib: number]> = [['html loose files', dir, mib], ['html in one .warc.gz', archive, mib]];
  if (imageGiB > 0) {
    process.stderr.write(` an archive with ${imageGiB} GiB of images…`);
    const large = join(root, 'crawl-with-images.warc.gz');
    await writeArchiveOf(dir, large, { imageBytes: imageGiB * 2 ** 30 });
    inputs.push([`html + ${imageGiB} GiB of images, one .warc.gz`, large, mib + imageGiB * 1024]);
  }
  process.stderr.write(' floor…');
  const floor = floorPagesPerSecond(dir);
  // The inputs are ingested in turn, ARCHIVE_ROUNDS times, and each one's fastest run is kept:
  // other work on a shared machine slows a run and never speeds it up, whichever input it hits.
  const fastest = new Map<string, { out: IngestRun; db: string }>();
  for (let round = 0; round < ARCHIVE_ROUNDS; round++) {
    for (const [name, input] of inputs) {
      process.stderr.write(` ${name}…`);
      const db = join(root, `${name.replace(/\W+/g, '-')}-${round}.db`);
      const out = runIngest(input, db);
      const best = fastest.get(name);
      if (!best || out.seconds < best.out.seconds) fastest.set(name, { out, db });
    }
  }
  const rows = inputs.map(([name, , inputMiB]) => {
    const { out, db } = fastest.get(name)!;
    return rowOf(name, corpus.pages, inputMiB, floor, out, checkValues(db, pool));
  });
  process.stderr.write('\n');
  rmSync(dir, { recursive: true, force: true });
  return rows;
}

interface IngestRun {
  seconds: number;
  maxRssMiB: number;
  cpuSeconds: number;
  stored: number;
  skipped: number;
  failed: number;
  firstFailure: { path: string; reason: string } | null;
}

function runIngest(input: string, db: string): IngestRun {
  const out = JSON.parse(execFileSync(process.execPath, [RUN_INGEST, input, db], { encoding: 'utf8', maxBuffer: 1 << 20 })) as IngestRun;
  if (out.firstFailure) process.stderr.write(` a page failed: ${out.firstFailure.path}: ${out.firstFailure.reason}…`);
  return out;
}

/** A row of the table: a corpus of `pages` pages, `mib` on disk, against its floor, as `out` ingested it. */
function rowOf(name: string, pages: number, mib: number, floor: number, out: IngestRun, check: ValueCheck): Row {
  return {
    name,
    pages,
    mib,
    floor,
    ingest: pages / out.seconds,
    cpuMsPerPage: (out.cpuSeconds * 1000) / pages,
    rssMiB: out.maxRssMiB,
    failed: out.failed,
    check,
  };
}

function measure(root: string, name: string, pool: ReturnType<typeof rolePool>, corpus: CorpusOptions): Row {
  const dir = join(root, name.replace(/\W+/g, '-'));
  process.stderr.write(`rolepages bench: ${name}: writing ${corpus.pages} pages…`);
  const { bytes } = writeCorpus(dir, pool, corpus);
  process.stderr.write(' floor…');
  const floorBefore = floorPagesPerSecond(dir);
  process.stderr.write(' ingest…');
  const db = join(root, `${name.replace(/\W+/g, '-')}.db`);
  const out = runIngest(dir, db);
  // Measured again after the ingest, and the faster of the two kept: the files were just written
  // (the disk may still be flushing them) and this machine's speed drifts, both of which would
  // flatter the ratio if they slowed the floor.
  process.stderr.write(' floor again…');
  const floor = Math.max(floorBefore, floorPagesPerSecond(dir));
  process.stderr.write(' check…\n');
  const check = checkValues(db, pool);
  rmSync(dir, { recursive: true, force: true });
  return rowOf(name, corpus.pages, bytes / 1024 / 1024, floor, out, check);
}

/**
 * Files the floor reads, evenly spread over a corpus: a page parses alike in a sample as in the
 * whole corpus (measured twice a corpus, the whole would take as long as the ingest).
 */
const FLOOR_SAMPLE = 1000;

/** Reading files and building their DOM with htmlparser2, on one thread of a process of its own (`runFloor.ts`). */
function floorPagesPerSecond(dir: string): number {
  return Number(execFileSync(process.execPath, [RUN_FLOOR, dir, String(FLOOR_SAMPLE)], { encoding: 'utf8' }));
}

function printTable(rows: Row[]): void {
  const header = ['corpus', 'pages', 'MiB', 'floor pages/s (1 core, best of 2)', 'ingest pages/s', 'ingest / floor', 'ingest CPU ms a page', 'peak RSS MiB', 'failed', 'values checked', 'wrong', 'flagged guesses'];
  const body = rows.map((r) => [
    r.name,
    String(r.pages),
    r.mib.toFixed(0),
    r.floor.toFixed(0),
    r.ingest.toFixed(0),
    `${(r.ingest / r.floor).toFixed(2)} x`,
    r.cpuMsPerPage.toFixed(2),
    r.rssMiB.toFixed(0),
    String(r.failed),
    String(r.check.checked),
    String(r.check.wrong),
    String(r.check.flagged),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  process.stdout.write(`${[line(header), `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...body.map(line)].join('\n')}\n`);
  process.stdout.write(
    `wrong values: ${rows.reduce((n, r) => n + r.check.wrong, 0)} ` +
      `(flagged guesses: values a flattened capture glued ambiguously, warned in page_warnings, that no other page settled)\n`,
  );
}

function fail(message: string): never {
  process.stderr.write(`rolepages bench: ${message}\n`);
  process.exit(2);
}

await main();
