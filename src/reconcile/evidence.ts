import type { Source } from '../schema/pageRecord.js';

/**
 * What reconciliation works from: every stored observation of one role, with the pages they came
 * from. It is the whole input of `reconcileRole`, so the result depends on the set of stored
 * pages and never on the order they were ingested in. A page saved several times is here once,
 * as its newest capture.
 */
export interface RoleEvidence {
  key: string;
  pages: PageEvidence[];
  /**
   * Guesses of one capture that another capture of the same page showed without guessing: the
   * page speaks by the value read, and the guess's warning is resolved.
   */
  settledByPage?: Array<{ pageId: number; field: string; value: unknown }>;
}

export interface PageEvidence {
  /** The row id of the capture that speaks for the page. */
  id: number;
  sha256: string;
  /** When that capture was saved, in milliseconds since 1970. */
  capturedAt: number;
  format: Source['format'];
  layout: Source['layout'];
  /** One entry per side of the page that shows this role (two if a page compares it with itself). */
  sides: SideEvidence[];
}

export interface SideEvidence {
  /** Field name → the value as the page showed it (null when not shown). */
  values: Map<string, unknown>;
  /** Fields whose value was inferred, each with its warning's candidates (chosen first; may be empty). */
  inferred: Map<string, unknown[]>;
  /** For inferred values that came from a glued row deciding both roles at once. */
  joint?: JointSplits;
  /**
   * The capture whose warning an inferred value carries, where that is not the capture that
   * speaks for the page (`PageEvidence.id`): a field its newest capture does not show, guessed by
   * an older one. Settling the guess resolves that capture's warning.
   */
  guessedIn?: Map<string, number>;
}

/**
 * The glued rows of a page whose split decided this role's value and the other role's together:
 * knowing the other role's value from another page settles this one too.
 */
export interface JointSplits {
  /** Which column of the page this side is (0 left, 1 right). */
  side: 0 | 1;
  /** The other role on the page. */
  partner: string;
  /** Field → the splits that survived, as [left value, right value], the chosen first. */
  splits: Map<string, Array<[unknown, unknown]>>;
}

/**
 * How far a value can be trusted by the way it was captured: HTML and tabular text keep the
 * cell boundaries, a flattened capture loses them, and an inferred flattened value is a guess.
 */
export enum Reliability {
  Inferred = 0,
  Flattened = 1,
  Structured = 2,
}

export function captureReliability(page: Pick<PageEvidence, 'format' | 'layout'>): Reliability {
  return page.format === 'html' || page.layout === 'table' ? Reliability.Structured : Reliability.Flattened;
}
