#!/usr/bin/env node
// Writes the committed part of the bad-input corpus, test/bad-inputs/: small files that each
// break one assumption a reader makes, built from the seed captures so that everything except
// the one fault is a real page of the site, plus a few good pages so a batch has something to
// store. Large inputs (50 MB, a 5 MB line) and what git cannot hold (a FIFO) are made by the
// tests in a temporary folder instead.
//
//   node test/support/writeBadInputs.mjs [fixturesDir] [outDir]
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { join } from 'node:path';

const fixtures = process.argv[2] ?? 'fixtures';
const out = process.argv[3] ?? 'test/bad-inputs';
const seed = (n) => readFileSync(join(fixtures, readdirName(n)), 'utf8');
function readdirName(n) {
  return {
    '000': '000_61d26842a8aa7f89.txt',
    '001': '001_47a54ea3bd2ce3cc.txt',
    '002': '002_c0781b1da5386105.txt',
    '003': '003_83570a534fe137c2.txt',
    '004': '004_53ee470b7ca18917.txt',
    '005': '005_61d26842a8aa7f89_table.html',
  }[n];
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const write = (name, data) => writeFileSync(join(out, name), data);

// ---- good pages (copies of seeds; odd names must not matter)
write('good 000 copy.txt', seed('000'));
write('good-003 café ñandú.txt', seed('003'));
write('good-004-flat.txt', seed('004'));
write('good-005-table.html', seed('005'));
// UTF-16 with a BOM, as Windows tools save "Unicode" text: decodes, so it is a good page.
write('utf16-bom-001.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seed('001'), 'utf16le')]));
// Latin-1 with accented letters and no charset declaration: decoded as windows-1252 with a warning.
write(
  'latin1-accented-002.txt',
  Buffer.from(
    seed('002').replace(
      'have different pay scales, as shown below.',
      'have different pay scales, as shown below (salaries at the café, the crèche and the résumé desk are naïve estimates).',
    ),
    'latin1',
  ),
);

// ---- bad pages
write('empty.txt', '');
write('picture.html', png(16, 16));

// Saved while the page was still loading: the text stops inside the overview table's rows.
const s000 = seed('000');
const cut = s000.indexOf('| Number of jobs');
write('cut-off-mid-table.txt', s000.slice(0, cut + '| Number of jobs | 40,'.length));

write(
  'skills-page.txt',
  [
    'Explore jobs',
    'Find specific jobs',
    'Explore careers',
    'Collections Coordinator Skills',
    "Below we've compiled a list of the most important skills for a collections coordinator. We ranked the top skills based on the percentage of resumes they appeared on. For example, 15.0% of collections coordinator resumes contained customer service as a skill.",
    '| Skill | Share of resumes | Top industry |',
    '| Customer Service | 15.0% | Professional |',
    '| Patients | 9.9% | Health Care |',
    '| Phone Calls | 9.3% | Finance |',
    '| Payment Arrangements | 6.8% | Finance |',
    '',
  ].join('\n'),
);

// A page of one role: its tables have a label column and one value column.
const oneRole = s000
  .split('\n')
  .map((line) => {
    if (!line.startsWith('|')) return line;
    const cells = line.split('|').slice(1, -1);
    // The capture puts a header's empty corner last: `| Title | |`; a row is `| Label | value |`.
    return cells.at(-1).trim() === '' ? `|${cells[0]}| |` : `|${cells.slice(0, 2).join('|')}|`;
  })
  .join('\n');
write('one-role.txt', oneRole);

// Both columns name the same role: the site's "X vs X" pages exist for odd titles.
write(
  'same-role-twice.txt',
  s000.replaceAll('Account Specialist', 'Collections Coordinator').replaceAll('account specialist', 'collections coordinator'),
);

// The salary section saved twice with different numbers (a capture that scrolled back).
const s002 = seed('002');
const salaryStart = s002.indexOf('| Collections Associate | Account Specialist | |\n| Average salary');
const salaryEnd = s002.indexOf('\n', s002.indexOf('| Best paying industry', salaryStart)) + 1;
const salary = s002.slice(salaryStart, salaryEnd);
write('duplicated-sections.txt', s002.slice(0, salaryEnd) + salary.replace('$38,589', '$39,000') + s002.slice(salaryEnd));

// HTML nested 10,000 levels deep around a real page's article.
const article = seed('005');
write('deep-nesting.html', `<!DOCTYPE html><html><body>${'<div>'.repeat(10_000)}${article.slice(article.indexOf('<main'), article.indexOf('</main>') + 7)}${'</div>'.repeat(10_000)}</body></html>`);

// Text built for a backtracking regular expression: long runs of the characters the value
// patterns repeat, in the cells and in a flattened row glued thousands of characters long.
const runs = ['1'.repeat(4000), '1,'.repeat(2000), '$'.repeat(4000), '%'.repeat(4000), '$1,'.repeat(1500) + '%'];
write(
  'backtracking-cells.txt',
  s000
    .replace('| $37,938 |', `| ${runs[0]} |`)
    .replace('| $18.24 |', `| ${runs[1]} |`)
    .replace('| $42,586 |', `| ${runs[2]} |`)
    .replace('| -8% |', `| ${runs[3]} |`)
    .replace('| 40,113 |', `| ${runs[4]} |`)
    .replace("| Bachelor's Degree, 48% |", `| ${'Degree, '.repeat(800)}48% |`)
    .replace('| Male, 26.6% Female, 73.4% |', `| ${'Male, 1.1% '.repeat(800)} |`),
);
const s004 = seed('004');
write(
  'backtracking-glued-row.txt',
  s004
    .replace('Number of jobs85,27540,113', `Number of jobs${'85,275'.repeat(1000)}40,113`),
);

// ---- what cannot be read
// A link to a page that is not there, and a link to itself (the system gives up: ELOOP).
symlinkSync('no-such-page.html', join(out, 'dangling-link.html'));
symlinkSync('self-link.html', join(out, 'self-link.html'));
// A directory whose link leads back up: a walk that follows links must not go round forever.
mkdirSync(join(out, 'loop'));
symlinkSync('..', join(out, 'loop', 'back-up'));

/** A real PNG image: a 16×16 grey gradient, as a browser would save a picture. */
function png(width, height) {
  const rows = [];
  for (let y = 0; y < height; y++) {
    rows.push(Buffer.from([0, ...Array.from({ length: width }, (_, x) => (x * 16 + y * 4) & 0xff)]));
  }
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const b of bytes) {
    crc ^= b;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
