import { OUTPUT_FORMATS, endQuietlyWhenStdoutCloses, type OutputFormat } from './commands/output.js';
import { runQuery } from './commands/query.js';

// The process `rolepages query` runs its statement in: `node queryProcess.js SQL DB FORMAT`.
endQuietlyWhenStdoutCloses();
const [sql, db, format] = process.argv.slice(2);
if (sql === undefined || db === undefined || !OUTPUT_FORMATS.includes(format as OutputFormat)) {
  process.stderr.write('rolepages query: the query process takes SQL, DB and FORMAT\n');
  process.exitCode = 2;
} else {
  await runQuery(sql, db, format as OutputFormat);
}
