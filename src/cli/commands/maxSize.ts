import { InvalidArgumentError, Option } from 'commander';
import { DEFAULT_MAX_PAGE_BYTES } from '../../read/readPage.js';

const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, kib: 1024, m: 1024 ** 2, mb: 1024 ** 2, mib: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3, gib: 1024 ** 3 };

/** `5MB`, `50 MiB`, `300k`, `1048576` → bytes. Units are binary (1 MB = 1,048,576 bytes), as the cap's message prints them. */
export function parseSize(text: string): number {
  const m = /^\s*(\d{1,15}(?:\.\d{1,6})?)\s*([a-z]{0,3})\s*$/i.exec(text);
  const unit = m ? UNITS[m[2]!.toLowerCase()] : undefined;
  if (!m || unit === undefined) throw new InvalidArgumentError('expected a size such as 5MB, 300KB or 1048576 (bytes)');
  const bytes = Math.floor(Number(m[1]) * unit);
  if (bytes < 1) throw new InvalidArgumentError('expected a size of at least 1 byte');
  return bytes;
}

/** The `--max-size` option `extract` and `ingest` share. */
export function maxSizeOption(): Option {
  return new Option('--max-size <size>', 'refuse files larger than this (e.g. 20MB); a saved page is well under the default')
    .argParser(parseSize)
    .default(DEFAULT_MAX_PAGE_BYTES, '5MB');
}
