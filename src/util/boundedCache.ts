/**
 * A map that forgets its oldest entries once their cost passes `maxCost`: what a module
 * remembers between pages, so that a worker's memory does not grow with the corpus. Oldest by
 * when they were remembered, not last used: keeping the order of use costs a hit about as much
 * as the work the caches here save.
 *
 * @example
 * const markdown = new BoundedCache<string>(1_000_000, { costOf: (html, md) => html.length + md.length });
 * const labelKeys = new BoundedCache<string>(1_000, { longestKey: 80 });
 * const key = labelKeys.remember(label, normalize);
 */
export class BoundedCache<V> {
  private readonly entries = new Map<string, V>();
  private cost = 0;
  private readonly costOf: (key: string, value: V) => number;
  private readonly longestKey: number;

  /**
   * @param maxCost what the entries may cost in all
   * @param options.costOf one entry's cost (default 1: `maxCost` is then a number of entries)
   * @param options.longestKey keys longer than this are not remembered, so that one stray long
   *   value does not push out many short ones (default: any length)
   */
  constructor(
    private readonly maxCost: number,
    { costOf = () => 1, longestKey = Infinity }: { costOf?: (key: string, value: V) => number; longestKey?: number } = {},
  ) {
    this.costOf = costOf;
    this.longestKey = longestKey;
  }

  get(key: string): V | undefined {
    return this.entries.get(key);
  }

  /** The value remembered for `key`, or else `make(key)`, remembered. */
  remember(key: string, make: (key: string) => V): V {
    let value = this.entries.get(key);
    if (value === undefined) {
      value = make(key);
      this.set(key, value);
    }
    return value;
  }

  /** Remembers `value`, unless its key is too long or it alone would cost more than a tenth of the whole. */
  set(key: string, value: V): void {
    if (key.length > this.longestKey) return;
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
