import { text } from 'node:stream/consumers';
import { OUTPUT_FORMATS, endQuietlyWhenStdoutCloses, type OutputFormat } from './commands/output.js';
import { runQuery } from './commands/query.js';
import { fail } from './commands/userError.js';

// The process `rolepages query` runs its statement in: `node queryProcess.js DB FORMAT`, the
// statement on stdin.
endQuietlyWhenStdoutCloses('query');
const [db, format] = process.argv.slice(2);
if (db === undefined || !OUTPUT_FORMATS.includes(format as OutputFormat)) {
  fail('query', 'the query process takes DB and FORMAT, and the statement on stdin');
} else {
  await runQuery(await text(process.stdin), db, format as OutputFormat);
}
