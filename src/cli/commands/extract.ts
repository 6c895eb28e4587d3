import type { Command } from 'commander';
import { PageError } from '../../errors.js';
import { extractArchive } from '../../extract/extractArchive.js';
import { extractFile } from '../../extract/extractFile.js';
import { ArchiveError } from '../../read/archive/archiveError.js';
import { isArchiveName } from '../../read/archive/archiveName.js';
import type { PageRecord } from '../../schema/pageRecord.js';
import { COMMAND_HELP } from '../commandHelp.js';
import { maxSizeOption } from './maxSize.js';
import { advice, fail } from './userError.js';

export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description(COMMAND_HELP.extract.description)
    .argument('<file>', 'a saved page (HTML, tabular or flattened text, .mhtml) or a web archive (.warc, .warc.gz)')
    .addOption(maxSizeOption())
    .action(async (file: string, options: { maxSize: number }) => {
      if (isArchiveName(file)) {
        await extractArchiveCommand(file, options.maxSize);
        return;
      }
      const record = await extractFile(file, { maxBytes: options.maxSize });
      if (record instanceof PageError) {
        fail('extract', advice(record)!.split('\n')[0]!);
        return;
      }
      process.stdout.write(`${JSON.stringify(record, null, 2)}\n`);
    });
}

/** Prints an archive's records once it is read whole: one that breaks, or a page that fails, is exit 2 with nothing printed. */
async function extractArchiveCommand(file: string, maxBytes: number): Promise<void> {
  const records: PageRecord[] = [];
  const failures: string[] = [];
  try {
    for await (const record of extractArchive(file, { maxBytes })) {
      if (record instanceof PageError) failures.push(record.message.split('\n')[0]!);
      else records.push(record);
    }
  } catch (error) {
    if (!(error instanceof ArchiveError)) throw error;
    failures.push(error.code === 'cut-short' ? `${error.message}; nothing is printed (ingest stores the records before it)` : error.message);
  }
  if (failures.length > 0) {
    for (const line of failures) process.stderr.write(`rolepages extract: ${line}\n`);
    process.exitCode = 2;
    return;
  }
  process.stdout.write(`${JSON.stringify(records, null, 2)}\n`);
}
