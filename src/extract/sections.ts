import type { Block, ListBlock, PageDocument } from '../read/document.js';
import { isIntroParagraph } from '../site/introSentences.js';
import { parseSkill } from '../values/shares.js';
import type { SkillShare } from '../schema/pageRecord.js';
import { matchOne, roleMentions } from './matchRole.js';
import type { RoleTitles } from './roleColumns.js';
import type { WarningList } from './warnings.js';

export interface SectionFacts {
  description: [string | null, string | null];
  responsibilities: [string[], string[]];
  skills: [SkillShare[], SkillShare[]];
}

const DESCRIBES = /^what does (?:an? |the )?(.+?) do\??$/i;
const RESPONSIBILITIES = /^(.+?) example responsibilities\.?$/i;
const SKILLS = /^common (.+?) skills:?$/i;
// The site's connecting sentences: never a role's description.
const BOILERPLATE = [
  /differences between .+ can be seen/i,
  /have different pay scales/i,
  /^there are a few differences/i,
  /^here are the differences/i,
  /^(?:show more|show less)$/i,
];
const LIST_NOISE = /^(?:show more|show less|see more|view more)$/i;

export interface RoleSection {
  kind: 'description' | 'responsibilities' | 'skills';
  /** The role the heading names; null when it names neither. */
  role: 0 | 1 | null;
}

/** The role's section a heading (or a paragraph read as one) opens, or null for any other text. */
export function roleSectionOf(text: string, roles: RoleTitles): RoleSection | null {
  for (const [kind, pattern] of [['description', DESCRIBES], ['responsibilities', RESPONSIBILITIES], ['skills', SKILLS]] as const) {
    const m = pattern.exec(text.trim());
    if (m) return { kind, role: matchOne(m[1]!, roles) };
  }
  return null;
}

/** Whether a paragraph is one of the site's connecting sentences ("… have different pay scales"). */
export const isBoilerplate = (text: string): boolean => BOILERPLATE.some((p) => p.test(text));

/**
 * Descriptions, responsibilities and skills lists. Where the page has its section headings
 * ("What does a collections coordinator do?", "Common … skills") they say whose text follows;
 * where a capture dropped them, a description paragraph belongs to the role it names, and to
 * the left role first when it names neither (the site's order). Such paragraphs follow the
 * overview table, or the intro on a page without one, up to the next table.
 */
export function readSections(doc: PageDocument, roles: RoleTitles, names: [string[], string[]], keys: readonly [string, string], hasOverview: boolean, warnings: WarningList): SectionFacts {
  const facts: SectionFacts = { description: [null, null], responsibilities: [[], []], skills: [[], []] };
  const descriptions: [string[], string[]] = [[], []];
  const unheaded: string[] = [];
  let section: { kind: 'description' | 'responsibilities' | 'skills' | 'other'; role: 0 | 1 | null } = { kind: 'other', role: null };
  let afterOverview = false;
  let unheadedOpen = false;

  const sectionFor = (text: string): typeof section | null => {
    const found = roleSectionOf(text, roles);
    if (found?.role === null) warnings.add(null, found.kind, `the section "${text.trim()}" names neither ${roles[0]} nor ${roles[1]}; its content is not used`);
    return found;
  };

  const unheadedFrom = hasOverview ? -1 : afterIntro(doc.blocks);
  for (const [i, block] of doc.blocks.entries()) {
    if (i === unheadedFrom) unheadedOpen = true;
    if (block.kind === 'table') {
      // Unheaded descriptions sit between the overview (the first table) and the next one.
      unheadedOpen = hasOverview && !afterOverview;
      afterOverview = true;
      section = { kind: 'other', role: null };
      continue;
    }
    if (block.kind === 'heading') {
      section = sectionFor(block.text) ?? { kind: 'other', role: null };
      unheadedOpen = false;
      continue;
    }
    if (block.kind === 'paragraph') {
      const next = sectionFor(block.text);
      if (next && next.kind !== 'description') {
        section = next;
        continue;
      }
      if (isBoilerplate(block.text)) continue;
      if (section.kind === 'description' && section.role !== null) descriptions[section.role].push(block.markdown);
      else if (section.kind === 'other' && unheadedOpen) unheaded.push(block.markdown);
      continue;
    }
    readList(block, section, facts, keys, warnings);
  }

  assignUnheaded(unheaded, names, descriptions);
  for (const role of [0, 1] as const) {
    if (descriptions[role].length > 0) facts.description[role] = descriptions[role].join('\n\n');
  }
  return facts;
}

/**
 * Where a page without an overview starts its unheaded descriptions: past the last intro
 * paragraph before the first table. Without an intro sentence the intro cannot be told from the
 * descriptions, so none are read (-1).
 */
function afterIntro(blocks: readonly Block[]): number {
  const firstTable = blocks.findIndex((b) => b.kind === 'table');
  let from = -1;
  blocks.slice(0, firstTable === -1 ? blocks.length : firstTable).forEach((b, i) => {
    if (b.kind === 'paragraph' && isIntroParagraph(b.text)) from = i + 1;
  });
  return from;
}

function readList(list: ListBlock, section: { kind: string; role: 0 | 1 | null }, facts: SectionFacts, keys: readonly [string, string], warnings: WarningList): void {
  if (section.role === null) return;
  const items = list.items.filter((i) => !LIST_NOISE.test(i.text.trim()));
  if (section.kind === 'responsibilities') {
    for (const item of items) facts.responsibilities[section.role].push(item.markdown);
  } else if (section.kind === 'skills') {
    for (const item of items) {
      const skill = parseSkill(item.text);
      if (skill.ok && skill.value) facts.skills[section.role].push(skill.value);
      else warnings.add(keys[section.role], 'skills', `skills list item "${item.text}" is not like "Customer Service, 15%"; left out`);
    }
  }
}

/**
 * Description paragraphs of a capture without headings: each goes to the role it names; one
 * that names neither or both follows the site's order (left role, then right).
 */
function assignUnheaded(paragraphs: string[], names: [string[], string[]], descriptions: [string[], string[]]): void {
  if (paragraphs.length === 0) return;
  const rolesMentionedIn = roleMentions(names);
  const mentions = paragraphs.map((p) => rolesMentionedIn(p));
  const only = (m: Set<0 | 1>): 0 | 1 | null => (m.size === 1 ? [...m][0]! : null);
  let previous: 0 | 1 = 0;
  paragraphs.forEach((p, i) => {
    // A paragraph naming no role continues the previous description, unless a role has none yet.
    const fallback = descriptions[0].length === 0 ? 0 : descriptions[1].length === 0 ? 1 : previous;
    const role = only(mentions[i]!) ?? fallback;
    descriptions[role].push(p);
    previous = role;
  });
}

