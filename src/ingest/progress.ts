import cliProgress from 'cli-progress';
import type { FileOutcome } from './ingest.js';

/** Shows an ingest's progress on a stream: a bar on a terminal, a plain line now and then elsewhere. */
export interface Progress {
  start(total: number): void;
  file(outcome: FileOutcome, done: number, total: number): void;
  /** The roles the run touched being reconciled, once every page is stored. */
  reconciling(done: number, total: number): void;
  stop(): void;
}

/** A plain progress line this often: a CI log gets a heartbeat, not a flood. */
export const PLAIN_LINE_MILLISECONDS = 5000;

export function progressFor(stream: NodeJS.WriteStream, options: { quiet: boolean; now?: () => number }): Progress {
  if (options.quiet) return { start: () => undefined, file: () => undefined, reconciling: () => undefined, stop: () => undefined };
  return stream.isTTY ? new BarProgress(stream) : new LineProgress(stream, options.now ?? Date.now);
}

/** How long after the first file the rate is measured before it is shown. */
const RATE_SETTLE_MILLISECONDS = 2000;

/**
 * Pages per second and time left, measured from the first file done: the time before it is the
 * workers starting, and a rate over the first moments swings from hours to seconds.
 */
class Rate {
  private first: { at: number; done: number } | null = null;

  constructor(private readonly now: () => number) {}

  /** The rate, or null until it has been measured for a while over at least one file. */
  perSecond(done: number): number | null {
    if (this.first === null) {
      if (done > 0) this.first = { at: this.now(), done };
      return null;
    }
    const elapsed = this.now() - this.first.at;
    if (elapsed < RATE_SETTLE_MILLISECONDS || done <= this.first.done) return null;
    return ((done - this.first.done) * 1000) / elapsed;
  }

  /** The rate and the time left, as a progress display says them; null until the rate is known. */
  describe(done: number, total: number): { rate: string; left: string } | null {
    const rate = this.perSecond(done);
    if (rate === null) return null;
    return { rate: `${rate.toFixed(0)} pages/s`, left: timeLeft(Math.round((total - done) / rate)) };
  }
}

function timeLeft(seconds: number): string {
  return seconds >= 60 ? `${Math.floor(seconds / 60)} min ${seconds % 60} s` : `${seconds} s`;
}

class BarProgress implements Progress {
  private readonly bar: cliProgress.SingleBar;
  private rate = new Rate(Date.now);
  private failed = 0;
  /** The roles being reconciled once the files are stored. */
  private rolesBar: cliProgress.SingleBar | null = null;

  constructor(private readonly stream: NodeJS.WriteStream) {
    this.bar = new cliProgress.SingleBar(
      {
        stream,
        format: 'ingest [{bar}] {value}/{total} files{speed} | {failed} failed',
        barsize: 30,
        hideCursor: true,
        clearOnComplete: true,
        fps: 5,
      },
      cliProgress.Presets.shades_classic,
    );
  }

  start(total: number): void {
    this.rate = new Rate(Date.now);
    this.bar.start(total, 0, { speed: '', failed: 0 });
  }

  file(outcome: FileOutcome, done: number, total: number): void {
    if (outcome.status === 'failed') this.failed++;
    // A web archive's captures are counted as it is read.
    if (total !== this.bar.getTotal()) this.bar.setTotal(total);
    const known = this.rate.describe(done, this.bar.getTotal());
    this.bar.update(done, { speed: known ? ` | ${known.rate} | ETA ${known.left}` : '', failed: this.failed });
  }

  reconciling(done: number, total: number): void {
    if (this.rolesBar) {
      this.rolesBar.update(done);
      return;
    }
    this.bar.stop();
    this.rolesBar = new cliProgress.SingleBar(
      { stream: this.stream, format: 'reconcile [{bar}] {value}/{total} roles', barsize: 30, hideCursor: true, clearOnComplete: true, fps: 5 },
      cliProgress.Presets.shades_classic,
    );
    this.rolesBar.start(total, done);
  }

  stop(): void {
    this.bar.stop();
    this.rolesBar?.stop();
  }
}

class LineProgress implements Progress {
  private rate: Rate;
  private failed = 0;
  private lastLine: number;

  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly now: () => number,
  ) {
    this.rate = new Rate(now);
    this.lastLine = now();
  }

  start(): void {
    this.rate = new Rate(this.now);
    this.lastLine = this.now();
  }

  file(outcome: FileOutcome, done: number, total: number): void {
    if (outcome.status === 'failed') this.failed++;
    const known = this.rate.describe(done, total);
    if (this.now() - this.lastLine < PLAIN_LINE_MILLISECONDS || done === total) return;
    this.lastLine = this.now();
    this.stream.write(progressLine(done, total, known, this.failed));
  }

  reconciling(done: number, total: number): void {
    // A heartbeat like the files': reconciling that is over in a few seconds leaves the log as it was.
    if (this.now() - this.lastLine < PLAIN_LINE_MILLISECONDS || done === total) return;
    this.lastLine = this.now();
    this.stream.write(reconcilingLine(done, total));
  }

  stop(): void {}
}

/** The last stretch of a run: every page is stored and the roles they touched are caught up. */
export function reconcilingLine(done: number, total: number): string {
  return `rolepages ingest: every page is stored; reconciling roles with their new pages: ${done}/${total}\n`;
}

export function progressLine(done: number, total: number, known: { rate: string; left: string } | null, failed: number): string {
  const speed = known ? `, ${known.rate}, ${known.left} left` : '';
  return `rolepages ingest: ${done}/${total} files${speed}, ${failed} failed\n`;
}
