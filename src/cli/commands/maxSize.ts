import { InvalidArgumentError, Option } from 'commander';
import { DEFAULT_MAX_PAGE_BYTES } from '../../read/readPage.js';

const UNITS: Record<string, number> = { b: 1, k: 1024, kb: 1024, kib: 1024, m: 1024 ** 2, mb: 1024 ** 2, mib: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3, gib: 1024 ** 3 };

/**
 * `5MB`, `50 MiB`, `300k`, `512B` → bytes. Units are binary (a megabyte is 1,048,576 bytes), as the
 * cap's message prints them. A number alone is refused: `10` meant as megabytes would be a cap of
 * 10 bytes.
 */
export function parseSize(text: string): number {
  const m = /^\s*(\d{1,15}(?:\.\d{1,6})?)\s*([a-z]{0,3})\s*$/i.exec(text);
  if (m && m[2] === '') throw new InvalidArgumentError(`a size needs a unit: write ${m[1]}MB, ${m[1]}KB or ${m[1]}B`);
  const unit = m ? UNITS[m[2]!.toLowerCase()] : undefined;
  if (!m || unit === undefined) throw new InvalidArgumentError('expected a size such as 5MB, 300KB or 512B');
  const bytes = Math.floor(Number(m[1]) * unit);
  if (bytes < 1) throw new InvalidArgumentError('expected a size of at least 1 byte, such as 5MB');
  return bytes;
}

/** The `--max-size` option `extract` and `ingest` share. */
export function maxSizeOption(): Option {
  return new Option('--max-size <size>', 'refuse files larger than this (e.g. 20MB); a saved page is well under the default')
    .argParser(parseSize)
    .default(DEFAULT_MAX_PAGE_BYTES, '5MB');
}
