/** A report that cannot be made: the message names the input, the reason and what to do. */
export class ReportError extends Error {
  override readonly name = 'ReportError';
}
