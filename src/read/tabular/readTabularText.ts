import { rowFieldFor } from '../../site/rowFields.js';
import { type Block, type PageDocument, type TableBlock, collapseWhitespace } from '../document.js';
import { isSeparatorRow, parsePipeRow } from './pipeRow.js';

const BULLET = /^\s*(?:[•●▪◦*]|-(?=\s))\s*/;
const TITLE = /^(.+?)\s+vs\.?\s+(.+)$/i;

/**
 * Reads a tabular text capture (cells as `| a | b |` rows; also the Markdown a converter
 * writes) into the page document. Every non-table line is a paragraph, a heading or a list item:
 * captures keep one paragraph per line.
 */
export function readTabularText(text: string): PageDocument {
  const blocks: Block[] = [];
  let title: string | null = null;
  let table: TableBlock | null = null;

  for (const rawLine of text.split(/\r\n|\r|\n/)) {
    const line = collapseWhitespace(rawLine);
    if (line === '') continue; // blank lines separate nothing that the layout does not already
    const cells = parsePipeRow(line);
    if (cells) {
      if (isSeparatorRow(cells)) continue;
      const header = headerCells(cells, table);
      // A header row inside a run of rows starts the next table: captures sometimes run the
      // overview straight into the salary table, whose header repeats the overview's.
      if (!table || (header && table.rows.length > 1)) {
        table = { kind: 'table', rows: [] };
        blocks.push(table);
      }
      table.rows.push({ cells: header ?? cells });
      continue;
    }
    table = null;
    const bullet = BULLET.exec(line);
    if (bullet) {
      const item = line.slice(bullet[0].length);
      const last = blocks.at(-1);
      if (last?.kind === 'list') last.items.push({ text: item, markdown: item });
      else blocks.push({ kind: 'list', items: [{ text: item, markdown: item }] });
      continue;
    }
    if (isHeadingLine(line)) {
      blocks.push({ kind: 'heading', text: line });
      if (title === null && TITLE.test(line)) title = line;
      continue;
    }
    blocks.push({ kind: 'paragraph', text: line, markdown: line });
  }
  return { title, blocks, url: null, format: 'text', layout: 'table', notes: [] };
}

/**
 * The header row as `['', titleA, titleB]`, or null when the row is a data row. The site's
 * capture shifts the empty corner cell to the end (`| Coordinator | Specialist | |`); a
 * converter keeps it first (`|  | Coordinator | Specialist |`).
 */
function headerCells(cells: string[], table: TableBlock | null): string[] | null {
  const [first, ...rest] = cells;
  if (first === '' && rest.length >= 2 && rest.every((c) => c !== '')) return cells;
  const last = cells.at(-1);
  const body = cells.slice(0, -1);
  if (last !== '' || body.length < 2 || body.some((c) => c === '') || rowFieldFor(first ?? '')) return null;
  // A data row of an unknown label with an empty last value looks the same, so inside a table
  // only a row repeating the table's own header is taken as a (shifted) header.
  const current = table?.rows[0]?.cells;
  const repeatsHeader = current?.[0] === '' && same(current.slice(1), body);
  return table === null || repeatsHeader ? ['', ...body] : null;
}

const same = (a: string[], b: string[]): boolean =>
  a.length === b.length && a.every((c, i) => c.toLowerCase() === b[i]?.toLowerCase());

/**
 * Short lines without sentence punctuation are headings or navigation ("Explore jobs",
 * "What does a collections coordinator do?"); the extractor ignores the ones it does not know.
 */
function isHeadingLine(line: string): boolean {
  return line.length <= 120 && !/[.:;,]$/.test(line) && !/[.!?]\s/.test(line);
}
