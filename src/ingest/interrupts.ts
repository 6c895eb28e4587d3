import type { Progress } from './progress.js';

/**
 * Ctrl-C (SIGINT) and SIGTERM during an ingest. The first asks the run to stop (`signal`): the
 * batch in flight is committed, or the roles in hand are written, and the rest is left for the
 * next run. A second ends the process at once, which loses nothing either (the transaction in
 * flight is rolled back whole), after taking the progress bar off the screen and showing the
 * cursor again: the terminal is left as it was found.
 */
export class Interrupts {
  private readonly controller = new AbortController();
  private first: NodeJS.Signals | null = null;

  constructor(
    private readonly progress: Progress,
    private readonly exit: (status: number) => never = (status) => process.exit(status),
  ) {}

  /** Aborted at the first signal. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** The first signal received, or null. */
  get received(): NodeJS.Signals | null {
    return this.first;
  }

  /** The listener for `process.on('SIGINT' | 'SIGTERM', …)`. */
  readonly handle = (name: NodeJS.Signals): void => {
    if (this.first !== null) {
      this.progress.stop();
      this.exit(exitStatusOf(name));
    }
    this.first = name;
    this.controller.abort();
  };
}

/** The shell's status for a process ended by a signal: 128 + its number. */
export function exitStatusOf(signal: NodeJS.Signals): number {
  return signal === 'SIGTERM' ? 143 : 130;
}
