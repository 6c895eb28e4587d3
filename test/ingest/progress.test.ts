import { afterEach, describe, expect, it, vi } from 'vitest';
import { PLAIN_LINE_MILLISECONDS, progressFor } from '../../src/ingest/progress.js';

/** A stream that is not a terminal, keeping what is written. */
function logStream(): NodeJS.WriteStream & { text: string } {
  const stream = { isTTY: false, text: '', write: (chunk: string) => ((stream.text += chunk), true) };
  return stream as unknown as NodeJS.WriteStream & { text: string };
}

describe('progress in a log (not a terminal)', () => {
  it('writes a line every few seconds, the files and then the roles being reconciled', () => {
    let now = 0;
    const stream = logStream();
    const progress = progressFor(stream, { quiet: false, now: () => now });
    progress.start(10_000);
    // The workers take a second to start: the rate is measured from the first file on.
    now = 1000;
    progress.file({ path: 'a.txt', status: 'stored', warnings: [] }, 1, 10_000);
    now = PLAIN_LINE_MILLISECONDS - 1;
    progress.file({ path: 'b.txt', status: 'stored', warnings: [] }, 1_000, 10_000);
    expect(stream.text).toBe('');
    now = PLAIN_LINE_MILLISECONDS;
    progress.file({ path: 'c.txt', status: 'failed', reason: 'not a comparison page' }, 2_001, 10_000);
    expect(stream.text).toBe('rolepages ingest: 2001/10000 files, 500 pages/s, 16 s left, 1 failed\n');

    stream.text = '';
    progress.reconciling(0, 1_973);
    now = 2 * PLAIN_LINE_MILLISECONDS - 1;
    progress.reconciling(64, 1_973);
    expect(stream.text).toBe('');
    now = 2 * PLAIN_LINE_MILLISECONDS;
    progress.reconciling(1_024, 1_973);
    now = 3 * PLAIN_LINE_MILLISECONDS;
    progress.reconciling(1_973, 1_973);
    progress.stop();
    expect(stream.text).toBe('rolepages ingest: every page is stored; reconciling roles with their new pages: 1024/1973\n');
  });

  it('shows no rate and no time left until the rate has been measured for a while', () => {
    let now = 0;
    const stream = logStream();
    const progress = progressFor(stream, { quiet: false, now: () => now });
    progress.start(2_000);
    // The first file comes late, as when the workers are slow to start.
    now = PLAIN_LINE_MILLISECONDS - 1;
    progress.file({ path: 'a.txt', status: 'stored', warnings: [] }, 1, 2_000);
    now = PLAIN_LINE_MILLISECONDS;
    progress.file({ path: 'b.txt', status: 'stored', warnings: [] }, 40, 2_000);
    expect(stream.text).toBe('rolepages ingest: 40/2000 files, 0 failed\n');
    stream.text = '';
    now = 2 * PLAIN_LINE_MILLISECONDS;
    progress.file({ path: 'c.txt', status: 'stored', warnings: [] }, 1_001, 2_000);
    expect(stream.text).toBe('rolepages ingest: 1001/2000 files, 200 pages/s, 5 s left, 0 failed\n');
  });

  it('writes nothing with --quiet', () => {
    const stream = logStream();
    const progress = progressFor(stream, { quiet: true });
    progress.start(1);
    progress.reconciling(0, 1);
    progress.stop();
    expect(stream.text).toBe('');
  });
});

describe('progress on a terminal (a bar)', () => {
  afterEach(() => vi.useRealTimers());

  it('shows the rate and the time left only once the rate is known', () => {
    vi.useFakeTimers();
    const stream = { isTTY: true, columns: 120, text: '', write: (chunk: string) => ((stream.text += chunk), true) };
    const progress = progressFor(stream as unknown as NodeJS.WriteStream, { quiet: false });
    progress.start(1_000);
    vi.advanceTimersByTime(900);
    progress.file({ path: 'a.txt', status: 'stored', warnings: [] }, 1, 1_000);
    vi.advanceTimersByTime(1_000);
    progress.file({ path: 'b.txt', status: 'stored', warnings: [] }, 100, 1_000);
    vi.advanceTimersByTime(300);
    expect(stream.text).toContain('100/1000 files | 0 failed');
    expect(stream.text).not.toContain('pages/s');
    vi.advanceTimersByTime(1_000);
    // 200 files in the 2.3 s since the first.
    progress.file({ path: 'c.txt', status: 'stored', warnings: [] }, 201, 1_000);
    vi.advanceTimersByTime(300);
    progress.stop();
    expect(stream.text).toContain('201/1000 files | 87 pages/s | ETA 9 s | 0 failed');
  });
});
