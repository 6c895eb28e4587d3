import type { Command } from 'commander';
import { PageError } from '../../errors.js';
import { printable } from '../../printable.js';
import { extractPage } from '../../extract/extractPage.js';
import { readPage } from '../../read/readPage.js';
import { maxSizeOption } from './maxSize.js';

export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('print the page record of one saved page as JSON')
    .argument('<file>', 'a saved page: HTML, tabular text or flattened text')
    .addOption(maxSizeOption())
    .action(async (file: string, options: { maxSize: number }) => {
      try {
        const page = await readPage(file, { maxBytes: options.maxSize });
        const record = extractPage(page.document, { path: file, sha256: page.sha256 });
        process.stdout.write(`${JSON.stringify(record, null, 2)}\n`);
      } catch (error) {
        // A bug in rolepages still gets one line naming the file, as ingest reports it, not a stack.
        const message = error instanceof PageError ? error.message : `${printable(file)}: rolepages could not read it: ${(error as Error).message ?? String(error)}`;
        process.stderr.write(`rolepages extract: ${message.split('\n')[0]}\n`);
        process.exitCode = 2;
      }
    });
}
