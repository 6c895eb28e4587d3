import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPage } from '../../../src/extract/extractPage.js';
import type { Block, PageDocument, TableBlock } from '../../../src/read/document.js';
import { htmlToMarkdown } from '../../../src/read/html/markdown.js';
import { readHtml } from '../../../src/read/html/readHtml.js';
import { FIXTURES, seedLine } from '../../support/seeds.js';

const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const tables = (doc: PageDocument) => doc.blocks.filter((b): b is TableBlock => b.kind === 'table').map((t) => t.rows.map((r) => r.cells));
const allText = (doc: PageDocument) => JSON.stringify(doc.blocks);
const page = (article: string, head = '') => `<!doctype html><html><head>${head}</head><body><main>${article}</main></body></html>`;

/** A real row of seed 000 as its cells: `| Gender ratio | Male, 26.6% Female, 73.4% | … |`. */
const seedRow = (label: string) => seedLine('000', `| ${label} |`).split('|').slice(1, -1).map((c) => c.trim());

const OVERVIEW = `
  <table><thead><tr><th></th><th>Collections Coordinator</th><th>Account Specialist</th></tr></thead>
  <tbody><tr><td>Yearly salary</td><td>$37,938</td><td>$42,586</td></tr>
  <tr><td>Hourly rate</td><td>$18.24</td><td>$20.47</td></tr></tbody></table>`;

describe('a served page (fixture 009, div-grid layout)', () => {
  const doc = readHtml(fixture('009_53ee470b7ca18917_grid.html'));

  it('takes the title from the h1 and the address from the canonical link', () => {
    expect(doc.title).toBe('Collections representative vs collections coordinator');
    expect(doc.url).toBe('https://www.zippia.com/collections-representative-jobs/collections-representative-vs-collections-coordinator/');
    expect(doc.format).toBe('html');
    expect(doc.layout).toBe('flat');
  });

  it('drops the header, navigation, cookie banner, ads, aside, footer, icons and scripts', () => {
    const text = allText(doc);
    for (const noise of ['Post job', 'Explore jobs', 'cookies', 'Advertisement', 'Related comparisons', 'Zippia, Inc.', 'section', '$0', 'dataLayer']) {
      expect(text).not.toContain(noise);
    }
  });

  it('reads the four grids as tables with the header row first and the cells the DOM gives', () => {
    const read = tables(doc);
    expect(read).toHaveLength(4);
    expect(read.map((t) => t[0])).toEqual(Array(4).fill(['', 'Collections Representative', 'Collections Coordinator']));
    expect(read[0]![1]).toEqual(['Yearly salary', '$34,015', '$37,938']);
    expect(read[3]![2]).toEqual(['Gender ratio', 'Male, 30.6% Female, 69.4%', 'Male, 26.6% Female, 73.4%']);
  });

  it('keeps headings, paragraphs and lists in page order', () => {
    const kinds = doc.blocks.map((b) => (b.kind === 'heading' ? `h:${b.text}` : b.kind));
    expect(kinds.slice(0, 5)).toEqual([
      'h:Collections representative vs collections coordinator',
      'paragraph',
      'paragraph',
      'h:Collections representative vs collections coordinator overview',
      'table',
    ]);
    const skills = doc.blocks.filter((b) => b.kind === 'list').at(-1);
    expect(skills?.kind === 'list' && skills.items.map((i) => i.text)).toEqual([
      'Customer Service, 15%', 'Patients, 12%', 'Phone Calls, 6%', 'Collection Efforts, 4%', 'Delinquent Accounts, 4%', 'Appeals, 4%',
    ]);
  });
});

describe('a served page with <table>s (fixture 008)', () => {
  const doc = readHtml(fixture('008_83570a534fe137c2_table.html'));

  it('falls back to og:url when there is no canonical link', () => {
    expect(doc.url).toBe('https://www.zippia.com/senior-collection-specialist-jobs/senior-collection-specialist-vs-account-specialist/');
    expect(doc.layout).toBe('table');
  });

  it('turns a title row spanning the table into a heading above it', () => {
    const i = doc.blocks.findIndex((b) => b.kind === 'heading' && b.text === 'Overview');
    expect(doc.blocks[i + 1]?.kind).toBe('table');
    expect(tables(doc)[0]![0]).toEqual(['', 'Senior Collection Specialist', 'Account Specialist']);
  });
});

describe('tables', () => {
  it('puts back the empty corner of a header row one cell short of the body', () => {
    const doc = readHtml(page(`<table><tr><th>Collections Coordinator</th><th>Account Specialist</th></tr>
      <tr><th scope="row">Yearly salary</th><td>$37,938</td><td>$42,586</td></tr></table>`));
    expect(tables(doc)[0]).toEqual([['', 'Collections Coordinator', 'Account Specialist'], ['Yearly salary', '$37,938', '$42,586']]);
  });

  it('keeps a spanning cell\'s text in its first column and reads a <caption> as a heading', () => {
    const doc = readHtml(page(`<table><caption>Overview</caption>
      <tr><td colspan="2">Yearly salary</td><td>$37,938</td></tr><tr><td>Hourly rate</td><td>$18.24</td><td>$20.47</td></tr></table>`));
    expect(doc.blocks[0]).toEqual({ kind: 'heading', text: 'Overview' });
    expect(tables(doc)[0]).toEqual([['Yearly salary', '', '$37,938'], ['Hourly rate', '$18.24', '$20.47']]);
  });

  it('joins the parts of a cell split by <br>, spans and newlines with one space', () => {
    const [label, a] = seedRow('Race ratio');
    const markup = a!.match(/[^%]+%/g)!.map((s) => `<span>${s.trim()}</span>`).join('<br>\n   ');
    const doc = readHtml(page(`<table><tr><td>${label}</td><td>${markup}</td><td>-</td></tr><tr><td>Yearly salary</td><td>1</td><td>2</td></tr></table>`));
    expect(tables(doc)[0]![0]).toEqual([label, a, '-']);
  });

  it('reads a table inside a table\'s cell as its own table, not the layout table around it', () => {
    const doc = readHtml(page(`<table><tr><td>${OVERVIEW}</td></tr></table>`));
    expect(tables(doc)).toEqual([[['', 'Collections Coordinator', 'Account Specialist'], ['Yearly salary', '$37,938', '$42,586'], ['Hourly rate', '$18.24', '$20.47']]]);
  });
});

describe('div grids, recognised from structure', () => {
  const row = (tag: string, cls: string, cells: string[]) => `<${tag} class="${cls}">${cells.map((c) => `<${tag} class="${cls}-c">${c}</${tag}>`).join('')}</${tag}>`;

  it('reads rows of unknown elements with renamed classes', () => {
    const grid = ['', 'Collections Coordinator', 'Account Specialist'];
    const doc = readHtml(page(`<x-wrap><x-cmp>${[grid, seedRow('Yearly salary'), seedRow('Growth rate')].map((r) => row('x-r', 'zz9', r)).join('\n')}</x-cmp></x-wrap>`));
    expect(tables(doc)).toEqual([[grid, ['Yearly salary', '$37,938', '$42,586'], ['Growth rate', '-8%', '-8%']]]);
    expect(doc.layout).toBe('flat');
  });

  it('keeps rows of labels the site does not know inside a grid it recognises', () => {
    const doc = readHtml(page(`<div>${[seedRow('Yearly salary'), ['Remote jobs', '12%', '9%']].map((r) => row('div', 'r', r)).join('')}</div>`));
    expect(tables(doc)[0]).toEqual([['Yearly salary', '$37,938', '$42,586'], ['Remote jobs', '12%', '9%']]);
  });

  it('leaves three-column layouts without a row label or header as ordinary blocks', () => {
    const cards = ['<img src="a.png">', 'Cards', 'Text one'];
    const doc = readHtml(page([cards, ['<img src="b.png">', 'More', 'Text two']].map((r) => row('div', 'card', r)).join('')));
    expect(tables(doc)).toEqual([]);
    expect(doc.blocks.map((b) => b.kind === 'paragraph' && b.text)).toEqual(['Cards', 'Text one', 'More', 'Text two']);
  });

  it('reads a grid whose body group holds exactly three rows', () => {
    const body = [seedRow('Most common degree'), seedRow('Most common major'), seedRow('Most common college')];
    const doc = readHtml(page(`<div><div>${row('div', 'h', ['', 'A', 'B'])}</div><div>${body.map((r) => row('div', 'r', r)).join('')}</div></div>`));
    expect(tables(doc)[0]).toEqual([['', 'A', 'B'], ...body]);
  });
});

describe('page chrome and noise', () => {
  it('ignores a table inside a script string', () => {
    const doc = readHtml(page(`<script>var t = "<table><tr><td>Yearly salary</td><td>$1</td><td>$2</td></tr></table>";</script><p>Text</p>`));
    expect(doc.blocks).toEqual([{ kind: 'paragraph', text: 'Text', markdown: 'Text' }]);
  });

  it('drops consent boxes and ads found by their words, but never the article or a banner holding the title', () => {
    const doc = readHtml(`<body><div class="CookieConsent">Accept</div><div id="adSlot2">Buy</div><ins class="adsbygoogle">x</ins>
      <div class="hero-banner"><h1>Collections coordinator vs account specialist</h1></div>
      <article class="ad-free"><p>Kept</p></article><div hidden>Hidden</div><span aria-hidden="true">Icon</span></body>`);
    expect(doc.blocks.map((b) => (b.kind === 'heading' || b.kind === 'paragraph' ? b.text : b.kind))).toEqual([
      'Collections coordinator vs account specialist',
      'Kept',
    ]);
  });

  it('keeps an article\'s own header and footer (only page-level ones are chrome)', () => {
    const doc = readHtml(`<body><header>Site</header><article><header><h2>What does a collections coordinator do?</h2></header><p>Text</p><footer>Updated</footer></article></body>`);
    expect(doc.blocks.map((b) => (b.kind === 'heading' || b.kind === 'paragraph' ? b.text : b.kind))).toEqual([
      'What does a collections coordinator do?',
      'Text',
      'Updated',
    ]);
  });
});

describe('sections the extractor does or does not know', () => {
  const intro = `<p>${seedLine('000', 'It typically takes')}</p>`;
  const demographics = `<table><tr><th></th><th>Collections Coordinator</th><th>Account Specialist</th></tr>
    <tr><td>Average age</td><td>46</td><td>46</td></tr><tr><td>LGBT Percentage</td><td>8%</td><td>8%</td></tr></table>`;

  it('reads sections in the page\'s order, and an unknown section is ignored, not fatal', () => {
    const html = page(`${intro}${OVERVIEW}<h2>Remote work</h2><table><tr><th></th><th>A</th><th>B</th></tr><tr><td>Remote jobs</td><td>12%</td><td>9%</td></tr></table>${demographics}`);
    const record = extractPage(readHtml(html), { path: 'page.html', sha256: '0'.repeat(64) });
    expect(record.roles.map((r) => [r.title, r.yearlySalary, r.lgbtPct, r.averageAge, r.timeToBecome])).toEqual([
      ['Collections Coordinator', 37938, 8, 46, '6-12 months'],
      ['Account Specialist', 42586, 8, 46, '6-12 months'],
    ]);
  });

  it('gives nulls, not errors, for sections a page does not have', () => {
    const record = extractPage(readHtml(page(`${intro}${OVERVIEW}`)), { path: 'page.html', sha256: '0'.repeat(64) });
    expect(record.roles[0].salaryRange).toBeNull();
    expect(record.roles[0].gender).toBeNull();
    expect(record.roles[0].responsibilities).toEqual([]);
  });
});

describe('text and rich text', () => {
  it('decodes entities: &amp; &#x27; &#36; &nbsp;', () => {
    const doc = readHtml(page(`<p>Bachelor&#x27;s Degree &amp; more: &#36;42,586&nbsp;a year</p>`));
    expect(doc.blocks[0]).toMatchObject({ kind: 'paragraph', text: "Bachelor's Degree & more: $42,586 a year" });
  });

  it('keeps links and emphasis in Markdown and plain words in text', () => {
    const doc = readHtml(page(`<p>A <a href="/jobs/">collections coordinator</a> is <em>often</em> <strong>busy</strong>.</p>
      <ul><li>Submit <b>insurance</b> appeals.</li><li>Plan <i>work</i>:<table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>2</td></tr></table></li></ul>`));
    const [p, list] = doc.blocks as [Block, Block];
    expect(p).toEqual({ kind: 'paragraph', text: 'A collections coordinator is often busy.', markdown: 'A [collections coordinator](/jobs/) is _often_ **busy**.' });
    expect(list.kind === 'list' && list.items.map((i) => i.markdown)).toEqual(['Submit **insurance** appeals.', 'Plan _work_:\n\n| a | b |\n| --- | --- |\n| 1 | 2 |']);
  });

  it('gives text in spans and buttons the Markdown turndown gives it, with or without asking turndown', () => {
    const items = [
      '<span class="skill">Customer service</span>, 12%',
      '<button type="button">Show more</button>',
      'Pay <span>*</span> rate_<span>[1]</span>',
      // Fragments turndown escapes part by part, or whose spaces it keeps: it is asked.
      'Steps: <span>- call</span>',
      'Age <span>1. 46</span>',
      '<span>Between&nbsp;$30,000</span> And $60,000',
    ];
    const doc = readHtml(page(`<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>`));
    const list = doc.blocks[0]!;
    expect(list.kind === 'list' && list.items.map((i) => i.markdown)).toEqual(items.map(htmlToMarkdown));
    expect(list.kind === 'list' && list.items.map((i) => i.markdown)).toEqual([
      'Customer service, 12%',
      'Show more',
      'Pay \\* rate\\_\\[1\\]',
      'Steps: \\- call',
      'Age 1\\. 46',
      'Between\u00a0$30,000 And $60,000',
    ]);
  });

  it('reads loose text next to blocks as paragraphs, and inline custom elements inline', () => {
    const doc = readHtml(page(`Loose <x-em>words</x-em> here<div>Block</div>tail`));
    expect(doc.blocks.map((b) => b.kind === 'paragraph' && b.text)).toEqual(['Loose words here', 'Block', 'tail']);
  });

  it('reads the body only, wherever the parser puts it, and a fragment without one whole', () => {
    const paragraphs = (html: string) => readHtml(html).blocks.map((b) => b.kind === 'paragraph' && b.text);
    expect(paragraphs('<html><body><p>Inside</p></body><p>After the body</p></html>')).toEqual(['Inside']);
    expect(paragraphs('<body><p>Top-level body</p></body><p>After</p>')).toEqual(['Top-level body']);
    expect(paragraphs('<html><html><body><p>Twice wrapped</p></body><p>After</p></html></html>')).toEqual(['Twice wrapped']);
    expect(paragraphs('<p>One</p><div><p>Two</p></div>')).toEqual(['One', 'Two']);
  });

  it('has no title or address when the page shows none', () => {
    const doc = readHtml('<p>Just text</p>');
    expect([doc.title, doc.url, doc.layout]).toEqual([null, null, 'table']);
  });
});

describe('hostile markup', () => {
  it('reads markup nested far deeper than any page without exhausting the stack, and says so', () => {
    const depth = 20_000;
    const doc = readHtml(`${'<div>'.repeat(depth)}<p>Deep text</p>${'</div>'.repeat(depth)}`);
    expect(doc.blocks).toEqual([{ kind: 'paragraph', text: 'Deep text', markdown: 'Deep text' }]);
    expect(doc.notes[0]?.message).toMatch(/nested deeper than/);
  });

  it('reads a 5 MB line of markup (linear, no backtracking)', () => {
    const cell = `<span>${'x'.repeat(100)}</span>`.repeat(40_000);
    const doc = readHtml(page(`<div class="${'a-'.repeat(100_000)}"><p>${cell}</p></div>`));
    expect(doc.blocks[0]?.kind === 'paragraph' && doc.blocks[0].text.length).toBe(4_000_000);
  });
});
