/** A database that cannot be opened or used, said in one line naming the file and what to do. */
export class StoreError extends Error {
  override readonly name = 'StoreError';
}
