import type { RoleEvidence } from '../reconcile/evidence.js';
import { reconcileRoles, type RoleOutcome } from '../reconcile/reconcileRoles.js';
import { partnerVotesOnce } from '../reconcile/reconcileRole.js';
import { EvidenceReader } from '../store/evidenceReader.js';
import { readOnlyForThread, type Db } from '../store/openDatabase.js';

/** Roles to reconcile from the database in `file`, their joint partners among them already. */
export interface ReconcileTask {
  file: string;
  keys: string[];
}

/** The evidence reader on each of the thread's read-only connections. */
const readers = new WeakMap<Db, EvidenceReader>();

/**
 * Reconciles roles from their stored evidence (their joint partners are the caller's to add: a
 * chunk adding its own would reconcile a role once per chunk that names it), all of it read in one
 * transaction so that it is one consistent state of the tables. Pure reading and computing: the
 * writer stores the outcomes.
 */
export function reconcileInWorker({ file, keys }: ReconcileTask): RoleOutcome[] {
  const db = readOnlyForThread(file);
  let reader = readers.get(db);
  if (!reader) readers.set(db, (reader = new EvidenceReader(db)));
  return db.transaction(() => {
    const evidence = new Map<string, RoleEvidence>();
    const evidenceOf = (key: string): RoleEvidence => {
      let known = evidence.get(key);
      if (!known) evidence.set(key, (known = reader.read(key)));
      return known;
    };
    // A partner is asked for one field at a time: read whole, a role on thousands of pages would
    // be read again by every task with one of its partners, and held by each.
    const partnerVotes = partnerVotesOnce((partner, field) => reader.votes(partner, field));
    return [...reconcileRoles(keys, evidenceOf, { withPartners: false, partnerVotes })];
  })();
}
