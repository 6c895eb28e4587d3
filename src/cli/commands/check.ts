import type { Command } from 'commander';
import { checkFixtures } from '../../check/checkFixtures.js';

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('fixture regression: compare each page\'s record with the expected JSON beside it')
    .argument('[dir]', 'folder of saved pages with their .expected.json files', 'fixtures')
    .option('--update', 'rewrite the expected files from the current records (check them by hand after)')
    .action(async (dir: string, options: { update?: boolean }) => {
      const results = await checkFixtures(dir, options);
      let failed = 0;
      for (const result of results) {
        if (result.status === 'match' || result.status === 'updated') continue;
        failed++;
        if (result.status === 'mismatch') {
          process.stdout.write(`MISMATCH ${result.page}\n${result.differences.map((d) => `  ${d}`).join('\n')}\n`);
        } else {
          process.stdout.write(`FAIL ${result.page}: ${result.reason}\n`);
        }
      }
      const updated = results.flatMap((r) => (r.status === 'updated' ? [r.expectedFile] : []));
      const matched = results.length - failed - updated.length;
      const counts = options.update
        ? `${updated.length} updated${updated.length > 0 ? `: ${updated.join(', ')};` : ','} ${matched} unchanged`
        : `${matched} match`;
      process.stdout.write(`${counts}, ${failed} failed (${results.length} pages in ${dir})\n`);
      if (results.length === 0) process.stdout.write(`no saved pages (*.html, *.htm, *.txt, *.md) in ${dir}\n`);
      process.exitCode = failed > 0 || results.length === 0 ? 1 : 0;
    });
}
