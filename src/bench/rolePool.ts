import { roleKey } from '../schema/roleKey.js';
import { Random } from './random.js';

/**
 * The benchmark's model of the site's roles: a pool of distinct titles, each with one set of
 * values that every page showing the role repeats (as the site does), so that everything stored
 * can be checked against it.
 */
export interface RoleTruth {
  title: string;
  key: string;
  yearlySalary: number;
  hourlyRate: number;
  growthRate: number;
  numberOfJobs: number;
  jobSatisfaction: number | null;
  degree: { name: string; pct: number };
  averageAge: number;
  yearsOfExperience: number;
  timeToBecome: string;
  /** The description's sentences; `html` is how a served page marks them up. */
  description: { text: string; html: string };
  salaryRange: { min: number; max: number };
  highestPayingCity: string;
  highestPayingState: string;
  bestPayingCompany: string;
  bestPayingIndustry: string;
  major: string;
  college: string | null;
  gender: { male: number; female: number };
  race: Array<{ group: string; pct: number }>;
  lgbtPct: number;
  skills: Array<{ name: string; pct: number }>;
  topSkills: string[];
  responsibilities: string[];
}

const SENIORITY = ['', '', '', '', 'Senior', 'Junior', 'Lead', 'Assistant', 'Chief', 'Staff', 'Regional', 'Principal'];
const DOMAINS = [
  'Collections', 'Accounts Payable', 'Billing', 'Credit', 'Payroll', 'Marketing', 'Sales', 'Software', 'Network', 'Clinical',
  'Nursing', 'Warehouse', 'Logistics', 'Retail', 'Store', 'Customer Service', 'Human Resources', 'Tax', 'Audit', 'Insurance',
  'Claims', 'Quality', 'Maintenance', 'Security', 'Research', 'Laboratory', 'Pharmacy', 'Legal', 'Property', 'Construction',
  'Mechanical', 'Electrical', 'Data', 'Product', 'Operations', 'Procurement', 'Inventory', 'Food Service', 'Medical Records',
  'Training', 'Collections/Accounts Receivable', 'IT', 'Mortgage', 'Loan', 'Benefits',
];
const NOUNS = [
  'Specialist', 'Coordinator', 'Representative', 'Analyst', 'Manager', 'Clerk', 'Associate', 'Assistant', 'Technician',
  'Supervisor', 'Officer', 'Administrator', 'Consultant', 'Engineer', 'Director', 'Agent', 'Advisor', 'Auditor', 'Planner',
  'Secretary',
];
const DEGREES = ["Bachelor's Degree", 'High School Diploma', "Associate's Degree", "Master's Degree", 'Certificate', 'Doctoral Degree'];
const MAJORS = ['Business', 'Nursing', 'Accounting', 'Criminal Justice', 'Psychology', 'Computer Science', 'General Studies', 'Finance', 'Marketing', 'Biology'];
const INDUSTRIES = ['Finance', 'Professional', 'Health Care', 'Real Estate', 'Non Profits', 'Manufacturing', 'Retail', 'Technology', 'Media', 'Transportation', 'Government', 'Education', 'Energy', 'Insurance', 'Hospitality'];
const CITIES = ['New York, NY', 'San Ramon, CA', 'Washington, DC', 'Boston, MA', 'Seattle, WA', 'Fort Worth, TX', 'Chicago, IL', 'Hartford, CT', 'Newark, NJ', 'Richmond, VA', 'San Francisco, CA', 'Denver, CO'];
const STATES = ['California', 'Connecticut', 'New York', 'Texas', 'Virginia', 'West Virginia', 'New Jersey', 'Massachusetts', 'Washington', 'District of Columbia', 'North Carolina', 'Alaska'];
const COMPANIES = ['University of California, Berkeley', 'Microsoft', 'Wells Fargo', 'Kaiser Permanente', 'Bank of America', 'Apple', 'General Motors', 'IBM', 'Johnson & Johnson', 'Delta Air Lines', 'Acme Health Partners', 'AT&T'];
const COLLEGES = ['University of Pennsylvania', 'Boston University', 'University of Southern California', 'Arizona State University', 'Georgia State University'];
const RACES = ['Black or African American', 'Unknown', 'Hispanic or Latino', 'Asian', 'White', 'American Indian and Alaska Native'];
const TIMES = ['3-6 months', '6-12 months', '1-2 years', '2-4 years', '4-6 years', '6-8 years'];
const SKILLS = [
  'Customer Service', 'Patients', 'Phone Calls', 'Payment Arrangements', 'Delinquent Accounts', 'Account Management', 'Data Entry',
  'Past Due Accounts', 'Debt Repayment', 'Appeals', 'Collection Efforts', 'Portfolio', 'Excel', 'Spreadsheets', 'Scheduling',
  'Inventory Control', 'Quality Assurance', 'Project Management', 'Budgeting', 'Compliance', 'Purchase Orders', 'Payroll',
  'Vendor Relations', 'Sales Goals', 'Troubleshooting', 'Java', 'SQL', 'Patient Care', 'CPR', 'Logistics', 'Forklift',
  'Customer Accounts', 'Financial Statements', 'General Ledger', 'Reconciliations', 'Medicaid', 'Medicare', 'Safety Procedures',
];
const DUTIES = [
  'Protect company assets by managing a portfolio of accounts to reduce losses',
  'Maintain effective communication with internal and external customers',
  'Submit all reconsideration requests and appeals when needed',
  'Conduct periodic data cleaning of queues and balances',
  'Resolve declined credit card and ACH transactions',
  'Collect and count inventories and reconcile purchases',
  'Plan and conduct collection operations with an emphasis on accuracy',
  'Manage accounts receivable, insurance billing and follow-up for a clinic',
  'Audit outstanding accounts and resolve any balances',
  'Perform daily follow-up on commercial insurance claims',
  'Prepare monthly reports for senior management',
  'Train new employees on procedures and software',
  'Negotiate payment plans with customers who fall behind',
  'Process payments and post them to the right accounts',
  'Answer customer questions by phone and email',
  'Review contracts for compliance with company policy',
  'Schedule appointments and coordinate calendars for the team',
  'Monitor inventory levels and place purchase orders',
  'Analyze data to find trends and report on them',
  'Install, configure and troubleshoot equipment on site',
  'Develop budgets and track spending against them',
  'Coordinate shipments with carriers and vendors',
  'Lead weekly meetings to review open issues',
  'Keep accurate records of all transactions',
];
/** What a role does, as said of one of them and of all of them. */
const DOES: Array<[string, string]> = [
  ['is in charge of developing strategies to optimize daily operations', 'are in charge of developing strategies to optimize daily operations'],
  ['reaches out to clients through calls or correspondence', 'reach out to clients through calls or correspondence'],
  ['works with a team to plan, track and report on the work', 'work with a team to plan, track and report on the work'],
  ['keeps records accurate and up to date', 'keep records accurate and up to date'],
  ['makes sure that policies and regulations are followed', 'make sure that policies and regulations are followed'],
  ['handles complaints and resolves issues with customers', 'handle complaints and resolve issues with customers'],
];

export const plural = (title: string): string => {
  if (/[^aeiou]y$/i.test(title)) return `${title.slice(0, -1)}ies`;
  if (/(?:s|sh|ch|x)$/i.test(title)) return `${title}es`;
  return `${title}s`;
};
export const article = (title: string): string => (/^[aeiou]/i.test(title) ? 'an' : 'a');

const tenth = (n: number): number => Math.round(n * 10) / 10;

/** Distinct titles for the pool, drawn from the site's kinds of names. */
function titles(count: number, random: Random): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  const limit = SENIORITY.length * DOMAINS.length * NOUNS.length;
  for (let tries = 0; out.length < count && tries < limit * 20; tries++) {
    const words = [random.pick(SENIORITY), random.pick(DOMAINS), random.pick(NOUNS)].filter(Boolean);
    if (new Set(words).size < words.length) continue;
    const title = words.join(' ');
    if (seen.has(roleKey(title))) continue;
    seen.add(roleKey(title));
    out.push(title);
  }
  if (out.length < count) throw new Error(`the title model has only ${out.length} distinct titles; ask for fewer roles`);
  return out;
}

export function rolePool(count: number, seed: number): RoleTruth[] {
  const random = new Random(seed);
  return titles(count, random).map((title) => role(title, random));
}

function role(title: string, random: Random): RoleTruth {
  const yearlySalary = random.int(24_000, 180_000);
  const male = tenth(random.int(50, 950) / 10);
  const raceRaw = RACES.map(() => random.int(5, 600));
  const raceSum = raceRaw.reduce((a, b) => a + b, 0);
  const skills = random.sample(SKILLS, 6);
  const pcts = skills.map(() => random.int(2, 20)).sort((a, b) => b - a);
  const lower = title.toLowerCase();
  const sentences = random.sample(DOES, 3);
  const text =
    `${article(lower).replace(/^a/, 'A')} ${lower} ${sentences[0]![0]}. ` +
    `${plural(title)} ${sentences[1]![1]}, working with the ${random.pick(DOMAINS).toLowerCase()} team. ` +
    `Most of them also ${sentences[2]![1]}.`;
  const html = text
    .replace(`${plural(title)} `, `<strong>${plural(title)}</strong> `)
    .replace(/the ([a-z/ ]+) team/, '<a href="/$1-jobs/">the $1 team</a>')
    .replace('Most of them', '<em>Most</em> of them');
  return {
    title,
    key: roleKey(title),
    yearlySalary,
    hourlyRate: Math.round((yearlySalary / 2080) * 100) / 100,
    growthRate: random.int(-12, 15),
    numberOfJobs: random.int(900, 600_000),
    jobSatisfaction: random.chance(0.7) ? null : random.int(20, 49) / 10,
    degree: { name: random.pick(DEGREES), pct: random.int(20, 80) },
    averageAge: random.int(28, 52),
    yearsOfExperience: random.int(1, 15),
    timeToBecome: random.pick(TIMES),
    description: { text, html },
    salaryRange: {
      min: Math.round((yearlySalary * 0.7) / 1000) * 1000,
      max: Math.round((yearlySalary * 1.35) / 1000) * 1000,
    },
    highestPayingCity: random.pick(CITIES),
    highestPayingState: random.pick(STATES),
    bestPayingCompany: random.pick(COMPANIES),
    bestPayingIndustry: random.pick(INDUSTRIES),
    major: random.pick(MAJORS),
    college: random.chance(0.6) ? null : random.pick(COLLEGES),
    gender: { male, female: tenth(100 - male) },
    race: RACES.map((group, i) => ({ group, pct: tenth((raceRaw[i]! / raceSum) * 100) })),
    lgbtPct: random.int(3, 15),
    skills: skills.map((name, i) => ({ name, pct: pcts[i]! })),
    topSkills: skills.slice(0, 3).map((s) => s.toLowerCase()),
    responsibilities: random.sample(DUTIES, 6).map((d) => `${d}.`),
  };
}
