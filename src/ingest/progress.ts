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

/** Pages per second and time left, from the files done since the start. */
class Rate {
  private readonly started: number;

  constructor(private readonly now: () => number) {
    this.started = now();
  }

  perSecond(done: number): number {
    const seconds = (this.now() - this.started) / 1000;
    return seconds > 0 ? done / seconds : 0;
  }

  /** Seconds left, or null before there is a rate to tell. */
  eta(done: number, total: number): number | null {
    const rate = this.perSecond(done);
    return rate > 0 ? Math.round((total - done) / rate) : null;
  }
}

class BarProgress implements Progress {
  private readonly bar: cliProgress.SingleBar;
  private rate = new Rate(Date.now);
  private failed = 0;
  /** The roles being caught up once the files are done. */
  private rolesBar: cliProgress.SingleBar | null = null;

  constructor(private readonly stream: NodeJS.WriteStream) {
    this.bar = new cliProgress.SingleBar(
      {
        stream,
        format: 'ingest [{bar}] {value}/{total} files | {rate} pages/s | ETA {eta_formatted} | {failed} failed',
        barsize: 30,
        hideCursor: true,
        clearOnComplete: true,
        etaBuffer: 200,
        fps: 5,
      },
      cliProgress.Presets.shades_classic,
    );
  }

  start(total: number): void {
    this.rate = new Rate(Date.now);
    this.bar.start(total, 0, { rate: '0', failed: 0 });
  }

  file(outcome: FileOutcome, done: number): void {
    if (outcome.status === 'failed') this.failed++;
    this.bar.update(done, { rate: this.rate.perSecond(done).toFixed(0), failed: this.failed });
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
    if (this.now() - this.lastLine < PLAIN_LINE_MILLISECONDS || done === total) return;
    this.lastLine = this.now();
    this.stream.write(progressLine(done, total, this.rate.perSecond(done), this.rate.eta(done, total), this.failed));
  }

  reconciling(done: number, total: number): void {
    // A heartbeat like the files': a catch-up over in a few seconds leaves the log as it was.
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

export function progressLine(done: number, total: number, perSecond: number, eta: number | null, failed: number): string {
  const left = eta === null ? 'unknown' : eta >= 60 ? `${Math.floor(eta / 60)} min ${eta % 60} s` : `${eta} s`;
  return `rolepages ingest: ${done}/${total} files, ${perSecond.toFixed(0)} pages/s, ${left} left, ${failed} failed\n`;
}
