import { mkdirSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { writeFileAtomically } from '../files/writeFileAtomically.js';
import { printable } from '../printable.js';
import { loadReportData } from './loadReportData.js';
import { renderReport } from './renderReport.js';
import { ReportError } from './reportError.js';

export interface WrittenReport {
  outPath: string;
  bytes: number;
  /** Every role of the database; the report shows the best-paid of them in full. */
  roles: number;
}

/**
 * Reads the database at `dbPath` and writes the HTML report to `outPath` (its folder is made),
 * whole or not at all: a failed write leaves the previous report. Throws `ReportError` with a
 * one-line reason when the database cannot be read or the file written.
 */
export function writeReport(dbPath: string, outPath: string, now: Date = new Date()): WrittenReport {
  const data = loadReportData(dbPath);
  const html = renderReport(data, { source: basename(dbPath), generatedAt: now });
  let bytes: number;
  try {
    mkdirSync(dirname(outPath), { recursive: true });
    bytes = writeFileAtomically(outPath, html);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new ReportError('cannot-write', `${printable(outPath)}: cannot write the report (${code}), so the file is as it was`, { cause: error });
  }
  return { outPath, bytes, roles: data.totals.roles };
}
