import { z } from 'zod';
import { PageError } from '../errors.js';
import type { PageDocument, ParagraphBlock, TableBlock } from '../read/document.js';
import { PageRecord, RoleFacts } from '../schema/pageRecord.js';
import { ROW_FIELDS, rowFieldFor } from '../site/rowFields.js';
import { cutOffReason } from './cutOff.js';
import { readProseFacts } from './proseFacts.js';
import { nameWords, roleKey } from '../schema/roleKey.js';
import { findRoleTitles } from './roleColumns.js';
import { readSections } from './sections.js';
import { readTableFacts, type TableValues } from './tableFacts.js';
import { WarningList } from './warnings.js';

/**
 * The record schema with zod's compiled fast path (zod.dev/compile: the same results and errors,
 * a record that passes is checked in one generated function instead of node by node). Every
 * page's record goes through it.
 */
const CompiledPageRecord = z.compile(PageRecord);

export interface PageSource {
  path: string;
  sha256: string;
}

/**
 * Page document → validated page record. Reads the tables, the intro sentences and the
 * sections, attributes each to one of the two roles, and turns every cross-check that fails
 * into a warning. Throws `PageError` only when the page is not a comparison page at all.
 */
export function extractPage(doc: PageDocument, source: PageSource): PageRecord {
  const warnings = new WarningList();
  // A note on a table row concerns that row's field (the contract's `field`), not its label.
  for (const note of doc.notes) warnings.add(null, rowFieldFor(note.label ?? '')?.field ?? note.label ?? 'page', note.message);

  const { titles, hasOverview } = findRoleTitles(doc, source.path);
  const keys = [roleKey(titles[0]), roleKey(titles[1])] as const;
  for (const [i, key] of keys.entries()) {
    if (key === '') throw new PageError('not-a-comparison', source.path, `the role title "${titles[i]}" has no letters or digits to make a key from`);
  }
  if (keys[0] === keys[1]) {
    warnings.add(null, 'title', `both columns show the same role (${titles[0]}); the page compares it with itself`);
  }
  if (!hasOverview) {
    warnings.add(null, 'page', 'the capture has no overview table (yearly salary, hourly rate, growth rate, …); the fields only it shows are empty');
  }
  const cutOff = cutOffReason(doc.blocks, titles);
  if (cutOff) warnings.add(null, 'page', cutOff);

  const tables = doc.blocks.filter((b): b is TableBlock => b.kind === 'table');
  const paragraphs = doc.blocks.filter((b): b is ParagraphBlock => b.kind === 'paragraph').map((b) => b.text);
  const table = readTableFacts(tables, titles, keys, warnings);
  const prose = readProseFacts(paragraphs, titles, warnings);
  const names: [string[], string[]] = [
    nameForms(titles[0], prose.proseNames[0]),
    nameForms(titles[1], prose.proseNames[1]),
  ];
  const sections = readSections(doc, titles, names, keys, hasOverview, warnings);

  const roles = ([0, 1] as const).map((i): RoleFacts => {
    const t = table[i];
    const yearlySalary = settleSalary(t, prose.introSalary[i], keys[i], warnings);
    return {
      key: keys[i],
      title: titles[i],
      ...tableValues(t),
      yearlySalary,
      timeToBecome: prose.timeToBecome[i],
      description: sections.description[i],
      topSkills: prose.topSkills[i],
      skills: sections.skills[i],
      responsibilities: sections.responsibilities[i],
      proseNames: prose.proseNames[i],
    };
  });

  const record = { source: { ...source, format: doc.format, layout: doc.layout, url: doc.url }, roles, warnings: warnings.items };
  const valid = CompiledPageRecord.safeParse(record);
  if (!valid.success) {
    // Every value was range-checked on the way in, so this is a bug in rolepages, not the page.
    const issue = valid.error.issues[0];
    throw new Error(`${source.path}: the extracted record breaks the schema at ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return valid.data;
}

/**
 * Every field the site's table rows show, as one side's table gave it: null (or no entries, for a
 * list) where it shows none. The schema puts the fields in record order.
 */
function tableValues(t: TableValues): Omit<RoleFacts, 'key' | 'title' | 'timeToBecome' | 'description' | 'topSkills' | 'skills' | 'responsibilities' | 'proseNames'> {
  return Object.fromEntries(
    ROW_FIELDS.map((r) => [r.field, t[r.field] ?? (RoleFacts.shape[r.field] instanceof z.ZodArray ? [] : null)]),
  ) as ReturnType<typeof tableValues>;
}

function value<F extends keyof TableValues>(t: TableValues, field: F): RoleFacts[F] {
  return (t[field] ?? null) as RoleFacts[F];
}

/** The table's yearly salary, cross-checked with (or, when the table lacks it, taken from) the intro. */
function settleSalary(t: TableValues, intro: number | null, key: string, warnings: WarningList): number | null {
  const shown = value(t, 'yearlySalary');
  if (shown !== null && intro !== null && shown !== intro) {
    warnings.add(key, 'yearlySalary', `the intro says $${intro.toLocaleString('en-US')} but the table shows $${shown.toLocaleString('en-US')}; kept the table's`);
  }
  return shown ?? intro;
}

/** The names a passage may use for a role: its title and the prose's forms, singular and plural. */
function nameForms(title: string, prose: string[]): string[] {
  const forms = new Set<string>();
  for (const name of [title, ...prose]) {
    const n = nameWords(name);
    if (!n) continue;
    forms.add(n);
    forms.add(n.endsWith('s') ? n.slice(0, -1) : `${n}s`);
  }
  return [...forms];
}
