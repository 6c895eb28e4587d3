import { closeSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';
import { temporaryPathFor } from '../files/writeFileAtomically.js';
import type { FileOutcome, IngestSummary } from './ingest.js';

/**
 * The `--report FILE` of an ingest: JSON with every file's status, reason and warnings, the
 * files an interrupted run did not reach, and the totals with whether it finished. Written
 * as the files are done, one entry at a time, so a report of a million files costs no memory,
 * into a temporary file that the summary closes and renames into place: a run that stops early
 * leaves the previous report whole.
 */
export class RunReport {
  private readonly fd: number;
  private readonly temporary: string;
  private first = true;

  constructor(readonly file: string) {
    this.temporary = temporaryPathFor(file);
    this.fd = openSync(this.temporary, 'wx');
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

  /**
   * Adds the failures that are not files (an input that could not be walked), the files an
   * interrupted run did not reach, and the totals: whether the run finished, and if not why it
   * stopped, so that a report of a run cut short never reads as a whole one.
   */
  finish(summary: IngestSummary, inputProblems: ReadonlyArray<{ path: string; reason: string }>): void {
    for (const p of inputProblems) this.add({ path: p.path, status: 'failed', reason: p.reason });
    writeSync(this.fd, `\n  ],\n  "notReached": [${summary.notReached.map((path) => `\n    ${JSON.stringify(path)}`).join(',')}`);
    const { stored, skipped, notReached, pendingRoles, captures, pages, roles, conflicts } = summary;
    const totals = {
      finished: summary.stopped === null,
      stopped: summary.stopped,
      files: stored + skipped + summary.failed.length - inputProblems.length + notReached.length,
      stored,
      skipped,
      failed: summary.failed.length,
      notReached: notReached.length,
      passedOver: summary.passedOver,
      pendingRoles,
      captures,
      pages,
      roles,
      conflicts,
    };
    writeSync(this.fd, `\n  ],\n  "summary": ${JSON.stringify(totals)}\n}\n`);
    fsyncSync(this.fd);
    closeSync(this.fd);
    renameSync(this.temporary, this.file);
  }
}
