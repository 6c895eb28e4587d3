/**
 * The site's fixed intro sentences, read as written. Names stay as the prose spells them
 * ("collections/accounts receivables", sometimes garbled: "collectionss, customer service");
 * matching them to the table's titles is the extractor's job.
 */

export interface IntroFacts {
  /** "The differences between collections coordinators and account specialists …": the text
   * between "between" and "can be seen", both plural names with " and " somewhere inside. */
  pluralPair: string | null;
  timeToBecome: Array<{ name: string; time: string }>;
  salaries: Array<{ name: string; amount: string }>;
  topSkills: Array<{ name: string; skills: string[] }>;
}

// Intro paragraphs are a few hundred characters; a longer one is not an intro, and skipping it
// keeps these lazy patterns from ever scanning megabytes.
const MAX_INTRO_PARAGRAPH = 4000;

const ARTICLE = String.raw`(?:an?|the)\s+`;
const TIME = String.raw`((?:less than |about |around |over |up to |under )?(?:<\s*)?\d+(?:\.\d+)?(?:\s*[-\u2013]\s*\d+(?:\.\d+)?)?\+?\s*(?:days?|weeks?|months?|years?))`;
const END = String.raw`\.(?=\s|$)`;

const PLURAL_PAIR = /differences between (.+?) can be seen/i;
const TIME_BOTH = new RegExp(String.raw`takes ${TIME} to become both ${ARTICLE}(.+?) and ${ARTICLE}(.+?)${END}`, 'i');
const TIME_EACH = new RegExp(String.raw`takes ${TIME} to become ${ARTICLE}(.+?), becoming ${ARTICLE}(.+?) (?:takes )?(?:usually |typically |often )?(?:requires|takes) ${TIME}`, 'i');
const SALARY = new RegExp(String.raw`(?:^|[.,]\s+)${ARTICLE}([^.]+?) has an average salary of (\$[\d,.]+), which is (?:higher|lower|more|less|greater) than the (\$[\d,.]+) average annual salary of ${ARTICLE}(.+?)${END}`, 'i');
const TOP_SKILLS = new RegExp(String.raw`(?:top three|top|most important) skills for ${ARTICLE}(.+?) (?:include|are) (.+?)${END}`, 'gi');

export function readIntroSentences(paragraphs: readonly string[]): IntroFacts {
  const facts: IntroFacts = { pluralPair: null, timeToBecome: [], salaries: [], topSkills: [] };
  for (const text of paragraphs) {
    if (text.length > MAX_INTRO_PARAGRAPH) continue;
    facts.pluralPair ??= PLURAL_PAIR.exec(text)?.[1]?.trim() ?? null;
    if (facts.timeToBecome.length === 0) {
      const both = TIME_BOTH.exec(text);
      const each = TIME_EACH.exec(text);
      if (both) {
        facts.timeToBecome.push({ name: both[2]!, time: both[1]! }, { name: both[3]!, time: both[1]! });
      } else if (each) {
        facts.timeToBecome.push({ name: each[2]!, time: each[1]! }, { name: each[3]!, time: each[4]! });
      }
    }
    if (facts.salaries.length === 0) {
      const salary = SALARY.exec(text);
      if (salary) facts.salaries.push({ name: salary[1]!, amount: salary[2]! }, { name: salary[4]!, amount: salary[3]! });
    }
    for (const m of text.matchAll(TOP_SKILLS)) {
      facts.topSkills.push({ name: m[1]!, skills: splitSkillList(m[2]!) });
    }
  }
  return facts;
}

/** Whether a paragraph holds one of the intro's sentences: the roles' pair, times, salaries or top skills. */
export function isIntroParagraph(text: string): boolean {
  const facts = readIntroSentences([text]);
  return facts.pluralPair !== null || facts.timeToBecome.length > 0 || facts.salaries.length > 0 || facts.topSkills.length > 0;
}

/**
 * "customer service, patients and phone calls" or "customer service, patients, and account
 * management" → three names. Commas separate; the last " and " separates only when the commas
 * gave fewer items than the sentence's "three".
 */
export function splitSkillList(list: string): string[] {
  const parts = list.split(/\s*,\s*/).map((p) => p.trim()).filter(Boolean);
  const last = parts.pop() ?? '';
  if (/^and\s+/i.test(last)) {
    parts.push(last.replace(/^and\s+/i, ''));
  } else {
    const and = last.lastIndexOf(' and ');
    if (and > 0 && parts.length < 2) parts.push(last.slice(0, and), last.slice(and + 5));
    else parts.push(last);
  }
  return parts.map((p) => p.trim()).filter(Boolean);
}
