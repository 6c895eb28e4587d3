/** Why a report could not be made: its database could not be read, or its file not written. */
export type ReportErrorCode = 'unreadable-database' | 'cannot-write';

/**
 * A report that cannot be made: the message names the file and the reason; `code` says which
 * step failed, and `cause` holds the error beneath (a `StoreError` for a database it cannot use).
 */
export class ReportError extends Error {
  override readonly name = 'ReportError';

  constructor(
    readonly code: ReportErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
