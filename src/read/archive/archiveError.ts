import { printable } from '../../printable.js';

/**
 * Why a web archive could not be read to its end: it is not one (`not-an-archive`), it cannot be
 * opened (`unreadable`), or it breaks at `offset` (`cut-short`: a crawl killed mid-write, or damaged
 * bytes), after which nothing more of it can be read. The records before the break are good.
 */
export class ArchiveError extends Error {
  override readonly name = 'ArchiveError';
  constructor(
    readonly code: 'not-an-archive' | 'unreadable' | 'cut-short',
    readonly file: string,
    readonly reason: string,
    /** Where it breaks, in bytes of the uncompressed archive (`cut-short` only). */
    readonly offset: number | null = null,
  ) {
    super(`${printable(file)}: ${reason}`);
  }
}
