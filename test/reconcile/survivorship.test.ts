import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Reliability } from '../../src/reconcile/evidence.js';
import { settle, type Vote, VoteTally } from '../../src/reconcile/survivorship.js';

const JANUARY = Date.parse('2026-01-15T09:00:00.000Z');
const JULY = Date.parse('2026-07-01T09:00:00.000Z');
const structured = (pageId: number, value: unknown, capturedAt = JANUARY): Vote => ({ pageId, value, reliability: Reliability.Structured, capturedAt });

describe('settle', () => {
  it('treats objects with the same fields as one value, whatever their key order', () => {
    const outcome = settle([structured(1, { min: 30000, max: 47000 }), structured(2, { max: 47000, min: 30000 })]);
    expect(outcome.candidates).toHaveLength(1);
    expect(outcome.candidates[0]?.pageIds).toEqual([1, 2]);
  });

  it('keeps a number, the same digits as text, and an object apart, each with its JSON', () => {
    // Captured a day apart in page order: among the values on one page each, the newest ranks first.
    const daily = (pageId: number, value: unknown) => structured(pageId, value, JANUARY + pageId * 24 * 60 * 60 * 1000);
    const outcome = settle([daily(1, 46), daily(2, '46'), daily(3, 46), daily(4, '{"max":47000,"min":30000}'), daily(5, { min: 30000, max: 47000 })]);
    expect(outcome.value).toBe(46);
    expect(outcome.candidates.map((c) => [c.json, c.pageIds])).toEqual([
      ['46', [1, 3]],
      ['{"max":47000,"min":30000}', [5]],
      ['"{\\"max\\":47000,\\"min\\":30000}"', [4]],
      ['"46"', [2]],
    ]);
  });

  it('breaks a tie between equally reliable pages in favour of the newest capture, not the last page stored', () => {
    expect(settle([structured(1, 18.24, JULY), structured(2, 18.5, JANUARY)]).value).toBe(18.24);
    expect(settle([structured(1, 18.5, JANUARY), structured(2, 18.24, JULY)]).value).toBe(18.24);
  });

  it('breaks a tie in favour of the more reliable capture before the newer one', () => {
    const flattened: Vote = { pageId: 2, value: 18.5, reliability: Reliability.Flattened, capturedAt: JULY };
    expect(settle([structured(1, 18.24, JANUARY), flattened]).value).toBe(18.24);
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
      capturedAt: fc.constantFrom(JANUARY, JULY),
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
