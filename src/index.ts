/**
 * rolepages as a library: what the command line does, for your own code and CI.
 *
 * @example
 * import { extractFile, ingest, PageError } from 'rolepages';
 *
 * const record = await extractFile('pages/nurse-vs-doctor.html');
 * if (!(record instanceof PageError)) console.log(record.roles[0].yearlySalary);
 *
 * const summary = await ingest('out/roles.db', ['pages/']);
 * console.log(`${summary.roles} roles from ${summary.pages} pages`);
 */

// Reading and extracting one saved page.
export { PageError, type PageErrorCode } from './errors.js';
export { extractBytes, extractFile } from './extract/extractFile.js';
export { extractPage } from './extract/extractPage.js';
export { extractArchive } from './extract/extractArchive.js';
export { ArchiveError } from './read/archive/archiveError.js';
export { DEFAULT_MAX_PAGE_BYTES, readPage, readPageBytes, type ReadOptions, type ReadPage } from './read/readPage.js';
export type { PageDocument } from './read/document.js';

// The page record: zod schemas, with the types inferred from them.
export { Degree, Gender, PageRecord, RaceShare, RoleFacts, SalaryRange, SkillShare, Source, Warning } from './schema/pageRecord.js';
export { roleKey } from './extract/roleKey.js';
export { fieldLabel, ROLE_COLUMNS, ROLE_FIELDS, type RoleColumn, type RoleField } from './schema/roleFields.js';

// Ingesting into, and reading from, the roles database.
export { DEFAULT_BATCH_SIZE, type FileOutcome, ingest, type IngestOptions, type IngestSummary } from './ingest/ingest.js';
export { openReadOnly, type Db } from './store/openDatabase.js';
export { RoleStore, type StoreCounts } from './store/roleStore.js';
export { StoreError } from './store/storeError.js';

// The report, and the fixture check CI runs.
export { writeReport, type WrittenReport } from './report/writeReport.js';
export { checkFixtures, type FixtureResult } from './check/checkFixtures.js';
