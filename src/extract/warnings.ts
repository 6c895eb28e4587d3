import type { Warning } from '../schema/pageRecord.js';

/** Collects a page's warnings in the order they were found, without repeating one. */
export class WarningList {
  readonly items: Warning[] = [];
  private readonly seen = new Set<string>();

  add(role: string | null, field: string, message: string, candidates?: unknown[], splits?: Array<[unknown, unknown]>): void {
    const id = `${role}\u0000${field}\u0000${message}`;
    if (this.seen.has(id)) return;
    this.seen.add(id);
    const warning: Warning = { role, field, message };
    if (candidates) warning.candidates = candidates;
    if (splits && splits.length > 1) warning.splits = splits;
    this.items.push(warning);
  }
}
