import { readIntroSentences, type IntroFacts } from '../site/introSentences.js';
import { parseWholeDollars } from '../values/numbers.js';
import { matchOne, nameSimilarity, pairIsSwapped } from './matchRole.js';
import type { RoleTitles } from './roleColumns.js';
import type { WarningList } from './warnings.js';

/** What the intro says about each role, in role order. */
export interface ProseFacts {
  timeToBecome: [string | null, string | null];
  /** The yearly salary the intro's salary sentence states. */
  introSalary: [number | null, number | null];
  topSkills: [string[], string[]];
  /** The names the prose uses for each role, as written (singular and plural forms). */
  proseNames: [string[], string[]];
}

/**
 * Reads the intro sentences and attributes each to a role by its name. Names given as a pair
 * ("to become both a X and a Y") are matched as a pair, so the higher-paid role may come first
 * or second.
 */
export function readProseFacts(paragraphs: readonly string[], roles: RoleTitles, warnings: WarningList): ProseFacts {
  const intro = readIntroSentences(paragraphs);
  const facts: ProseFacts = {
    timeToBecome: [null, null],
    introSalary: [null, null],
    topSkills: [[], []],
    proseNames: [[], []],
  };
  const addName = (i: 0 | 1, name: string) => {
    const clean = name.trim();
    if (clean && !facts.proseNames[i].includes(clean)) facts.proseNames[i].push(clean);
  };

  const pairs: Array<{ what: string; items: Array<{ name: string }>; apply: (role: 0 | 1, item: number) => void }> = [
    {
      what: 'time to become',
      items: intro.timeToBecome,
      apply: (role, item) => (facts.timeToBecome[role] = intro.timeToBecome[item]!.time),
    },
    {
      what: 'salary sentence',
      items: intro.salaries,
      apply: (role, item) => {
        const amount = parseWholeDollars(intro.salaries[item]!.amount);
        if (amount.ok) facts.introSalary[role] = amount.value;
      },
    },
  ];
  for (const { what, items, apply } of pairs) {
    if (items.length !== 2) continue;
    const swapped = pairIsSwapped(items[0]!.name, items[1]!.name, roles);
    if (swapped === null) {
      warnings.add(null, what === 'time to become' ? 'timeToBecome' : 'yearlySalary', `the intro's ${what} names "${items[0]!.name}" and "${items[1]!.name}", which cannot be told apart as ${roles[0]} and ${roles[1]}; not used`);
      continue;
    }
    const order: [0 | 1, 0 | 1] = swapped ? [1, 0] : [0, 1];
    order.forEach((role, item) => {
      apply(role, item);
      addName(role, items[item]!.name);
    });
  }
  for (const { name, skills } of intro.topSkills) {
    const role = matchOne(name, roles);
    if (role === null) {
      warnings.add(null, 'topSkills', `the skills sentence for "${name}" names neither ${roles[0]} nor ${roles[1]}; not used`);
      continue;
    }
    if (facts.topSkills[role].length === 0) facts.topSkills[role] = skills;
    addName(role, name);
  }
  const plural = splitPluralPair(intro, roles);
  if (plural) plural.forEach((name, role) => addName(role as 0 | 1, name));
  return facts;
}

/**
 * "collections coordinators and account specialists": titles may hold " and " themselves
 * ("Research and Development Manager"), so every " and " is tried and the split whose halves
 * best match the two titles wins.
 */
function splitPluralPair(intro: IntroFacts, roles: RoleTitles): [string, string] | null {
  const text = intro.pluralPair;
  if (!text) return null;
  let best: { score: number; pair: [string, string] } | null = null;
  for (let at = text.indexOf(' and '); at >= 0; at = text.indexOf(' and ', at + 1)) {
    const pair: [string, string] = [text.slice(0, at).trim(), text.slice(at + 5).trim()];
    const swapped = pairIsSwapped(pair[0], pair[1], roles);
    if (swapped === null) continue;
    const ordered: [string, string] = swapped ? [pair[1], pair[0]] : pair;
    const score = nameSimilarity(ordered[0], roles[0]) + nameSimilarity(ordered[1], roles[1]);
    if (!best || score > best.score) best = { score, pair: ordered };
  }
  return best?.pair ?? null;
}

