import { Random } from './random.js';
import { article, plural, type RoleTruth } from './rolePool.js';

/**
 * A comparison page of two roles as the site serves it (HTML, table or grid layout, with the
 * served page's weight: inline state, scripts, icons, link lists) and as its two kinds of text
 * capture (tabular and flattened), following the seeds' templates.
 */
export type PageShape = 'html-table' | 'html-grid' | 'tabular' | 'flat';
export const PAGE_SHAPES: readonly PageShape[] = ['html-table', 'html-grid', 'tabular', 'flat'];

export function renderPage(shape: PageShape, a: RoleTruth, b: RoleTruth, random: Random): string {
  switch (shape) {
    case 'html-table':
    case 'html-grid':
      return servedHtml(a, b, shape === 'html-grid', random);
    case 'tabular':
      return tabularCapture(a, b);
    case 'flat':
      return flatCapture(a, b);
  }
}

export const fileExtension = (shape: PageShape): string => (shape.startsWith('html') ? 'html' : 'txt');

// ---- cells and prose shared by every shape

const grouped = (n: number): string => n.toLocaleString('en-US');
const dollars = (n: number): string => `$${grouped(n)}`;
const decimal = (n: number): string => String(Number(n.toFixed(2)));

/** The four tables' rows, in page order. */
const TABLES: string[][] = [
  ['Yearly salary', 'Hourly rate', 'Growth rate', 'Number of jobs', 'Job satisfaction', 'Most common degree', 'Average age', 'Years of experience'],
  ['Average salary', 'Salary range', 'Highest paying City', 'Highest paying state', 'Best paying company', 'Best paying industry'],
  ['Most common degree', 'Most common major', 'Most common college'],
  ['Average age', 'Gender ratio', 'Race ratio', 'LGBT Percentage'],
];

function cell(r: RoleTruth, label: string): string {
  switch (label) {
    case 'Yearly salary':
    case 'Average salary':
      return dollars(r.yearlySalary);
    case 'Hourly rate':
      return `$${r.hourlyRate.toFixed(2)}`;
    case 'Growth rate':
      return `${r.growthRate}%`;
    case 'Number of jobs':
      return grouped(r.numberOfJobs);
    case 'Job satisfaction':
      return r.jobSatisfaction === null ? '-' : decimal(r.jobSatisfaction);
    case 'Most common degree':
      return `${r.degree.name}, ${r.degree.pct}%`;
    case 'Average age':
      return String(r.averageAge);
    case 'Years of experience':
      return String(r.yearsOfExperience);
    case 'Salary range':
      return `Between ${dollars(r.salaryRange.min)} And ${dollars(r.salaryRange.max)}`;
    case 'Highest paying City':
      return r.highestPayingCity;
    case 'Highest paying state':
      return r.highestPayingState;
    case 'Best paying company':
      return r.bestPayingCompany;
    case 'Best paying industry':
      return r.bestPayingIndustry;
    case 'Most common major':
      return r.major;
    case 'Most common college':
      return r.college ?? '-';
    case 'Gender ratio':
      return `Male, ${decimal(r.gender.male)}% Female, ${decimal(r.gender.female)}%`;
    case 'Race ratio':
      return r.race.map((s) => `${s.group}, ${decimal(s.pct)}%`).join(' ');
    case 'LGBT Percentage':
      return `${r.lgbtPct}%`;
    default:
      throw new Error(`no cell for the row "${label}"`);
  }
}

const lower = (r: RoleTruth): string => r.title.toLowerCase();
const an = (r: RoleTruth): string => `${article(r.title)} ${lower(r)}`;
const sentenceCase = (t: string): string => t.replace(/^./, (c) => c.toUpperCase());

function intro(a: RoleTruth, b: RoleTruth): string {
  const [hi, lo] = a.yearlySalary >= b.yearlySalary ? [a, b] : [b, a];
  const time =
    a.timeToBecome === b.timeToBecome
      ? `It typically takes ${a.timeToBecome} to become both ${an(a)} and ${an(b)}.`
      : `While it typically takes ${a.timeToBecome} to become ${an(a)}, becoming ${an(b)} usually requires ${b.timeToBecome}.`;
  return (
    `The differences between ${plural(lower(a))} and ${plural(lower(b))} can be seen in a few details. ` +
    `Each job has different responsibilities and duties. ${time} Additionally, ${an(hi)} has an average salary of ` +
    `${dollars(hi.yearlySalary)}, which is higher than the ${dollars(lo.yearlySalary)} average annual salary of ${an(lo)}.`
  );
}

function topSkills(a: RoleTruth, b: RoleTruth): string {
  const [x, y, z] = a.topSkills;
  const [u, v, w] = b.topSkills;
  return `The top three skills for ${an(a)} include ${x}, ${y} and ${z}. The most important skills for ${an(b)} are ${u}, ${v}, and ${w}.`;
}

const tableLead = (a: RoleTruth, b: RoleTruth): string[] => [
  '',
  `${sentenceCase(plural(lower(a)))} and ${plural(lower(b))} have different pay scales, as shown below.`,
  `There are a few differences between ${an(a)} and ${an(b)} in terms of educational background:`,
  `Here are the differences between ${plural(lower(a))}' and ${plural(lower(b))}' demographics:`,
];

// ---- text captures

const NAV = ['Explore jobs', 'Find specific jobs', 'Explore careers', 'Explore professions', 'Best companies', 'Explore companies'];

/** The tabular capture (seeds 000–003): prose lines and pipe tables with the corner cell last. */
function tabularCapture(a: RoleTruth, b: RoleTruth): string {
  const lines = [...NAV, intro(a, b), topSkills(a, b)];
  const lead = tableLead(a, b);
  TABLES.forEach((labels, t) => {
    if (t > 0) lines.push(lead[t]!);
    lines.push(`| ${a.title} | ${b.title} | |`);
    for (const label of labels) lines.push(`| ${label} | ${cell(a, label)} | ${cell(b, label)} |`);
    if (t === 0) lines.push(a.description.text, b.description.text);
  });
  return `${lines.join('\n')}\n`;
}

/** The flattened capture (seed 004): headings and paragraphs, the cells of each row glued. */
function flatCapture(a: RoleTruth, b: RoleTruth): string {
  const title = `${sentenceCase(lower(a))} vs ${lower(b)}`;
  const table = (labels: string[]) => [`${a.title}${b.title}`, ...labels.map((l) => `${l}${cell(a, l)}${cell(b, l)}`)].join('\n');
  const list = (items: string[]) => [...items.map((i) => `  \u2022 ${i}`), '  \u2022 Show more'].join('\n');
  const lead = tableLead(a, b);
  return `${[
    'Post job',
    title,
    intro(a, b),
    topSkills(a, b),
    `${title} overview`,
    table(TABLES[0]!),
    `What does ${an(a)} do?`,
    a.description.text,
    `What does ${an(b)} do?`,
    b.description.text,
    `${title} salary`,
    lead[1],
    table(TABLES[1]!),
    `Differences between ${lower(a)} and ${lower(b)} education`,
    lead[2],
    table(TABLES[2]!),
    `${title} demographics`,
    lead[3],
    table(TABLES[3]!),
    `Differences between ${lower(a)} and ${lower(b)} duties and responsibilities`,
    `${sentenceCase(lower(a))} example responsibilities.\n\n${list(a.responsibilities)}`,
    `${sentenceCase(lower(b))} example responsibilities.\n\n${list(b.responsibilities)}`,
    `${title} skills`,
    `Common ${lower(a)} skills\n${a.skills.map((s) => `  \u2022 ${s.name}, ${s.pct}%`).join('\n')}`,
    `Common ${lower(b)} skills\n${b.skills.map((s) => `  \u2022 ${s.name}, ${s.pct}%`).join('\n')}`,
    'Browse office and administrative jobs',
  ].join('\n\n')}\n`;
}

// ---- served HTML

/** Escapes as the site's server does, with numeric references for apostrophes and dollars. */
const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&#x27;').replace(/\$/g, '&#36;');
const slug = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

const ICON_PATHS = [
  'M12 2C6.48 2 2 6.48 2 12s4.48 10 10 10 10-4.48 10-10S17.52 2 12 2zm0 18c-4.41 0-8-3.59-8-8s3.59-8 8-8 8 3.59 8 8-3.59 8-8 8z',
  'M19 3H5c-1.1 0-2 .9-2 2v14c0 1.1.9 2 2 2h14c1.1 0 2-.9 2-2V5c0-1.1-.9-2-2-2zm-5 14H7v-2h7v2zm3-4H7v-2h10v2zm0-4H7V7h10v2z',
  'M16 11c1.66 0 2.99-1.34 2.99-3S17.66 5 16 5c-1.66 0-3 1.34-3 3s1.34 3 3 3zm-8 0c1.66 0 2.99-1.34 2.99-3S9.66 5 8 5C6.34 5 5 6.34 5 8s1.34 3 3 3z',
];
const icon = (random: Random): string =>
  `<svg class="icon" xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor" d="${random.pick(ICON_PATHS)}"/></svg>`;

const LINK_WORDS = ['Accountant', 'Cashier', 'Nurse', 'Driver', 'Teacher', 'Engineer', 'Analyst', 'Manager', 'Clerk', 'Technician', 'Designer', 'Developer', 'Planner', 'Assistant', 'Recruiter'];
const linkTitle = (random: Random): string => `${random.pick(LINK_WORDS)} ${random.pick(LINK_WORDS)}`;

function linkList(count: number, random: Random, withIcons: boolean): string {
  const items: string[] = [];
  for (let i = 0; i < count; i++) {
    const x = linkTitle(random);
    const y = linkTitle(random);
    items.push(`<li class="link-list__item"><a class="link-list__link" href="/${slug(x)}-jobs/${slug(x)}-vs-${slug(y)}/" title="${esc(x)} vs ${esc(y)}">${withIcons ? icon(random) : ''}<span>${esc(x)} vs ${esc(y)}</span></a></li>`);
  }
  return `<ul class="link-list">\n${items.join('\n')}\n</ul>`;
}

/** The inline state a served page carries for its scripts: the roles again, and a lot more. */
function stateJson(a: RoleTruth, b: RoleTruth, random: Random): string {
  const related = Array.from({ length: random.int(150, 450) }, () => ({
    id: random.int(1, 9_999_999),
    title: `${linkTitle(random)} vs ${linkTitle(random)}`,
    salary: random.int(20_000, 200_000),
    url: `/${slug(linkTitle(random))}-jobs/`,
    tags: ['career', 'comparison', random.pick(LINK_WORDS).toLowerCase()],
  }));
  const state = { props: { pageProps: { comparison: { left: a, right: b }, related, experiments: { ads: true, layout: random.int(1, 9) } } }, page: '/[slug]/[pair]' };
  // `<` escaped as the site's framework does, so the JSON never closes its script early.
  return JSON.stringify(state).replace(/</g, '\\u003c');
}

function tableMarkup(rows: string[][], caption: string, random: Random): string {
  const [head, ...body] = rows;
  const style = random.pick(['thead', 'rowHeaders', 'titled']);
  const titles = head!.slice(1).map((t) => `<a href="/${slug(t)}-jobs/">${esc(t)}</a>`);
  const out = ['<div class="table-responsive">', '<table class="comparison-table">'];
  if (style === 'thead') out.push(`<thead><tr><th></th><th>${titles[0]}</th><th>${titles[1]}</th></tr></thead><tbody>`);
  else if (style === 'rowHeaders') out.push(`<tbody><tr><td class="corner">&nbsp;</td><th scope="col">${titles[0]}</th><th scope="col">${titles[1]}</th></tr>`);
  else out.push(`<thead><tr><th colspan="3" class="table-title">${esc(caption)}</th></tr><tr><th class="corner"></th><th>${titles[0]}</th><th>${titles[1]}</th></tr></thead><tbody>`);
  for (const [label, x, y] of body) {
    const labelCell = style === 'rowHeaders' ? `<th scope="row">${esc(label!)}</th>` : `<td>${esc(label!)}</td>`;
    out.push(`<tr>\n  ${labelCell}\n  <td>${cellMarkup(label!, x!, false)}</td>\n  <td>${cellMarkup(label!, y!, false)}</td>\n</tr>`);
  }
  out.push('</tbody>', '</table>', '</div>');
  return out.join('\n');
}

function gridMarkup(rows: string[][], random: Random): string {
  const [head, ...body] = rows;
  if (random.chance(0.5)) {
    const row = (cells: string[], cls: string) => `<div class="${cls}">\n${cells.map((c) => `  <div class="compare-cell">${c}</div>`).join('\n')}\n</div>`;
    return [
      '<div class="compare-grid" style="display:grid">',
      row(['', ...head!.slice(1).map((t) => `<a href="/${slug(t)}-jobs/"><span>${esc(t)}</span></a>`)], 'compare-row compare-row--head'),
      ...body.map(([l, x, y]) => row([`<span class="label">${esc(l!)}</span>`, cellMarkup(l!, x!, true), cellMarkup(l!, y!, true)], 'compare-row')),
      '</div>',
    ].join('\n');
  }
  // Renamed classes and custom elements, as a later build of the site serves.
  const row = (cells: string[]) => `<jc-row class="x7Hq2">\n${cells.map((c) => `  <div class="x7Hq2__c">${c}</div>`).join('\n')}\n</jc-row>`;
  return [
    '<jc-compare class="kP0w">',
    `<div class="kP0w__head">\n${row(['', ...head!.slice(1).map((t) => `<h3 class="t">${esc(t)}</h3>`)])}\n</div>`,
    `<div class="kP0w__body">\n${body.map(([l, x, y]) => row([esc(l!), cellMarkup(l!, x!, true), cellMarkup(l!, y!, true)])).join('\n')}\n</div>`,
    '</jc-compare>',
  ].join('\n');
}

/** A value cell: shares on lines of their own, amounts in spans. */
function cellMarkup(label: string, value: string, grid: boolean): string {
  const shares = value.match(/[^%]+%/g);
  if (/ratio$/i.test(label) && shares && shares.join('') === value) {
    const parts = shares.map((s) => s.trim());
    return grid ? parts.map((s) => `<div class="share">${esc(s)}</div>`).join('') : parts.map((s) => `<span class="share">${esc(s)}</span>`).join('<br>\n');
  }
  const range = /^Between (\$[\d,]+) And (\$[\d,]+)$/.exec(value);
  if (range) return `Between&nbsp;<span class="amount">${esc(range[1]!)}</span> And <span class="amount">${esc(range[2]!)}</span>`;
  if (/^[$\d-]/.test(value)) return `<span class="value">${esc(value)}</span>`;
  return esc(value);
}

const TABLE_TITLES = ['Overview', 'Salary', 'Education', 'Demographics'];

function articleHtml(a: RoleTruth, b: RoleTruth, grid: boolean, random: Random): string {
  const title = `${sentenceCase(lower(a))} vs ${lower(b)}`;
  const lead = tableLead(a, b);
  const tables = TABLES.map((labels, t) => {
    const rows = [['', a.title, b.title], ...labels.map((l) => [l, cell(a, l), cell(b, l)])];
    return grid ? gridMarkup(rows, random) : tableMarkup(rows, TABLE_TITLES[t]!, random);
  });
  const h2 = (text: string) => `<h2>${icon(random)}${esc(text)}</h2>`;
  const list = (items: string[]) => `<ul class="responsibilities">\n${items.map((i) => `<li>${esc(i)}</li>`).join('\n')}\n<li class="show-more"><button type="button">Show more</button></li>\n</ul>`;
  const skills = (r: RoleTruth) => `<ul class="skills">\n${r.skills.map((s) => `<li><span class="skill">${esc(s.name)}</span>, ${s.pct}%</li>`).join('\n')}\n</ul>`;
  const ad = (n: number) => `<div class="ad-slot ad-slot--inline" id="div-gpt-ad-${n}" data-ad-slot="/2178/careers/inline_${n}"><span class="ad-label">Advertisement</span></div>`;
  return [
    `<h1>${esc(title)}</h1>`,
    `<p>${esc(intro(a, b))}</p>`,
    `<p>${esc(topSkills(a, b))}</p>`,
    h2(`${title} overview`),
    tables[0],
    ad(1),
    `<h3>What does ${esc(an(a))} do?</h3>`,
    `<p>${a.description.html}</p>`,
    `<h3>What does ${esc(an(b))} do?</h3>`,
    `<p>${b.description.html}</p>`,
    h2(`${title} salary`),
    `<p>${esc(lead[1]!)}</p>`,
    tables[1],
    h2(`Differences between ${lower(a)} and ${lower(b)} education`),
    `<p>${esc(lead[2]!)}</p>`,
    tables[2],
    ad(2),
    h2(`${title} demographics`),
    `<p>${esc(lead[3]!)}</p>`,
    tables[3],
    h2(`Differences between ${lower(a)} and ${lower(b)} duties and responsibilities`),
    `<h3>${esc(sentenceCase(lower(a)))} example responsibilities.</h3>`,
    list(a.responsibilities),
    `<h3>${esc(sentenceCase(lower(b)))} example responsibilities.</h3>`,
    list(b.responsibilities),
    h2(`${title} skills`),
    `<h3>Common ${esc(lower(a))} skills</h3>`,
    skills(a),
    `<h3>Common ${esc(lower(b))} skills</h3>`,
    skills(b),
    `<p class="browse"><a href="/office-and-administrative-jobs/">Browse office and administrative jobs</a></p>`,
  ].join('\n');
}

function servedHtml(a: RoleTruth, b: RoleTruth, grid: boolean, random: Random): string {
  const title = `${a.title} vs ${b.title}`;
  const url = `https://www.zippia.com/${slug(a.title)}-jobs/${slug(a.title)}-vs-${slug(b.title)}/`;
  const css = Array.from({ length: 120 }, (_, i) => `.c${i}{margin:${i % 7}px;padding:${i % 5}px ${i % 3}px;color:#${(i * 4099).toString(16).padStart(6, '0').slice(0, 6)}}`).join('');
  const menu = Array.from({ length: 6 }, (_, i) => `<li class="menu__group"><button type="button">${icon(random)}Group ${i + 1}</button>${linkList(random.int(15, 40), random, true)}</li>`).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}: What Are The Differences? | Zippia</title>
<meta name="description" content="${esc(title)} differences &amp; similarities: salary, skills and demographics.">
<link rel="canonical" href="${url}">
<meta property="og:url" content="${url}">
<link rel="preload" href="/static/fonts/inter.woff2" as="font" crossorigin>
<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@type': 'Article', headline: title, mainEntityOfPage: url })}</script>
<style>${css}</style>
<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag('js',new Date());gtag('config','G-XXXX');var rowTemplate="<table><tr><td>Yearly salary</td><td>$0</td></tr></table>";</script>
</head>
<body class="comparison-page">
<noscript><img src="https://www.facebook.com/tr?id=1&amp;ev=PageView&amp;noscript=1" alt=""></noscript>
<header class="site-header"><a class="logo" href="/">${icon(random)}Zippia</a><a class="btn" href="/post-job/">Post job</a></header>
<nav class="main-nav" aria-label="Main"><ul class="menu">
${menu}
</ul></nav>
<div id="onetrust-consent-sdk" class="cookie-banner"><p>We use cookies to improve your experience &amp; to show you relevant ads. <a href="/privacy/">Privacy policy</a></p><button type="button">Accept all cookies</button></div>
<div class="ad-slot ad-slot--leaderboard" data-ad-slot="/2178/careers/top"><span class="ad-label">Advertisement</span></div>
<main id="content">
<article class="comparison">
${articleHtml(a, b, grid, random)}
</article>
<aside class="related"><h2>Related comparisons</h2>
${linkList(random.int(60, 160), random, false)}
</aside>
</main>
<footer class="site-footer">
${linkList(random.int(60, 160), random, false)}
<p>&copy; 2024 Zippia, Inc. &middot; <a href="/terms/">Terms &amp; Conditions</a></p>
</footer>
<script id="__NEXT_DATA__" type="application/json">${stateJson(a, b, random)}</script>
<script src="/static/js/app.min.js" defer></script>
<script>document.querySelectorAll('.show-more button').forEach(function (b) { b.onclick = function () { return '<li>' + b.textContent + '</li>'; }; });</script>
</body>
</html>
`;
}
