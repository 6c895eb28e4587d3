import { statSync } from 'node:fs';
import { PageError } from '../../errors.js';
import { printable } from '../../printable.js';
import { StoreError } from '../../store/storeError.js';

/**
 * The one way a command reports a failure: one line on stderr, `rolepages COMMAND: …`, and the
 * exit status (2 for a command that cannot do what it was asked, 1 for a run that did part).
 */
export function fail(command: string, message: string, status = 2): void {
  say(command, message);
  process.exitCode = status;
}

/** A line on stderr that is not the command's failure (a file that failed, a note), said the same way. */
export function say(command: string, message: string): void {
  process.stderr.write(`rolepages ${command}: ${message}\n`);
}

/**
 * A library error said for the command line: the library's facts, and what to type about them.
 * Undefined for an error that is none of rolepages' own (a bug, to be thrown on).
 */
export function advice(error: unknown): string | undefined {
  if (error instanceof StoreError) return storeAdvice(error);
  if (error instanceof PageError) return `${printable(error.file)}: ${pageAdvice(error.code, error.reason)}`;
  return undefined;
}

/** A page's reason with what to type about it: `--max-size` for a page over the cap. */
export function pageAdvice(code: PageError['code'] | undefined, reason: string): string {
  return code === 'too-large' ? `${reason}; if it really is one page, raise the limit with --max-size` : reason;
}

function storeAdvice(error: StoreError): string {
  const name = printable(error.file);
  const ingest = `"rolepages ingest PATH --db ${name}"`;
  switch (error.code) {
    case 'missing':
      return `${name}: no such database; run ${ingest} first`;
    case 'older-schema':
      return `${name}: written by an older rolepages (schema version ${error.schemaVersion ?? '?'}); run ${ingest} on its pages to upgrade it, then run this again`;
    case 'newer-schema':
      return `${error.message}; upgrade rolepages or use another --db`;
    case 'not-sqlite':
      return `${error.message}; check the --db path (rolepages ingest makes the database)`;
    case 'not-rolepages':
      return `${error.message}; check the --db path, or run ${ingest} to make one`;
    case 'cannot-open':
    case 'unreadable':
      return `${error.message}; check the --db path`;
    case 'migration-failed':
      return `${error.message}; please report this as a bug of rolepages, with the database if you can`;
  }
}

/**
 * Refuses an output file that is the database itself (or one of its journal files), by the file
 * it is, not its name: a link, `./`, or a second hard link name the same file. Undefined when
 * `out` is safe to write.
 */
export function namesTheDatabase(out: string, db: string): string | undefined {
  const target = identity(out);
  if (target === undefined) return undefined;
  for (const file of [db, `${db}-wal`, `${db}-shm`, `${db}-journal`]) {
    const other = identity(file);
    if (other !== undefined && other === target) return `${printable(out)}: is the database ${printable(db)}; choose another file to write to`;
  }
  return undefined;
}

function identity(path: string): string | undefined {
  const info = statSync(path, { throwIfNoEntry: false, bigint: true });
  return info === undefined ? undefined : `${info.dev}:${info.ino}`;
}

/** One line for output (stdout, or a file) that cannot be written, said by the system's code. */
export function outputProblem(where: string, error: NodeJS.ErrnoException): string {
  return `cannot write ${where} (${error.code ?? error.message}); ${outputHint(error.code)}`;
}

/** What to do about an output the system refused, by its code. */
export function outputHint(code: string | undefined): string {
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'the disk is full: free some space, or write elsewhere';
  if (code === 'EISDIR') return 'it is a directory: name a file';
  if (code === 'EFBIG') return 'the file would be larger than a file may be there: write elsewhere';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'it cannot be written there: check the permissions, or write elsewhere';
  return 'check the path, or write elsewhere';
}
