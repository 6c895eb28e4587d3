/**
 * A comparison page the site serves without the overview table (its first table is the salary
 * table): a real capture, cut down, of journeyman vs master electrician, built in the shapes the
 * site's pages come in.
 */

const TITLES = ['Journeyman', 'Master Electrician'] as const;
const INTRO =
  'The differences between journeymen and master electricians can be seen in a few details. While it typically takes 2-4 years to become a journeyman, becoming a master electrician takes usually requires 6-12 months. Additionally, a journeyman has an average salary of $57,682, which is higher than the $52,154 average annual salary of a master electrician.';
const PAY_SCALES = 'Journeymen and master electricians have different pay scales, as shown below.';
const SALARY_ROWS = [
  ['Average salary', '$57,682', '$52,154'],
  ['Salary range', 'Between $39,000 And $83,000', 'Between $31,000 And $86,000'],
  ['Highest paying City', 'San Francisco, CA', 'Minneapolis, MN'],
  ['Highest paying state', 'Washington', 'Vermont'],
  ['Best paying company', 'CVR Energy', 'Allegro MicroSystems'],
  ['Best paying industry', 'Construction', 'Energy'],
];

export const tabular = [
  'Explore jobs',
  INTRO,
  PAY_SCALES,
  `| ${TITLES.join(' | ')} | |`,
  ...SALARY_ROWS.map((cells) => `| ${cells.join(' | ')} |`),
].join('\n');

export const flattened = [
  'Post job',
  'Journeyman vs master electrician',
  INTRO,
  'Journeyman vs master electrician salary',
  PAY_SCALES,
  [TITLES.join(''), ...SALARY_ROWS.map((cells) => cells.join(''))].join('\n'),
].join('\n\n');

const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const page = (table: string) =>
  `<!DOCTYPE html><html><head><title>Journeyman vs master electrician</title></head><body><main><article>
<h1>Journeyman vs master electrician</h1>
<p>${esc(INTRO)}</p>
<h2>Journeyman vs master electrician salary</h2>
<p>${esc(PAY_SCALES)}</p>
${table}
</article></main></body></html>`;
export const htmlTable = page(
  `<table><thead><tr><th></th>${TITLES.map((t) => `<th>${esc(t)}</th>`).join('')}</tr></thead><tbody>
${SALARY_ROWS.map((cells) => `<tr>${cells.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('\n')}
</tbody></table>`,
);
export const htmlGrid = page(
  `<div class="compare-grid">
${[['', ...TITLES], ...SALARY_ROWS].map((cells) => `<div class="compare-row">${cells.map((c) => `<div>${esc(c)}</div>`).join('')}</div>`).join('\n')}
</div>`,
);
