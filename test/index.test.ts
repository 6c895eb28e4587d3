import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFile, PageError, PageRecord, RoleFacts } from 'rolepages';
import { FIXTURES } from './support/seeds.js';

// Imported by the package's name, as a user's code or CI would: what `exports` gives.
describe('the rolepages package', () => {
  it('extracts a saved page into a record its own zod schema accepts', async () => {
    const record = await extractFile(join(FIXTURES, '000_61d26842a8aa7f89.txt'));
    if (record instanceof PageError) throw record;
    expect(PageRecord.parse(record).roles.map((r) => [r.key, r.yearlySalary])).toEqual([
      ['collections-coordinator', 37938],
      ['account-specialist', 42586],
    ]);
    expect(RoleFacts.shape.averageAge.parse(46)).toBe(46);
  });

  it('gives a PageError, not an exception, for a file that is not a page', async () => {
    const error = await extractFile(join(FIXTURES, 'no-such-page.txt'));
    expect(error).toBeInstanceOf(PageError);
    expect((error as PageError).reason).toBe('cannot read the file (ENOENT); check that it exists and is readable');
  });
});
