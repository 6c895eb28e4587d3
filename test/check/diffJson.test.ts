import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffJson } from '../../src/check/diffJson.js';
import { FIXTURES } from '../support/seeds.js';

describe('diffJson', () => {
  it('names the path of each differing value', () => {
    const expected = { roles: [{ averageAge: 46 }, { averageAge: 46, race: [{ pct: 12.1 }] }] };
    const actual = { roles: [{ averageAge: 46 }, { averageAge: 4, race: [] }] };
    expect(diffJson(expected, actual)).toEqual([
      'roles[1].averageAge: expected 46, got 4',
      'roles[1].race[0]: expected {"pct":12.1}, missing',
    ]);
  });
  it('reports fields only one side has', () => {
    expect(diffJson({ a: 1 }, { a: 1, b: null })).toEqual(['b: unexpected null']);
  });
  it('lists every difference of an array longer than a call can take as arguments', () => {
    const expected = Array.from({ length: 200_000 }, () => 1);
    const lines = diffJson({ rows: expected }, { rows: expected.map(() => 2) });
    expect(lines).toHaveLength(200_000);
    expect(lines[199_999]).toBe('rows[199999]: expected 1, got 2');
  });
  it('shows where two long strings part, on both sides, with the offset', () => {
    const description = readFileSync(join(FIXTURES, '005_61d26842a8aa7f89_table.html.expected.json'), 'utf8');
    const expected = (JSON.parse(description) as { roles: Array<{ description: string }> }).roles[0]!.description;
    const actual = expected.replace('policies and regulations', 'policXes and regulations');
    expect(diffJson({ description: expected }, { description: actual })).toEqual([
      'description: strings differ at offset 620 (640 characters expected, 640 got): ' +
        'expected …"moting and enforcing the company\'s policies and regulations.", ' +
        'got …"moting and enforcing the company\'s policXes and regulations."',
    ]);
  });
  it('shows a long string cut short as ending where the other goes on', () => {
    const long = 'a'.repeat(150) + 'b'.repeat(50);
    expect(diffJson(long.slice(0, 150), long)).toEqual([
      `(root): strings differ at offset 150 (150 characters expected, 200 got): expected …"${'a'.repeat(40)}", got …"${'a'.repeat(40)}${'b'.repeat(40)}"…`,
    ]);
  });
  it('shows two long strings that differ at their first character from their start', () => {
    expect(diffJson(`x${'a'.repeat(200)}`, `y${'a'.repeat(200)}`)).toEqual([
      `(root): strings differ at offset 0 (201 characters expected, 201 got): expected "x${'a'.repeat(39)}"…, got "y${'a'.repeat(39)}"…`,
    ]);
  });
  it('finds nothing between equal records', () => {
    expect(diffJson({ a: [1, { b: 'x' }] }, { a: [1, { b: 'x' }] })).toEqual([]);
  });
});
