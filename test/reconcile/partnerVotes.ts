import { captureReliability, type RoleEvidence } from '../../src/reconcile/evidence.js';
import type { PartnerVotesOf } from '../../src/reconcile/reconcileRole.js';
import type { Vote } from '../../src/reconcile/survivorship.js';

/**
 * A partner's unguessed votes on a field, taken from its whole evidence: what the store reads
 * from the database one field at a time (`EvidenceReader.votes`), written plainly for the specs.
 */
export function partnerVotesFrom(evidenceOf: (key: string) => RoleEvidence): PartnerVotesOf {
  return (partner, field) => {
    const votes: Vote[] = [];
    for (const page of evidenceOf(partner).pages) {
      for (const side of page.sides) {
        const value = side.values.get(field);
        if (value !== undefined && !side.inferred.has(field)) votes.push({ pageId: page.id, reliability: captureReliability(page), capturedAt: page.capturedAt, value });
      }
    }
    return votes;
  };
}
