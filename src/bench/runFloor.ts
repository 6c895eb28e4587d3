import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'htmlparser2';

/**
 * The floor, measured in a process of its own as the ingest is, so that neither inherits the
 * other's heap: reading files and building their DOM with htmlparser2, one after the other on one
 * thread. `node dist/bench/runFloor.js DIR [MAX_FILES]` prints the pages per second, over every
 * file or over MAX_FILES of them evenly spread: a page's parse does not depend on how many others
 * there are, so a sample gives the same rate in a fraction of the time.
 */
const [dir, maxText] = process.argv.slice(2);
const maxFiles = maxText === undefined ? Infinity : Number(maxText);
if (!dir || !(maxFiles >= 1)) {
  process.stderr.write('usage: node dist/bench/runFloor.js DIR [MAX_FILES]\n');
  process.exit(2);
}
const all = readdirSync(dir, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile())
  .map((e) => join(e.parentPath, e.name));
const step = Math.max(1, all.length / maxFiles);
const files = all.length <= maxFiles ? all : Array.from({ length: Math.floor(maxFiles) }, (_, i) => all[Math.floor(i * step)]!);
// A first pass warms the parser's code: the floor is a rate, timed once it is warm.
for (const file of files.slice(0, 20)) parseDocument(readFileSync(file, 'utf8'));
const started = performance.now();
for (const file of files) parseDocument(readFileSync(file, 'utf8'));
process.stdout.write(`${files.length / ((performance.now() - started) / 1000)}\n`);
