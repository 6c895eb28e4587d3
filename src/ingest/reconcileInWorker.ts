import type { RoleEvidence } from '../reconcile/evidence.js';
import { reconcileRoles, type RoleOutcome } from '../reconcile/reconcileRoles.js';
import { EvidenceReader } from '../store/evidenceReader.js';
import { openReadOnly, type Db } from '../store/openDatabase.js';

/** Roles to reconcile from the database in `file`, their joint partners among them already. */
export interface ReconcileTask {
  file: string;
  keys: string[];
}

/** One read-only connection per database for the life of the worker. */
const readers = new Map<string, { db: Db; reader: EvidenceReader }>();

/**
 * Reconciles roles from their stored evidence (their joint partners are the caller's to add: a
 * chunk adding its own would reconcile a role once per chunk that names it), all of it read in one
 * transaction so that it is one consistent state of the tables. Pure reading and computing: the
 * writer stores the outcomes.
 */
export function reconcileInWorker({ file, keys }: ReconcileTask): RoleOutcome[] {
  let open = readers.get(file);
  if (!open) {
    const db = openReadOnly(file);
    open = { db, reader: new EvidenceReader(db) };
    readers.set(file, open);
  }
  const { db, reader } = open;
  return db.transaction(() => {
    const evidence = new Map<string, RoleEvidence>();
    const evidenceOf = (key: string): RoleEvidence => {
      let known = evidence.get(key);
      if (!known) evidence.set(key, (known = reader.read(key)));
      return known;
    };
    return [...reconcileRoles(keys, evidenceOf, { withPartners: false })];
  })();
}
