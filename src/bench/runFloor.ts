import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'htmlparser2';

/**
 * The floor, measured in a process of its own as the ingest is, so that neither inherits the
 * other's heap: reading every file and building its DOM with htmlparser2, one after the other on
 * one thread. `node dist/bench/runFloor.js DIR` prints the pages per second.
 */
const [dir] = process.argv.slice(2);
if (!dir) {
  process.stderr.write('usage: node dist/bench/runFloor.js DIR\n');
  process.exit(2);
}
const files = readdirSync(dir, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile())
  .map((e) => join(e.parentPath, e.name));
// A first pass warms the parser's code, as the ingest's workers warm theirs.
for (const file of files.slice(0, 20)) parseDocument(readFileSync(file, 'utf8'));
const started = performance.now();
for (const file of files) parseDocument(readFileSync(file, 'utf8'));
process.stdout.write(`${files.length / ((performance.now() - started) / 1000)}\n`);
