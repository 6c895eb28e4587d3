import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

/**
 * The stages, lowest first. A module may import from its own level or a lower one, never from a
 * higher one: data flows one way. Top-level files and folders not named here fail the test until
 * they are given a level.
 */
const LEVELS: ReadonlyArray<readonly string[]> = [
  ['values', 'site', 'schema', 'util', 'files', 'errors.ts', 'printable.ts', 'words.ts'],
  ['read'],
  ['extract'],
  ['reconcile'],
  ['store'],
  ['ingest', 'report', 'check'],
  ['cli', 'bench', 'index.ts'],
];

const SRC = resolve(import.meta.dirname, '../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.c?ts$/.test(e.name) && !e.name.endsWith('.d.ts') ? [join(dir, e.name)] : [],
  );
}

/** Every relative module a file imports or re-exports, statically or with import(), as a path under src/. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]!);
  return specifiers.map((s) => relative(SRC, resolve(dirname(file), s)).replace(/\.c?js$/, (ext) => (ext === '.cjs' ? '.cts' : '.ts')));
}

function levelOf(path: string): number {
  const top = path.split('/')[0]!;
  return LEVELS.findIndex((names) => names.includes(top));
}

const graph = new Map(sourceFiles(SRC).map((f) => [relative(SRC, f), importsOf(f)]));

describe('the import graph of src/', () => {
  test('gives every module a stage', () => {
    expect([...graph.keys()].filter((m) => levelOf(m) < 0)).toEqual([]);
  });

  test('imports only modules that exist', () => {
    const missing = [...graph].flatMap(([m, deps]) => deps.filter((d) => !graph.has(d)).map((d) => `${m} → ${d}`));
    expect(missing).toEqual([]);
  });

  test('has no import from a later stage into an earlier one', () => {
    const upward = [...graph].flatMap(([m, deps]) => deps.filter((d) => levelOf(d) > levelOf(m)).map((d) => `${m} → ${d}`));
    expect(upward).toEqual([]);
  });

  test('has no cycle', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (m: string, path: string[]): void => {
      if (state.get(m) === 'done') return;
      if (state.get(m) === 'open') {
        cycles.push([...path.slice(path.indexOf(m)), m].join(' → '));
        return;
      }
      state.set(m, 'open');
      for (const d of graph.get(m) ?? []) visit(d, [...path, m]);
      state.set(m, 'done');
    };
    for (const m of [...graph.keys()].sort()) visit(m, []);
    expect(cycles).toEqual([]);
  });
});
