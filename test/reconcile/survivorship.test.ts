import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Reliability } from '../../src/reconcile/evidence.js';
import { settle, type Vote, VoteTally } from '../../src/reconcile/survivorship.js';

const structured = (pageId: number, value: unknown) => ({ pageId, value, reliability: Reliability.Structured });

describe('settle', () => {
  it('treats objects with the same fields as one value, whatever their key order', () => {
    const outcome = settle([structured(1, { min: 30000, max: 47000 }), structured(2, { max: 47000, min: 30000 })]);
    expect(outcome.candidates).toHaveLength(1);
    expect(outcome.candidates[0]?.pageIds).toEqual([1, 2]);
  });

  it('keeps a number, the same digits as text, and an object apart, each with its JSON', () => {
    const outcome = settle([
      structured(1, 46),
      structured(2, '46'),
      structured(3, 46),
      structured(4, '{"max":47000,"min":30000}'),
      structured(5, { min: 30000, max: 47000 }),
    ]);
    expect(outcome.value).toBe(46);
    expect(outcome.candidates.map((c) => [c.json, c.pageIds])).toEqual([
      ['46', [1, 3]],
      ['{"max":47000,"min":30000}', [5]],
      ['"{\\"max\\":47000,\\"min\\":30000}"', [4]],
      ['"46"', [2]],
    ]);
  });

  it('gives null when no page shows a value', () => {
    expect(settle([structured(1, null), structured(2, null)])).toEqual({ value: null, candidates: [] });
  });

  it('lets a cut-off text ending in "..." support the full text it starts', () => {
    const full = 'A collections coordinator is in charge of developing strategies to optimize the payment collection operations.';
    const outcome = settle([structured(1, 'A collections coordinator is in charge of...'), structured(2, full)], { prefixes: true });
    expect(outcome.value).toBe(full);
    expect(outcome.candidates).toEqual([{ json: JSON.stringify(full), value: full, pageIds: [1, 2] }]);
  });

  it('keeps a page\'s Markdown paragraphs in the surviving text', () => {
    const text = 'First paragraph.\n\nSecond paragraph.';
    expect(settle([structured(1, text), structured(2, 'First paragraph. Second')], { prefixes: true }).value).toBe(text);
  });
});

describe('VoteTally', () => {
  it('ranks the votes added so far as settle does, after every vote', () => {
    // Values as the seeds show them: ages, a salary range in either key order, a city, nulls.
    const value = fc.constantFrom<unknown>(46, 41, '46', 'New York, NY', { min: 30000, max: 47000 }, { max: 47000, min: 30000 }, null);
    const vote = fc.record({
      pageId: fc.integer({ min: 1, max: 12 }),
      value,
      reliability: fc.constantFrom(Reliability.Inferred, Reliability.Flattened, Reliability.Structured),
    });
    fc.assert(
      fc.property(fc.array(vote, { maxLength: 40 }), (votes: Vote[]) => {
        const tally = new VoteTally();
        votes.forEach((v, i) => {
          tally.add(v);
          const expected = settle(votes.slice(0, i + 1)).candidates.map(({ json, value }) => ({ json, value }));
          expect(tally.ranked().map(({ json, value }) => ({ json, value }))).toEqual(expected);
        });
      }),
    );
  });
});
