import { describe, expect, it } from 'vitest';
import { formatRows } from '../../src/cli/commands/output.js';

describe('formatRows as a table', () => {
  it('pads each column to its widest cell', () => {
    const rows = [{ key: 'nurse', page_count: 2 }, { key: 'collections-coordinator', page_count: 12 }];
    expect(formatRows(rows, ['key', 'page_count'], 'table')).toBe(
      [
        'key                      page_count',
        '-----------------------  ----------',
        'nurse                             2',
        'collections-coordinator          12',
        '(2 rows)',
        '',
      ].join('\n'),
    );
  });

  it('aligns more rows than a call can take as arguments', () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => ({ n: i }));
    const lines = formatRows(rows, ['n'], 'table').split('\n');
    expect(lines[1]).toBe('------');
    expect(lines[2]).toBe('     0');
    expect(lines.at(-2)).toBe('(200000 rows)');
  });
});
