import type { RoleLists, StoreTotals } from '../store/readRoles.js';
import type { RoleValues } from '../store/roleValues.js';
import type { ReportChanges } from './changesSection.js';

/** What the report shows, loaded from the database once and rendered without further queries. */

export interface ReportPage {
  id: number;
  path: string;
  url: string | null;
  layout: string | null;
  roleA: string | null;
  roleB: string | null;
}

/** A field on which the role's pages disagree: each distinct value beside the pages behind it. */
export interface ReportConflict {
  field: string;
  /** The kept value first, then most pages first. */
  values: Array<{ value: unknown; pageCount: number; chosen: boolean; pageIds: number[] }>;
}

/** A role shown in full: its values, the captures behind them and its lists. */
export interface ReportRole extends RoleValues, Omit<RoleLists, 'conflicts'> {
  /** The captures the role was seen on, by `pages.id`. */
  pageIds: number[];
  /** Field → the captures that showed a value for it. */
  fieldPages: Map<string, number[]>;
  conflicts: ReportConflict[];
}

export interface SkillsMatrix {
  /** The most common skills, most roles first; `roleCount` counts every role, shown or not. */
  skills: Array<{ name: string; roleCount: number }>;
  /**
   * The roles shown as columns; `pcts[i]` is the percent for `skills[i]`: undefined when the role
   * does not list the skill, null when it lists it without a percent.
   */
  roles: Array<{ key: string; title: string; pcts: Array<number | null | undefined> }>;
  distinctSkillCount: number;
  rolesWithSkillsCount: number;
}

export interface ReportData {
  /** The roles shown, at most the report's cap: highest yearly salary first, those without one last. */
  roles: ReportRole[];
  /** The captures the shown roles were seen on. */
  pages: ReportPage[];
  /** Titles of the roles those captures compare the shown ones with. */
  titles: Map<string, string>;
  /** The whole database, counted as `ingest` counts it. */
  totals: StoreTotals;
  /** How many roles of the whole database have a salary range (the chart draws the first few). */
  rangedRoles: number;
  matrix: SkillsMatrix;
  /** What the site changed between captures of a page; absent when nothing did. */
  changes?: ReportChanges;
}
