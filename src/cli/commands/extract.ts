import type { Command } from 'commander';
import { PageError } from '../../errors.js';
import { extractFile } from '../../extract/extractFile.js';
import { maxSizeOption } from './maxSize.js';
import { advice, fail } from './userError.js';

export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('print the page record of one saved page as JSON')
    .argument('<file>', 'a saved page: HTML, tabular text or flattened text')
    .addOption(maxSizeOption())
    .action(async (file: string, options: { maxSize: number }) => {
      const record = await extractFile(file, { maxBytes: options.maxSize });
      if (record instanceof PageError) {
        fail('extract', advice(record)!.split('\n')[0]!);
        return;
      }
      process.stdout.write(`${JSON.stringify(record, null, 2)}\n`);
    });
}
