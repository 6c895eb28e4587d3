import { describe, expect, it } from 'vitest';
import { exitStatusOf, Interrupts } from '../../src/ingest/interrupts.js';
import { progressFor, type Progress } from '../../src/ingest/progress.js';

/** A progress display that records what was asked of it. */
function recordingProgress(calls: string[]): Progress {
  return { start: () => calls.push('start'), file: () => calls.push('file'), reconciling: () => calls.push('reconciling'), stop: () => calls.push('stop') };
}

/** process.exit as a test sees it: it records the status and ends the handler, as the real one ends the process. */
function recordingExit(calls: string[]): (status: number) => never {
  return (status) => {
    calls.push(`exit ${status}`);
    throw new Error('exited');
  };
}

describe('Interrupts', () => {
  it('asks the run to stop at the first signal, and leaves the process running', () => {
    const calls: string[] = [];
    const interrupts = new Interrupts(recordingProgress(calls), recordingExit(calls));
    expect(interrupts.signal.aborted).toBe(false);
    interrupts.handle('SIGTERM');
    expect(interrupts.signal.aborted).toBe(true);
    expect(interrupts.received).toBe('SIGTERM');
    expect(calls).toEqual([]);
  });

  it('at a second signal, takes the progress display down before ending the process', () => {
    const calls: string[] = [];
    const interrupts = new Interrupts(recordingProgress(calls), recordingExit(calls));
    interrupts.handle('SIGINT');
    expect(() => interrupts.handle('SIGINT')).toThrow('exited');
    expect(calls).toEqual(['stop', 'exit 130']);
  });

  it('leaves the terminal as it found it: the reconcile bar cleared and the cursor shown again', () => {
    const stream = { isTTY: true, columns: 120, text: '', write: (chunk: string) => ((stream.text += chunk), true) };
    const progress = progressFor(stream as unknown as NodeJS.WriteStream, { quiet: false });
    const calls: string[] = [];
    const interrupts = new Interrupts(progress, recordingExit(calls));
    progress.start(10);
    progress.file({ path: 'a.txt', status: 'stored', warnings: [] }, 10, 10);
    progress.reconciling(200, 80_000);
    expect(stream.text).toContain('\u001b[?25l');
    stream.text = '';
    interrupts.handle('SIGINT');
    expect(() => interrupts.handle('SIGINT')).toThrow('exited');
    // Show the cursor (DECTCEM), then clear the bar's line.
    expect(stream.text).toContain('\u001b[?25h');
    expect(stream.text.endsWith('\u001b[2K')).toBe(true);
    expect(calls).toEqual(['exit 130']);
  });

  it('exits as a shell reports a process ended by the signal', () => {
    expect(exitStatusOf('SIGINT')).toBe(130);
    expect(exitStatusOf('SIGTERM')).toBe(143);
  });
});
