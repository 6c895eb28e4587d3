import type { Command } from 'commander';
import { checkFixtures, type FixtureResult } from '../../check/checkFixtures.js';
import { printable } from '../../printable.js';
import { plural } from '../../words.js';
import { COMMAND_HELP } from '../commandHelp.js';
import { pathProblem } from './pathProblem.js';
import { fail } from './userError.js';

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description(COMMAND_HELP.check.description)
    .argument('[dir]', 'folder of saved pages with their .expected.json files', 'fixtures')
    .option('--update', 'rewrite the expected files from the current records (check them by hand after)')
    .action(async (dir: string, options: { update?: boolean }) => {
      let results: FixtureResult[];
      try {
        results = await checkFixtures(dir, options);
      } catch (error) {
        const problem = pathProblem(dir, error);
        if (problem === undefined) throw error;
        fail('check', problem);
        return;
      }
      let failed = 0;
      for (const result of results) {
        if (result.status === 'match' || result.status === 'updated') continue;
        failed++;
        if (result.status === 'mismatch') {
          process.stdout.write(`MISMATCH ${printable(result.page)}\n${result.differences.map((d) => `  ${d}`).join('\n')}\n`);
        } else {
          process.stdout.write(`FAIL ${printable(result.page)}: ${result.reason}\n`);
        }
      }
      const updated = results.flatMap((r) => (r.status === 'updated' ? [printable(r.expectedFile)] : []));
      const matched = results.length - failed - updated.length;
      const counts = options.update
        ? `${updated.length} updated${updated.length > 0 ? `: ${updated.join(', ')};` : ','} ${matched} unchanged`
        : `${matched} match`;
      process.stdout.write(`${counts}, ${failed} failed (${plural(results.length, 'file')} in ${printable(dir)})\n`);
      if (results.length === 0) process.stdout.write(`no saved pages (*.html, *.htm, *.txt, *.md) in ${printable(dir)}\n`);
      process.exitCode = failed > 0 || results.length === 0 ? 1 : 0;
    });
}
