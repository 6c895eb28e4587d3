import { escapeHtml, roleAnchor } from './escape.js';
import { fieldLabel } from '../schema/roleFields.js';
import { count, formatValue, NONE } from './format.js';
import type { ReportRole } from './reportData.js';
import { TABLE_PAGE_SIZE } from './reportAssets.js';

/** The fields the table lists beside each title; the script sorts by any of them. */
const LISTED = ['yearlySalary', 'hourlyRate', 'growthRate', 'numberOfJobs'];

/** A numeric cell carries its raw value in `data-v` so the inline script sorts numbers, not text. */
function numCell(n: number | null, text: string): string {
  if (n === null) return `<td class="num none" data-v="">${NONE}</td>`;
  return `<td class="num" data-v="${n}">${escapeHtml(text)}</td>`;
}

/**
 * Every role as one row, highest yearly salary first. All rows are in the HTML (the table reads
 * without the script); the script shows one page of them at a time and sorts on header clicks.
 */
export function renderRolesTable(roles: ReportRole[]): string {
  const head = [
    '<th scope="col"><button type="button">Title</button></th>',
    ...LISTED.map((field, i) => `<th scope="col" class="num" data-type="num"${i === 0 ? ' aria-sort="descending"' : ''}><button type="button">${escapeHtml(fieldLabel(field))}</button></th>`),
    '<th scope="col" class="num" data-type="num"><button type="button">Pages</button></th>',
    '<th scope="col" class="num" data-type="num"><button type="button">Conflicts</button></th>',
  ].join('');
  const rows = roles.map((role, i) => {
    const later = i >= TABLE_PAGE_SIZE ? ' class="later"' : '';
    return [
      `<tr${later} data-key="${escapeHtml(role.key)}" data-title="${escapeHtml(role.title.toLowerCase())}">`,
      `<td><a href="#${roleAnchor(role.key)}">${escapeHtml(role.title)}</a></td>`,
      ...LISTED.map((field) => {
        const v = role.values[field];
        return numCell(typeof v === 'number' ? v : null, formatValue(field, v));
      }),
      numCell(role.pageCount, count(role.pageCount)),
      numCell(role.conflicts.length, String(role.conflicts.length)),
      '</tr>',
    ].join('');
  });
  return [
    '<div class="pager" id="roles-pager" hidden>',
    '<input type="search" id="roles-filter" placeholder="Filter by title" aria-label="Filter roles by title">',
    '<button type="button" id="roles-prev">Previous</button><button type="button" id="roles-next">Next</button>',
    '<span id="roles-page-info" class="note"></span>',
    '</div>',
    '<div class="scroll"><table id="roles-table">',
    `<thead><tr>${head}</tr></thead>`,
    `<tbody>\n${rows.join('\n')}\n</tbody></table></div>`,
  ].join('\n');
}
