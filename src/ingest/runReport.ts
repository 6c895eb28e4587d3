import { closeSync, openSync, writeSync } from 'node:fs';
import type { FileOutcome, IngestSummary } from './ingest.js';

/**
 * The `--report FILE` of an ingest: JSON with every file's status, reason and warnings. Written
 * as the files are done, one entry at a time, so a report of a million files costs no memory;
 * the summary closes it.
 */
export class RunReport {
  private readonly fd: number;
  private first = true;

  constructor(readonly file: string) {
    this.fd = openSync(file, 'w');
    writeSync(this.fd, '{\n  "files": [');
  }

  add(outcome: FileOutcome): void {
    const entry =
      outcome.status === 'failed'
        ? { path: outcome.path, status: outcome.status, reason: outcome.reason, warningCount: 0, warnings: [] }
        : outcome.status === 'stored'
          ? { path: outcome.path, status: outcome.status, reason: null, warningCount: outcome.warnings.length, warnings: outcome.warnings }
          : { path: outcome.path, status: outcome.status, reason: 'its content is stored already', warningCount: 0, warnings: [] };
    writeSync(this.fd, `${this.first ? '' : ','}\n    ${JSON.stringify(entry)}`);
    this.first = false;
  }

  /** Adds the failures that are not files (an input that could not be walked) and the totals. */
  finish(summary: IngestSummary, inputProblems: ReadonlyArray<{ path: string; reason: string }>): void {
    for (const p of inputProblems) this.add({ path: p.path, status: 'failed', reason: p.reason });
    const { stored, skipped, pages, roles, conflicts } = summary;
    writeSync(this.fd, `\n  ],\n  "summary": ${JSON.stringify({ stored, skipped, failed: summary.failed.length, pages, roles, conflicts })}\n}\n`);
    closeSync(this.fd);
  }
}
