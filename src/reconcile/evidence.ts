import type { Source } from '../schema/pageRecord.js';

/**
 * What reconciliation works from: every stored observation of one role, with the pages they came
 * from. It is the whole input of `reconcileRole`, so the result depends on the set of stored
 * pages and never on the order they were ingested in (except where the rule itself asks for the
 * most recent page, to break a tie nothing else breaks).
 */
export interface RoleEvidence {
  key: string;
  pages: PageEvidence[];
}

export interface PageEvidence {
  /** The page's row id; a larger id was ingested later. */
  id: number;
  sha256: string;
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
