import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TableBlock } from '../../../src/read/document.js';
import { readFlatText } from '../../../src/read/flat/readFlatText.js';
import { type PagePair, TABLES, pagePair, renderFlatPage } from './support/flatPage.js';

type Outcome = 'exact' | 'warned' | 'silentlyWrong';

/**
 * Reads a rendered page back and compares every cell with what was rendered. A wrong cell is
 * acceptable only on a row that says it was a guess (alternatives, or a note on its label).
 */
function roundTrip(pair: PagePair): { outcome: Outcome; wrong: string[]; guessedRight: boolean; warnedRows: string[] } {
  const doc = readFlatText(renderFlatPage(pair));
  const tables = doc.blocks.filter((b): b is TableBlock => b.kind === 'table');
  const noted = new Set(doc.notes.map((n) => n.label));
  const wrong: string[] = [];
  const warnedRows = doc.notes.map((n) => `note on ${n.label ?? 'page'}`);
  let guessedRight = true;
  const [a, b] = pair.roles;

  TABLES.forEach((labels, t) => {
    const rows = tables[t]?.rows ?? [];
    const [header, ...body] = rows;
    const headerWarned = noted.has('title') || (header?.split?.alternatives.length ?? 0) > 0;
    const headerRight = JSON.stringify(header?.cells) === JSON.stringify(['', a.title, b.title]);
    if (headerWarned) warnedRows.push('title');
    if (!headerRight && !headerWarned) wrong.push(`header ${JSON.stringify(header?.cells)}`);
    guessedRight &&= headerRight;
    labels.forEach((label) => {
      const row = body.find((r) => r.cells[0] === label);
      const rowWarned = noted.has(label) || (row?.split?.alternatives.length ?? 0) > 0;
      if (rowWarned) warnedRows.push(label);
      const want = [label, a.cells[label], b.cells[label]];
      const right = JSON.stringify(row?.cells) === JSON.stringify(want);
      if (!right && !rowWarned) wrong.push(`${label}: ${JSON.stringify(row?.cells)} for ${JSON.stringify(want)}`);
      guessedRight &&= right;
    });
  });
  const outcome = wrong.length > 0 ? 'silentlyWrong' : warnedRows.length > 0 ? 'warned' : 'exact';
  return { outcome, wrong, guessedRight, warnedRows };
}

describe('flattened pages read back', () => {
  it('never come back wrong without a warning (random role pairs rendered to the glued form)', () => {
    const pairs = fc.sample(pagePair, { numRuns: 3000, seed: 20_260_403 });
    const counts: Record<Outcome, number> = { exact: 0, warned: 0, silentlyWrong: 0 };
    const failures: string[] = [];
    const warnedBy = new Map<string, number>();
    let warnedButRight = 0;
    for (const pair of pairs) {
      const { outcome, wrong, guessedRight, warnedRows } = roundTrip(pair);
      counts[outcome]++;
      if (outcome === 'warned' && guessedRight) warnedButRight++;
      for (const row of new Set(warnedRows)) warnedBy.set(row, (warnedBy.get(row) ?? 0) + 1);
      if (outcome === 'silentlyWrong' && failures.length < 5) failures.push(`${pair.roles[0].title} vs ${pair.roles[1].title}: ${wrong.join('; ')}`);
    }
    console.log(
      `flat round trip over ${pairs.length} random pages: ${counts.exact} exact, ${counts.warned} with a warning ` +
        `(${warnedButRight} of them with every chosen split right), ${counts.silentlyWrong} wrong without a warning\n` +
        `  pages warned, by row: ${[...warnedBy].sort((x, y) => y[1] - x[1]).map(([row, n]) => `${row} ${n}`).join(', ')}`,
    );
    expect(failures).toEqual([]);
    expect(counts.silentlyWrong).toBe(0);
  });
});
