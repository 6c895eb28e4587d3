import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { csvCell, formatOption, OutputError, writeRows, type Row } from '../../src/cli/commands/output.js';

/** A reader that takes each chunk late and holds little, so a writer must wait for it to drain. */
function slowReader(): Writable & { text: string; waits: number } {
  const reader = new Writable({
    highWaterMark: 1024,
    write(chunk, _encoding, done) {
      reader.text += String(chunk);
      setTimeout(done, 1);
    },
  }) as Writable & { text: string; waits: number };
  reader.text = '';
  reader.waits = 0;
  reader.on('drain', () => reader.waits++);
  return reader;
}

const ROWS: Row[] = [
  { key: 'account-specialist', highest_paying_city: 'Washington, DC', yearly_salary: 42586 },
  { key: 'collections-coordinator', highest_paying_city: 'New York, NY', yearly_salary: 37938 },
  { key: 'quote "this"', highest_paying_city: null, yearly_salary: null },
];
const COLUMNS = ['key', 'highest_paying_city', 'yearly_salary'];

describe('writeRows: rows written as they come, in one of the shared formats', () => {
  it('json is the array JSON.stringify would write, and [] for no rows', async () => {
    const out = slowReader();
    expect(await writeRows(ROWS, COLUMNS, 'json', out)).toBe(3);
    expect(out.text).toBe(`${JSON.stringify(ROWS, null, 2)}\n`);
    const empty = slowReader();
    await writeRows([], COLUMNS, 'json', empty);
    expect(empty.text).toBe('[]\n');
  });

  it('csv quotes what needs quoting; jsonl is one object a line', async () => {
    const csv = slowReader();
    await writeRows(ROWS, COLUMNS, 'csv', csv);
    expect(csv.text).toBe(
      'key,highest_paying_city,yearly_salary\r\naccount-specialist,"Washington, DC",42586\r\ncollections-coordinator,"New York, NY",37938\r\n"quote ""this""",,\r\n',
    );
    const jsonl = slowReader();
    await writeRows(ROWS, COLUMNS, 'jsonl', jsonl);
    expect(jsonl.text.split('\n').slice(0, -1).map((l) => JSON.parse(l))).toEqual(ROWS);
  });

  it('table aligns numbers right and escapes control characters in cells', async () => {
    const out = slowReader();
    await writeRows([...ROWS, { key: 'new\nline\u001b[2J', highest_paying_city: 'x', yearly_salary: 1 }], COLUMNS, 'table', out);
    expect(out.text).toBe(
      [
        'key                      highest_paying_city  yearly_salary',
        '-----------------------  -------------------  -------------',
        'account-specialist       Washington, DC               42586',
        'collections-coordinator  New York, NY                 37938',
        'quote "this"',
        'new line\\x1b[2J          x                                1',
        '(4 rows)',
        '',
      ].join('\n'),
    );
  });

  it('waits for a slow reader rather than holding the whole result', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i): Row => ({ n: i, label: `row ${i}` }));
    const out = slowReader();
    expect(await writeRows(rows, ['n', 'label'], 'csv', out)).toBe(20_000);
    expect(out.waits).toBeGreaterThan(0);
    const lines = out.text.split('\r\n');
    expect([lines[0], lines[1], lines[20_000]]).toEqual(['n,label', '0,row 0', '19999,row 19999']);
  });
});

describe('csvCell: text a spreadsheet would run as a formula is guarded, numbers are not', () => {
  it.each([
    ['=HYPERLINK("http://x","pay")', '"\'=HYPERLINK(""http://x"",""pay"")"'],
    ['+1 555 0100 ext', "'+1 555 0100 ext"],
    ['- Prepares invoices', "'- Prepares invoices"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\tindented', "'\tindented"],
  ])('text %j is written %s', (text, cell) => {
    expect(csvCell(text)).toBe(cell);
  });

  it('keeps numbers, and text that is a number as written, as they are', () => {
    expect([csvCell(-8), csvCell(-3.5), csvCell('-8'), csvCell('+1.5'), csvCell('-1e3')]).toEqual(['-8', '-3.5', '-8', '+1.5', '-1e3']);
    expect([csvCell('Collections Coordinator'), csvCell('New York, NY'), csvCell(null)]).toEqual(['Collections Coordinator', '"New York, NY"', '']);
  });
});

describe('writeRows on output that fails', () => {
  it('rejects with an OutputError carrying the system\'s code when the stream fails (a full disk)', async () => {
    const full = new Writable({
      write(_chunk, _encoding, done) {
        done(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write' }));
      },
    });
    const rows = Array.from({ length: 50_000 }, (_, i): Row => ({ n: i }));
    const failure = await writeRows(rows, ['n'], 'csv', full).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(OutputError);
    expect((failure as OutputError).cause.code).toBe('ENOSPC');
  });
});

describe('formatOption: the help names only the formats a command accepts', () => {
  it('show offers table and json', () => {
    const option = formatOption(['table', 'json'], 'table');
    expect(option.description).toBe('output format: table (aligned) or json (one array)');
    expect(option.argChoices).toEqual(['table', 'json']);
  });
});
