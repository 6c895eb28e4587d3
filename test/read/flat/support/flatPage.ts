import fc from 'fast-check';

/**
 * Random role pairs as the site would show them, and the flattened capture of their comparison
 * page: the test's model of the site, written independently of the reader.
 */
export interface RoleValues {
  title: string;
  /** Each table row's cell text, by the row's label, exactly as the site prints it. */
  cells: Record<string, string>;
}

export interface PagePair {
  roles: [RoleValues, RoleValues];
}

const WORDS = ['Collections', 'Accounts', 'Receivable', 'Senior', 'Assistant', 'Store', 'Manager', 'Shift', 'Specialist', 'Coordinator', 'Clerk', 'Analyst', 'Nurse', 'Registered', 'Software', 'Engineer', 'IT', 'HR', 'Director', 'Operations', 'Sales', 'Representative', 'Technician', 'II', 'Credit', 'Billing', 'Account'];
const INDUSTRIES = ['Finance', 'Professional', 'Health Care', 'Real Estate', 'Non Profits', 'Manufacturing', 'Retail', 'Technology', 'Media', 'Transportation', 'Government', 'Education', 'Energy', 'Insurance', 'Hospitality', 'Telecommunication', 'Pharmaceutical'];
const MAJORS = ['Business', 'Nursing', 'Accounting', 'Criminal Justice', 'Psychology', 'Computer Science', 'General Studies', 'Finance'];
const DEGREES = ["Bachelor's Degree", 'High School Diploma', "Associate's Degree", "Master's Degree", 'Certificate'];
const NAME_WORDS = ['Acme', 'Delta', 'University', 'California', 'Berkeley', 'Bank', 'America', 'Kaiser', 'Permanente', 'Wells', 'Fargo', 'Microsoft', 'Johnson', 'Apple', 'General', 'Motors', 'Health', 'Partners', 'IBM', 'AT&T', 'Lake', 'Ramon', 'San', 'New', 'York', 'Boston', 'Fort', 'Worth'];
const STATES = ['California', 'Connecticut', 'New York', 'Texas', 'Virginia', 'West Virginia', 'New Jersey', 'Massachusetts', 'Washington', 'District of Columbia', 'North Carolina', 'Alaska'];
const CODES = ['CA', 'NY', 'TX', 'MA', 'DC', 'WA', 'NJ', 'VA', 'IL', 'CT'];
const RACES = ['Black or African American', 'Unknown', 'Hispanic or Latino', 'Asian', 'White', 'American Indian and Alaska Native'];

const grouped = (n: number): string => n.toLocaleString('en-US');
const dollars = (n: number): string => `$${grouped(n)}`;
/** The site's decimals: as short as the value allows ("4.1", "46", "0.5"). */
const decimal = (n: number): string => String(Number(n.toFixed(2)));

const pick = <T>(items: readonly T[]) => fc.constantFrom(...items);
const words = (min: number, max: number) => fc.array(pick(NAME_WORDS), { minLength: min, maxLength: max }).map((w) => w.join(' '));
/** Sometimes the site has no value: "-". */
const orDash = (arb: fc.Arbitrary<string>) => fc.oneof({ weight: 9, arbitrary: arb }, { weight: 1, arbitrary: fc.constant('-') });

const title = fc
  .tuple(fc.array(pick(WORDS), { minLength: 1, maxLength: 3 }), fc.option(fc.array(pick(WORDS), { minLength: 1, maxLength: 2 }), { freq: 4 }))
  .map(([a, b]) => (b ? `${a.join(' ')}/${b.join(' ')}` : a.join(' ')));

const company = fc
  .tuple(words(1, 3), fc.option(fc.constantFrom(', Inc.', ', LLC', ', Berkeley', ' & Co'), { freq: 3 }))
  .map(([name, suffix]) => `${name}${suffix ?? ''}`);

const roleValues = (t: string): fc.Arbitrary<RoleValues> =>
  fc
    .record({
      yearly: fc.integer({ min: 9000, max: 250_000 }),
      growth: fc.integer({ min: -20, max: 30 }),
      jobs: fc.integer({ min: 90, max: 2_500_000 }),
      satisfaction: fc.option(fc.integer({ min: 0, max: 500 }).map((n) => n / 100), { freq: 3 }),
      degree: pick(DEGREES),
      degreePct: fc.integer({ min: 1, max: 99 }),
      age: fc.integer({ min: 20, max: 65 }),
      experience: fc.integer({ min: 1, max: 30 }),
      spread: fc.tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 40 })),
      city: fc.tuple(words(1, 2), pick(CODES)).map(([c, st]) => `${c}, ${st}`),
      state: pick(STATES),
      company,
      industry: pick(INDUSTRIES),
      major: pick(MAJORS),
      college: fc.option(words(2, 3).map((w) => `University of ${w}`), { freq: 2 }),
      male: fc.integer({ min: 0, max: 1000 }).map((n) => n / 10),
      race: fc.array(fc.integer({ min: 0, max: 700 }).map((n) => n / 10), { minLength: 6, maxLength: 6 }),
      lgbt: fc.integer({ min: 1, max: 20 }),
      dashes: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
    })
    .map((v) => {
      const low = Math.max(1000, Math.round((v.yearly * (1 - v.spread[0] / 100)) / 1000) * 1000);
      const high = Math.round((v.yearly * (1 + v.spread[1] / 100)) / 1000) * 1000;
      const female = Number((100 - v.male).toFixed(1));
      const dash = (i: number, text: string) => (v.dashes[i] && v.dashes.filter(Boolean).length === 1 ? '-' : text);
      const cells: Record<string, string> = {
        'Yearly salary': dollars(v.yearly),
        'Hourly rate': `$${(Math.round((v.yearly / 2080) * 100) / 100).toFixed(2)}`,
        'Growth rate': dash(0, `${v.growth}%`),
        'Number of jobs': dash(1, grouped(v.jobs)),
        'Job satisfaction': v.satisfaction === null ? '-' : decimal(v.satisfaction),
        'Most common degree': `${v.degree}, ${v.degreePct}%`,
        'Average age': dash(2, String(v.age)),
        'Years of experience': dash(3, String(v.experience)),
        'Average salary': dollars(v.yearly),
        'Salary range': `Between ${dollars(low)} And ${dollars(high)}`,
        'Highest paying City': dash(4, v.city),
        'Highest paying state': v.state,
        'Best paying company': dash(5, v.company),
        'Best paying industry': v.industry,
        'Most common major': v.major,
        'Most common college': v.college ?? '-',
        'Gender ratio': `Male, ${decimal(v.male)}% Female, ${decimal(female)}%`,
        'Race ratio': RACES.map((r, i) => `${r}, ${decimal(v.race[i]!)}%`).join(' '),
        'LGBT Percentage': `${v.lgbt}%`,
      };
      return { title: t, cells };
    });

export const pagePair: fc.Arbitrary<PagePair> = fc
  .tuple(title, title)
  .filter(([a, b]) => a.toLowerCase() !== b.toLowerCase())
  .chain(([a, b]) => fc.tuple(roleValues(a), roleValues(b)))
  .map((roles) => ({ roles }));

export const TABLES: string[][] = [
  ['Yearly salary', 'Hourly rate', 'Growth rate', 'Number of jobs', 'Job satisfaction', 'Most common degree', 'Average age', 'Years of experience'],
  ['Average salary', 'Salary range', 'Highest paying City', 'Highest paying state', 'Best paying company', 'Best paying industry'],
  ['Most common degree', 'Most common major', 'Most common college'],
  ['Average age', 'Gender ratio', 'Race ratio', 'LGBT Percentage'],
];

const sentenceCase = (t: string): string => t.toLowerCase().replace(/^./, (c) => c.toUpperCase());
const article = (t: string): string => (/^[aeiou]/i.test(t) ? 'an' : 'a');
const plural = (t: string): string => `${t.toLowerCase()}s`;

/** The flattened capture of the pair's comparison page ("Post job" layout), cells glued. */
export function renderFlatPage({ roles: [a, b] }: PagePair): string {
  const [la, lb] = [a.title.toLowerCase(), b.title.toLowerCase()];
  const [hi, lo] = Number(a.cells['Yearly salary']!.replace(/\D/g, '')) >= Number(b.cells['Yearly salary']!.replace(/\D/g, '')) ? [a, b] : [b, a];
  const header = `${a.title}${b.title}`;
  const table = (labels: string[]) => [header, ...labels.map((l) => `${l}${a.cells[l]}${b.cells[l]}`)].join('\n');
  return [
    'Post job',
    `${sentenceCase(la)} vs ${lb}`,
    `The differences between ${plural(la)} and ${plural(lb)} can be seen in a few details. Each job has different responsibilities and duties. Additionally, ${article(hi.title)} ${hi.title.toLowerCase()} has an average salary of ${hi.cells['Yearly salary']}, which is higher than the ${lo.cells['Yearly salary']} average annual salary of ${article(lo.title)} ${lo.title.toLowerCase()}.`,
    `${sentenceCase(la)} vs ${lb} overview`,
    table(TABLES[0]!),
    `What does ${article(la)} ${la} do?`,
    `A ${la} does the work of the role.`,
    `${sentenceCase(la)} vs ${lb} salary`,
    table(TABLES[1]!),
    `Differences between ${la} and ${lb} education`,
    table(TABLES[2]!),
    `${sentenceCase(la)} vs ${lb} demographics`,
    table(TABLES[3]!),
    `Common ${la} skills`,
    '  • Customer Service, 15%',
    '  • Show more',
  ].join('\n\n');
}
