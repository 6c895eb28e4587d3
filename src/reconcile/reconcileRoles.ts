import { jointPartners, type RoleEvidence } from './evidence.js';
import { type PartnerVotesOf, partnerVotesFromEvidence, reconcileRole, type ReconciledRole } from './reconcileRole.js';

/** A role reconciled from the stored pages, or null when no stored page shows it any more. */
export interface RoleOutcome {
  key: string;
  role: ReconciledRole | null;
}

/**
 * Reconciles the given roles and, with them, the other role of every page where a glued row
 * decided both roles' values at once, since what is known of one settles the other (unless the
 * caller has added those already: `withPartners` false). In key order, one at a time, so a caller
 * can write each before the next is computed. A partner's votes come from its evidence unless the
 * caller reads them more cheaply (`partnerVotes`, as the store does from the database: a role on
 * thousands of pages is the partner of thousands of roles, and only one field of it is needed).
 */
export function* reconcileRoles(
  keys: Iterable<string>,
  evidenceOf: (key: string) => RoleEvidence,
  { withPartners = true, partnerVotes = partnerVotesFromEvidence(evidenceOf) }: { withPartners?: boolean; partnerVotes?: PartnerVotesOf } = {},
): Generator<RoleOutcome> {
  const all = new Set(keys);
  if (withPartners) for (const key of [...all]) for (const partner of jointPartners(evidenceOf(key))) all.add(partner);
  for (const key of [...all].sort()) {
    const evidence = evidenceOf(key);
    yield { key, role: evidence.pages.length === 0 ? null : reconcileRole(evidence, partnerVotes) };
  }
}
