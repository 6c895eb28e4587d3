import { describe, expect, it } from 'vitest';
import { diffJson } from '../../src/check/diffJson.js';

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
  it('finds nothing between equal records', () => {
    expect(diffJson({ a: [1, { b: 'x' }] }, { a: [1, { b: 'x' }] })).toEqual([]);
  });
});
