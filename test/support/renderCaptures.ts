import { type Cheerio, type CheerioAPI, load } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import TurndownService from 'turndown';
import { gfm } from 'turndown-plugin-gfm';

/**
 * Renders a served HTML page the two ways the site's text captures come, independently of the
 * HTML reader: the tabular capture (the article through turndown with GFM tables, then shaped
 * like the site's captures) and the flattened capture (the visible text with table cells glued,
 * as a naive text dump gives). The grids' markup is named by the caller, who wrote the page, so
 * nothing here shares the reader's grid detection.
 */
export interface GridMarkup {
  /** Selector of a grid (one comparison table). */
  grid: string;
  /** Selector of a grid row inside it; the row's element children are its cells. */
  row: string;
}

/** What a capture never shows: code, icons, controls and the ad slots between sections. */
const NOT_CAPTURED = 'script, style, noscript, template, svg, button, .ad-slot, [data-ad-slot]';

function article(html: string): { $: CheerioAPI; root: Cheerio<Element> } {
  const $ = load(html);
  const root = $('article').first();
  root.find(NOT_CAPTURED).remove();
  return { $, root };
}

/** A cell's text on one line: its `<br>`s and inner blocks become spaces, as on screen. */
function cellText($: CheerioAPI, cell: Cheerio<AnyNode>): string {
  const copy = cell.clone();
  copy.find('br').replaceWith(' ');
  copy.find('div, p, li').each((_, el) => {
    $(el).replaceWith(` ${$(el).text()} `);
  });
  return copy.text().replace(/\s+/g, ' ').trim();
}

function gridRows($: CheerioAPI, grid: Cheerio<Element>, markup: GridMarkup): string[][] {
  return grid
    .find(markup.row)
    .toArray()
    .map((row) => $(row).children().toArray().map((cell) => cellText($, $(cell))));
}

export function renderTabularCapture(html: string, markup: GridMarkup | null): string {
  const { $, root } = article(html);
  // Cells as plain text first: GFM tables hold one line per row.
  root.find('table').each((_, table) => {
    const { titles, rows } = tableRows($, $(table));
    $(table).replaceWith(titles.map((t) => `<p>${escapeHtml(t)}</p>`).join('') + tableHtml(rows));
  });
  if (markup) {
    root.find(markup.grid).each((_, grid) => {
      $(grid).replaceWith(tableHtml(gridRows($, $(grid), markup)));
    });
  }
  const service = new TurndownService({ headingStyle: 'atx', bulletListMarker: '-' });
  service.use(gfm);
  // The site's captures print text as it is ("-8%", "-"), not Markdown-escaped ("\\-8%").
  service.escape = (text: string) => text;
  const markdown = service.turndown(root.html() ?? '');
  // The site's capture: no heading marks, no separator row, and the header's empty corner cell
  // shifted to the end (`| Coordinator | Specialist | |`).
  return `${markdown
    .split('\n')
    .filter((line) => !/^\|(?:\s*:?-+:?\s*\|)+$/.test(line))
    .map((line) => {
      const header = /^\|\s+\|(.*\|)$/.exec(line);
      return header ? `|${header[1]} |` : line.replace(/^#{1,6}\s+/, '');
    })
    .join('\n')}\n`;
}

const escapeHtml = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** A table's rows of cell texts; a row of one cell spanning columns is a title line above it. */
function tableRows($: CheerioAPI, table: Cheerio<Element>): { titles: string[]; rows: string[][] } {
  const titles: string[] = [];
  const rows: string[][] = [];
  for (const tr of table.find('tr').toArray()) {
    const cells = $(tr).children('th, td');
    if (cells.length === 1 && Number(cells.attr('colspan') ?? 1) > 1) titles.push(cellText($, cells));
    else rows.push(cells.toArray().map((c) => cellText($, $(c))));
  }
  return { titles, rows };
}

function tableHtml(rows: string[][]): string {
  const esc = escapeHtml;
  const [head, ...body] = rows;
  const tr = (cells: string[], tag: string) => `<tr>${cells.map((c) => `<${tag}>${esc(c)}</${tag}>`).join('')}</tr>`;
  return `<table><thead>${tr(head ?? [], 'th')}</thead><tbody>${body.map((r) => tr(r, 'td')).join('')}</tbody></table>`;
}

export function renderFlatCapture(html: string, markup: GridMarkup | null): string {
  const { $, root } = article(html);
  const lines: string[] = [];
  const blank = () => {
    if (lines.length > 0 && lines.at(-1) !== '') lines.push('');
  };
  const visit = (el: Element): void => {
    const $el = $(el);
    if (markup && $el.is(markup.grid)) {
      blank();
      for (const cells of gridRows($, $el, markup)) lines.push(cells.join(''));
      return;
    }
    if (el.name === 'table') {
      const { titles, rows } = tableRows($, $el);
      for (const title of titles) {
        blank();
        lines.push(title);
      }
      blank();
      for (const cells of rows) lines.push(cells.join(''));
      return;
    }
    if (/^(h[1-6]|p)$/.test(el.name)) {
      blank();
      lines.push(cellText($, $el));
      return;
    }
    if (el.name === 'ul' || el.name === 'ol') {
      for (const li of $el.children('li').toArray()) lines.push(`  • ${cellText($, $(li))}`);
      return;
    }
    for (const child of $el.children().toArray()) visit(child);
  };
  for (const child of root.children().toArray()) visit(child);
  return `${lines.join('\n')}\n`;
}
