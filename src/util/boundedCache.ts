/**
 * A map that forgets its oldest entries once their cost passes `maxCost`: what a module
 * remembers between pages, so that a worker's memory does not grow with the corpus. Oldest by
 * when they were remembered, not last used: keeping the order of use costs a hit about as much
 * as the work the caches here save.
 *
 * @example
 * const markdown = new BoundedCache<string>(1_000_000, (html, md) => html.length + md.length);
 */
export class BoundedCache<V> {
  private readonly entries = new Map<string, V>();
  private cost = 0;

  /**
   * @param maxCost what the entries may cost in all
   * @param costOf one entry's cost (default 1: `maxCost` is then a number of entries)
   */
  constructor(
    private readonly maxCost: number,
    private readonly costOf: (key: string, value: V) => number = () => 1,
  ) {}

  get(key: string): V | undefined {
    return this.entries.get(key);
  }

  /** Remembers `value`, unless it alone would cost more than a tenth of the whole. */
  set(key: string, value: V): void {
    const cost = this.costOf(key, value);
    if (cost > this.maxCost / 10 || this.entries.has(key)) return;
    while (this.cost + cost > this.maxCost) {
      const [oldest, itsValue] = this.entries.entries().next().value!;
      this.entries.delete(oldest);
      this.cost -= this.costOf(oldest, itsValue);
    }
    this.entries.set(key, value);
    this.cost += cost;
  }
}
