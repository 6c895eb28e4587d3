import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerShow, renderRole } from '../../src/cli/commands/show.js';
import { ingest } from '../../src/ingest/ingest.js';
import type { RoleReport } from '../../src/store/readRole.js';
import { tempDir } from '../faults/support.js';
import { seed } from '../support/seeds.js';
import { runCommand } from './inProcess.js';

// Seed 000 saved twice: the later capture shows another salary for Collections Coordinator.
const dir = tempDir('rolepages-show-');
const db = join(dir, 'roles.db');
const older = join(dir, 'pages', 'january.txt');
const newer = join(dir, 'pages', 'february.txt');
beforeAll(async () => {
  const text = seed('000');
  mkdirSync(join(dir, 'pages'));
  writeFileSync(older, text);
  writeFileSync(newer, text.replaceAll('$37,938', '$39,120'));
  utimesSync(older, new Date('2026-01-05T10:00:00Z'), new Date('2026-01-05T10:00:00Z'));
  utimesSync(newer, new Date('2026-02-05T10:00:00Z'), new Date('2026-02-05T10:00:00Z'));
  await ingest(db, [join(dir, 'pages')], { concurrency: 0 });
});

describe('rolepages show', () => {
  it('finds a role by its title as roles prints it, letter case aside', async () => {
    const byTitle = await runCommand(registerShow, 'show', 'Collections Coordinator', '--db', db);
    const byKey = await runCommand(registerShow, 'show', 'collections-coordinator', '--db', db);
    expect(byTitle.status).toBe(0);
    expect(byTitle.stdout).toBe(byKey.stdout);
    expect((await runCommand(registerShow, 'show', 'collections COORDINATOR', '--db', db)).stdout).toBe(byKey.stdout);
  });

  it('marks the value kept when captures of one page disagree, and does not say there is no conflict', async () => {
    const { stdout } = await runCommand(registerShow, 'show', 'collections-coordinator', '--db', db);
    expect(stdout).toMatch(/^Collections Coordinator \(collections-coordinator\), seen on 1 page \(2 captures\)\n/);
    expect(stdout).toContain(`\n  Yearly salary         37938  (1 page: ${older}; dated only by file modification time)\n`);
    expect(stdout).toContain(`\n                        39120  (1 page: ${newer}; dated only by file modification time) (kept)\n`);
    expect(stdout).toContain('\n  Average age           46  (its one page, all 2 captures)\n');
    expect(stdout).toContain("Conflicts:\n  Yearly salary: captures of one page disagree; the page's newest capture is kept (marked above)\n");
    expect(stdout).not.toContain('none: the pages agree');
  });

  it('does not list the title among its own aliases', async () => {
    const { stdout } = await runCommand(registerShow, 'show', 'collections-coordinator', '--db', db);
    const aliases = stdout.slice(stdout.indexOf('Aliases:'), stdout.indexOf('\n\n', stdout.indexOf('Aliases:')));
    expect(aliases).not.toContain('Collections Coordinator (');
  });

  it('names what it was given when no role has it, exit 1', async () => {
    expect(await runCommand(registerShow, 'show', 'Astronaut', '--db', db)).toEqual({
      status: 1,
      stdout: '',
      stderr: `rolepages show: no role with key, title or alias "Astronaut" in ${db}; "rolepages roles" lists them\n`,
    });
  });
});

describe('renderRole: a long list is cut, with how many more and where to get them', () => {
  it('shows the first 20 responsibilities of 32,000', () => {
    const role: RoleReport = {
      role: { key: 'arborist', title: 'Arborist' },
      pages: 1,
      captures: 1,
      timeSources: { archive: 1 },
      fields: [],
      conflicts: [],
      aliases: [{ alias: 'Arborist', kind: 'spelling' }, { alias: 'arborists', kind: 'plural' }],
      skills: [],
      responsibilities: Array.from({ length: 32_000 }, (_, i) => `Prune tree ${i + 1}`),
      race: [],
      warnings: [],
    };
    const lines = renderRole(role, 'out/roles.db').split('\n');
    const at = lines.indexOf('Responsibilities:');
    expect(lines.slice(at + 1)).toEqual([
      ...Array.from({ length: 20 }, (_, i) => `  - Prune tree ${i + 1}`),
      '  … and 31,980 more (--format json for all)',
      '',
    ]);
    expect(lines.slice(lines.indexOf('Aliases:') + 1, lines.indexOf('Aliases:') + 3)).toEqual(['  arborists (plural)', '']);
  });
});
