/**
 * rolepages as a library: what the command line does, for your own code and CI.
 *
 * Errors, one convention:
 * - A function about one page (`extractFile`, `extractBytes`, `extractPage`, `readPage`,
 *   `readPageBytes`) never throws for the page: it returns a `PageError` whose `code` says what is
 *   wrong, so a batch goes on. Test the result with `instanceof PageError`.
 * - A function about the database or an output file throws: `StoreError` (`openReadOnly`,
 *   `RoleStore.open`, `ingest`), whose `code` says what is wrong with which `file`, or
 *   `ReportError` (`writeReport`).
 * Messages say what is wrong as facts; they name no command-line flag.
 *
 * @example
 * import { extractFile, ingest, openReadOnly, PageError } from 'rolepages';
 *
 * const record = await extractFile('pages/nurse-vs-doctor.html');
 * if (!(record instanceof PageError)) console.log(record.roles[0].yearlySalary);
 *
 * const summary = await ingest('out/roles.db', ['pages/']);
 * console.log(`${summary.roles} roles from ${summary.pages} pages`);
 *
 * const db = openReadOnly('out/roles.db');
 * console.log(db.prepare('SELECT key, yearly_salary FROM roles ORDER BY yearly_salary DESC LIMIT 3').all());
 * db.close();
 */
import { PageError, toPageError } from './errors.js';
import { extractPage as extractPageThrowing, type PageSource } from './extract/extractPage.js';
import type { PageDocument } from './read/document.js';
import { readPage as readPageThrowing, readPageBytes as readPageBytesThrowing, type ReadOptions, type ReadPage } from './read/readPage.js';
import type { PageRecord } from './schema/pageRecord.js';

// Reading and extracting one saved page.
export { PageError, type PageErrorCode } from './errors.js';
export { extractBytes, extractFile } from './extract/extractFile.js';
export type { PageSource } from './extract/extractPage.js';
export { DEFAULT_MAX_PAGE_BYTES, type ReadOptions, type ReadPage } from './read/readPage.js';
export { extractArchive } from './extract/extractArchive.js';
export { ArchiveError } from './read/archive/archiveError.js';
export type { PageDocument } from './read/document.js';

/** Reads and identifies one saved page, or returns the `PageError` saying why it is not one. */
export async function readPage(path: string, options: ReadOptions = {}): Promise<ReadPage | PageError> {
  try {
    return await readPageThrowing(path, options);
  } catch (error) {
    return toPageError(error, path);
  }
}

/** As `readPage`, from the page's bytes (`sha256` is their hash, when you have it already). */
export function readPageBytes(bytes: Uint8Array, path: string, sha256?: string): ReadPage | PageError {
  try {
    return sha256 === undefined ? readPageBytesThrowing(bytes, path) : readPageBytesThrowing(bytes, path, sha256);
  } catch (error) {
    return toPageError(error, path);
  }
}

/** The page record of a document `readPage` read, or the `PageError` saying why it has none. */
export function extractPage(document: PageDocument, source: PageSource): PageRecord | PageError {
  try {
    return extractPageThrowing(document, source);
  } catch (error) {
    return toPageError(error, source.path);
  }
}

// The page record: zod schemas, with the types inferred from them.
export { Degree, Gender, PageRecord, RaceShare, RoleFacts, SalaryRange, SkillShare, Source, Warning, type FactField } from './schema/pageRecord.js';
export { roleKey } from './schema/roleKey.js';
export { fieldLabel, ROLE_COLUMNS, ROLE_FIELDS, type RoleColumn, type RoleField } from './schema/roleFields.js';

// Ingesting into, and reading from, the roles database.
export { DEFAULT_BATCH_SIZE, type FileOutcome, ingest, type IngestOptions, type IngestSummary } from './ingest/ingest.js';
export { OLDEST_READABLE_SCHEMA, openReadOnly, type Db } from './store/openDatabase.js';
export { SCHEMA_VERSION } from './store/migrations.js';
export { readRole, type ObservedValue, type RoleReport } from './store/readRole.js';
export { RoleStore, type StoreCounts } from './store/roleStore.js';
export { StoreError, type StoreErrorCode } from './store/storeError.js';

// The report, and the fixture check CI runs.
export { ReportError } from './report/reportError.js';
export { writeReport, type WrittenReport } from './report/writeReport.js';
export { checkFixtures, type FixtureResult } from './check/checkFixtures.js';
