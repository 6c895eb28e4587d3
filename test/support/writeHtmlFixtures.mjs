#!/usr/bin/env node
// Writes the HTML fixtures: each seed capture of /work/shared/seeds (or the folder given as the
// first argument) served again as a full HTML page carrying exactly the seed's content, in the
// markup the site uses for one of its two layouts, with the noise a served page has around the
// article (head metadata, JSON-LD, scripts, navigation, cookie banner, ads, footer). The pages
// written for the project rather than saved from the site (a page without an overview table)
// are read from the repository's fixtures/ the same way.
//
//   node test/support/writeHtmlFixtures.mjs [seedDir] [outDir]
//
// Every cell value of a flattened capture is split by hand below and checked against the glued
// text, so a fixture can never carry a value its capture does not.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const seedDir = process.argv[2] ?? '/work/shared/seeds';
const outDir = process.argv[3] ?? 'fixtures';
const fixturesDir = fileURLToPath(new URL('../../fixtures/', import.meta.url));

const PAGES = [
  { seed: '000_61d26842a8aa7f89', out: '005_61d26842a8aa7f89_table.html', style: 'thead' },
  { seed: '001_47a54ea3bd2ce3cc', out: '006_47a54ea3bd2ce3cc_table.html', style: 'rowHeaders' },
  { seed: '002_c0781b1da5386105', out: '007_c0781b1da5386105_grid.html', style: 'gridRows' },
  { seed: '003_83570a534fe137c2', out: '008_83570a534fe137c2_table.html', style: 'titled' },
  { seed: '004_53ee470b7ca18917', out: '009_53ee470b7ca18917_grid.html', style: 'gridGroups' },
  { fixture: '010_no-overview', out: '012_no-overview_table.html', style: 'thead' },
  { fixture: '011_no-overview_flat', out: '013_no-overview_grid.html', style: 'gridGroups' },
];

const NAV = ['Explore jobs', 'Find specific jobs', 'Explore careers', 'Explore professions', 'Best companies', 'Explore companies'];

// ---- page models: { title, blocks: [{ h, level } | { p } | { table: [[label, a, b]] } | { list, more }] }

function tabularModel(text) {
  const blocks = [];
  let table = null;
  for (const line of text.split('\n')) {
    if (line.trim() === '' || NAV.includes(line.trim())) continue;
    if (line.startsWith('|')) {
      const cells = line.split('|').slice(1, -1).map((c) => c.trim());
      // The capture shifts the header's empty corner to the end; the page has it first.
      const row = table === null ? ['', ...cells.slice(0, -1)] : cells;
      if (table === null) blocks.push((table = { table: [] }));
      table.table.push(row);
      continue;
    }
    table = null;
    blocks.push({ p: line.trim() });
  }
  return { title: null, blocks };
}

/** The flattened seed's glued rows, split by hand: label → [left, right]. */
const SEED_004_SPLITS = {
  'Yearly salary': ['$34,015', '$37,938'],
  'Hourly rate': ['$16.35', '$18.24'],
  'Growth rate': ['-8%', '-8%'],
  'Number of jobs': ['85,275', '40,113'],
  'Job satisfaction': ['-', '-'],
  'Most common degree': ['High School Diploma, 33%', "Bachelor's Degree, 48%"],
  'Average age': ['46', '46'],
  'Years of experience': ['12', '12'],
  'Average salary': ['$34,015', '$37,938'],
  'Salary range': ['Between $26,000 And $42,000', 'Between $30,000 And $47,000'],
  'Highest paying City': ['San Ramon, CA', 'New York, NY'],
  'Highest paying state': ['California', 'Connecticut'],
  'Best paying company': ['University of California, Berkeley', 'University of California, Berkeley'],
  'Best paying industry': ['Finance', 'Professional'],
  'Most common major': ['Business', 'Business'],
  'Most common college': ['-', '-'],
  'Gender ratio': ['Male, 30.6% Female, 69.4%', 'Male, 26.6% Female, 73.4%'],
  'Race ratio': [
    'Black or African American, 12.2% Unknown, 3.9% Hispanic or Latino, 18.9% Asian, 3.4% White, 61.1% American Indian and Alaska Native, 0.5%',
    'Black or African American, 12.1% Unknown, 4.1% Hispanic or Latino, 20.8% Asian, 3.6% White, 59.0% American Indian and Alaska Native, 0.5%',
  ],
  'LGBT Percentage': ['8%', '8%'],
};

/** The flattened page without an overview table, split by hand likewise. */
const NO_OVERVIEW_SPLITS = {
  'Average salary': ['$41,260', '$56,930'],
  'Salary range': ['Between $29,000 And $58,000', 'Between $38,000 And $79,000'],
  'Highest paying City': ['Portland, OR', 'Denver, CO'],
  'Highest paying state': ['Oregon', 'Colorado'],
  'Best paying company': ['Cedar Ridge Services', 'Evergreen Utilities'],
  'Best paying industry': ['Utilities', 'Government'],
  'Most common degree': ['High School Diploma, 52%', "Bachelor's Degree, 44%"],
  'Most common major': ['Business', 'Forestry'],
  'Most common college': ['-', 'Oregon State University'],
  'Average age': ['39', '44'],
  'Gender ratio': ['Male, 91.5% Female, 8.5%', 'Male, 84.2% Female, 15.8%'],
  'Race ratio': [
    'White, 68.3% Hispanic or Latino, 19.4% Black or African American, 6.1% Unknown, 3.7% Asian, 2.0% American Indian and Alaska Native, 0.5%',
    'White, 74.6% Hispanic or Latino, 12.8% Unknown, 5.2% Black or African American, 4.3% Asian, 2.6% American Indian and Alaska Native, 0.5%',
  ],
  'LGBT Percentage': ['6%', '9%'],
};

/** Each flattened capture's two titles (its glued header) and hand splits. */
const FLAT_PAGES = {
  '004_53ee470b7ca18917': { titles: ['Collections Representative', 'Collections Coordinator'], splits: SEED_004_SPLITS },
  '011_no-overview_flat': { titles: ['Tree Trimmer', 'Arborist'], splits: NO_OVERVIEW_SPLITS },
};

function flatModel(text, { titles: FLAT_TITLES, splits: FLAT_SPLITS }) {
  const lines = text.split('\n');
  const blocks = [];
  let title = null;
  let list = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '' || line === 'Post job') continue;
    if (line === FLAT_TITLES.join('')) {
      const table = [['', ...FLAT_TITLES]];
      for (i++; i < lines.length && lines[i].trim() !== ''; i++) {
        const row = lines[i].trim();
        const label = Object.keys(FLAT_SPLITS).find((l) => row.startsWith(l));
        const [a, b] = FLAT_SPLITS[label] ?? [];
        if (!label || `${label}${a}${b}` !== row) throw new Error(`no hand split for the flattened row "${row}"`);
        table.push([label, a, b]);
      }
      blocks.push({ table });
      list = null;
      continue;
    }
    if (lines[i].startsWith('  •')) {
      const item = line.replace(/^•\s*/, '');
      if (!list) blocks.push((list = { list: [], more: false }));
      if (item === 'Show more') list.more = true;
      else list.list.push(item);
      continue;
    }
    list = null;
    if (title === null) {
      title = line;
      blocks.push({ h: line, level: 1 });
    } else if (/^(what does .* do\?|.* example responsibilities\.|common .* skills)$/i.test(line)) {
      blocks.push({ h: line, level: 3 });
    } else if (line.startsWith('Browse ')) {
      blocks.push({ link: line });
    } else if (!/[.:]$/.test(line)) {
      blocks.push({ h: line, level: 2 });
    } else {
      blocks.push({ p: line });
    }
  }
  return { title, blocks };
}

// ---- markup

/** Escapes as the site's server does, with numeric references for apostrophes and dollars. */
const esc = (s) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&#x27;').replace(/\$/g, '&#36;');

/** The markup of one value cell: shares on lines of their own, amounts in spans. */
function cellHtml(label, value, grid) {
  const shares = value.match(/[^%]+%/g);
  if (/ratio$/i.test(label) && shares && shares.join('') === value) {
    const parts = shares.map((s) => s.trim());
    return grid
      ? parts.map((s) => `<div class="share">${esc(s)}</div>`).join('')
      : parts.map((s) => `<span class="share">${esc(s)}</span>`).join('<br>\n              ');
  }
  const range = /^Between (\$[\d,]+) And (\$[\d,]+)$/.exec(value);
  if (range) return `Between&nbsp;<span class="amount">${esc(range[1])}</span> And <span class="amount">${esc(range[2])}</span>`;
  if (/^[$\d-]/.test(value)) return `<span class="value">${esc(value)}</span>`;
  return esc(value);
}

const slug = (s) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

function tableHtml(rows, style, caption) {
  const [head, ...body] = rows;
  const titles = head.slice(1).map((t) => `<a href="/${slug(t)}-jobs/">${esc(t)}</a>`);
  const out = ['<div class="table-responsive">', '  <table class="comparison-table">'];
  if (style === 'thead') {
    out.push('    <thead>', `      <tr><th></th><th>${titles[0]}</th><th>${titles[1]}</th></tr>`, '    </thead>', '    <tbody>');
  } else if (style === 'rowHeaders') {
    out.push('    <tbody>', `      <tr><td class="corner">&nbsp;</td><th scope="col">${titles[0]}</th><th scope="col">${titles[1]}</th></tr>`);
  } else {
    // A title row spanning the table over the header row.
    out.push(
      '    <thead>',
      `      <tr><th colspan="3" class="table-title">${esc(caption)}</th></tr>`,
      `      <tr><th class="corner"></th><th>${titles[0]}</th><th>${titles[1]}</th></tr>`,
      '    </thead>',
      '    <tbody>',
    );
  }
  for (const [label, a, b] of body) {
    const labelCell =
      style === 'rowHeaders' ? `<th scope="row">${esc(label)}</th>` : style === 'titled' ? `<td><strong>${esc(label)}</strong></td>` : `<td>${esc(label)}</td>`;
    out.push(`      <tr>\n        ${labelCell}\n        <td>${cellHtml(label, a, false)}</td>\n        <td>${cellHtml(label, b, false)}</td>\n      </tr>`);
  }
  out.push('    </tbody>', '  </table>', '</div>');
  return out.join('\n');
}

function gridHtml(rows, style) {
  const [head, ...body] = rows;
  if (style === 'gridRows') {
    const row = (cells, cls) => `  <div class="${cls}">\n${cells.map((c) => `    <div class="compare-cell">${c}</div>`).join('\n')}\n  </div>`;
    return [
      '<div class="compare-grid" style="display:grid">',
      row(['', ...head.slice(1).map((t) => `<a href="/${slug(t)}-jobs/"><span>${esc(t)}</span></a>`)], 'compare-row compare-row--head'),
      ...body.map(([l, a, b]) => row([`<span class="label">${esc(l)}</span>`, cellHtml(l, a, true), cellHtml(l, b, true)], 'compare-row')),
      '</div>',
    ].join('\n');
  }
  // Renamed classes, custom elements and header/body groups, as a later build of the site serves.
  const row = (cells) => `    <jc-row class="x7Hq2">\n${cells.map((c) => `      <div class="x7Hq2__c">${c}</div>`).join('\n')}\n    </jc-row>`;
  return [
    '<jc-compare class="kP0w">',
    `  <div class="kP0w__head">\n${row(['', ...head.slice(1).map((t) => `<h3 class="t">${esc(t)}</h3>`)])}\n  </div>`,
    `  <div class="kP0w__body">\n${body.map(([l, a, b]) => row([esc(l), cellHtml(l, a, true), cellHtml(l, b, true)])).join('\n')}\n  </div>`,
    '</jc-compare>',
  ].join('\n');
}

/** The site's short titles over its four comparison tables, in page order. */
const TABLE_TITLES = ['Overview', 'Salary', 'Education', 'Demographics'];

function adSlot(n) {
  return `<div class="ad-slot ad-slot--inline" id="div-gpt-ad-${n}" data-ad-slot="/2178/careers/inline_${n}"><span class="ad-label">Advertisement</span></div>`;
}

function articleHtml(model, style) {
  const grid = style.startsWith('grid');
  const out = [];
  let tables = 0;
  for (const b of model.blocks) {
    if (b.h !== undefined) {
      const icon = b.level === 2 ? '<svg class="icon" viewBox="0 0 8 8"><title>section</title><path d="M0 0h8v8z"/></svg>' : '';
      out.push(`<h${b.level}>${icon}${esc(b.h)}</h${b.level}>`);
    } else if (b.p !== undefined) {
      out.push(`<p>${esc(b.p)}</p>`);
    } else if (b.link !== undefined) {
      out.push(`<p class="browse"><a href="/office-and-administrative-jobs/">${esc(b.link)}</a></p>`);
    } else if (b.list !== undefined) {
      const items = b.list.map((t) => `  <li>${esc(t)}</li>`);
      if (b.more) items.push('  <li class="show-more"><button type="button">Show more</button></li>');
      out.push(`<ul>\n${items.join('\n')}\n</ul>`);
    } else {
      out.push(grid ? gridHtml(b.table, style) : tableHtml(b.table, style, TABLE_TITLES[tables]));
      if (++tables === 1) out.push(adSlot(1));
    }
  }
  return out.join('\n');
}

function pageHtml(model, titles, style, canonical) {
  const pageTitle = model.title ?? `${titles[0]} vs ${titles[1]}`;
  const url = `https://www.zippia.com/${slug(titles[0])}-jobs/${slug(titles[0])}-vs-${slug(titles[1])}/`;
  const jsonLd = JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'Article',
    headline: `${pageTitle}: What Are The Differences?`,
    mainEntityOfPage: url,
    publisher: { '@type': 'Organization', name: 'Zippia' },
  });
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(pageTitle)}: What Are The Differences? | Zippia</title>
<meta name="description" content="${esc(pageTitle)} differences &amp; similarities: salary, skills and demographics.">
${canonical ? `<link rel="canonical" href="${url}">` : ''}
<meta property="og:url" content="${url}">
<meta property="og:title" content="${esc(pageTitle)}">
<script type="application/ld+json">${jsonLd}</script>
<style>.compare-grid,.kP0w{display:grid;grid-template-columns:2fr 3fr 3fr}.ad-slot{min-height:250px}</style>
<script>
  window.dataLayer = window.dataLayer || [];
  var rowTemplate = "<table class=\\"comparison-table\\"><tr><td>Yearly salary</td><td>$0</td><td>$0</td></tr></table>";
  function renderRow(label, a, b) { return rowTemplate.replace('Yearly salary', label); }
</script>
</head>
<body class="comparison-page">
<noscript><img src="https://www.facebook.com/tr?id=1&amp;ev=PageView&amp;noscript=1" alt=""></noscript>
<header class="site-header">
  <a class="logo" href="/">Zippia</a>
  <a class="btn" href="/post-job/">Post job</a>
</header>
<nav class="main-nav" aria-label="Main">
  <ul>
${NAV.map((n) => `    <li><a href="/${slug(n)}/">${esc(n)}</a></li>`).join('\n')}
  </ul>
</nav>
<div id="onetrust-consent-sdk" class="cookie-banner">
  <p>We use cookies to improve your experience &amp; to show you relevant ads. <a href="/privacy/">Privacy policy</a></p>
  <button type="button">Accept all cookies</button>
</div>
<div class="ad-slot ad-slot--leaderboard" data-ad-slot="/2178/careers/top"><span class="ad-label">Advertisement</span></div>
<main id="content">
<article class="comparison">
${articleHtml(model, style)}
</article>
<aside class="related">
  <h2>Related comparisons</h2>
  <ul><li><a href="/credit-analyst-vs-credit-manager/">Credit analyst vs credit manager</a></li></ul>
</aside>
</main>
<footer class="site-footer">
  <p>&copy; 2024 Zippia, Inc. &middot; <a href="/terms/">Terms &amp; Conditions</a></p>
</footer>
<script src="/static/js/app.min.js" defer></script>
<script>document.querySelectorAll('.show-more button').forEach(function (b) { b.onclick = function () { return '<li>' + b.textContent + '</li>'; }; });</script>
</body>
</html>
`;
}

for (const page of PAGES) {
  const name = page.seed ?? page.fixture;
  const text = readFileSync(join(page.seed ? seedDir : fixturesDir, `${name}.txt`), 'utf8');
  const model = page.style === 'gridGroups' ? flatModel(text, FLAT_PAGES[name]) : tabularModel(text);
  const header = model.blocks.find((b) => b.table).table[0];
  const titles = [header[1], header[2]];
  // One page gives only og:url, so the reader's fallback is exercised by a served page too.
  const html = pageHtml(model, titles, page.style, page.style !== 'titled');
  writeFileSync(join(outDir, page.out), html);
  process.stdout.write(`${page.out}\n`);
}
