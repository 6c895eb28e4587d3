import type { RowTarget } from '../../site/rowFields.js';
import { type Block, type PageDocument, type ReaderNote, type TableBlock, type TableRow, collapseWhitespace } from '../document.js';
import { type IntroFacts, readIntroSentences } from '../../site/introSentences.js';
import { type Pair, type PageEvidence, checksFor, salariesNamed } from './evidence.js';
import { type GluedRow, bulletItem, couldBeRow, gluedRow, isBulletLine, isHeadingLine, isTitleLine } from './lines.js';
import { type HeaderSplit, MAX_HEADER_LENGTH, type TitleEvidence, splitHeader, titleEvidence } from './splitHeader.js';
import { type Candidate, candidateSplits, chooseSplit, clip } from './splitGluedRow.js';

/** A table as the first pass finds it: its glued header line (if any) and glued rows. */
interface GluedTable {
  block: TableBlock;
  header: string | null;
  rows: GluedRow[];
}

const LIST_END = /^(?:show more|show less|see more|view more)$/i;

/**
 * Reads a flattened text capture ("Post job" layout: headings as plain lines, `•` bullets, and
 * table cells glued together, `Average age4646`) into the same page document the tabular reader
 * gives for the same page. Cell boundaries are inferred from evidence (see splitGluedRow.ts and
 * splitHeader.ts); an inferred row keeps its surviving alternatives, and a row that cannot be
 * split at all becomes a note, never an exception.
 */
export function readFlatText(text: string): PageDocument {
  const body = text.replace(/^\uFEFF/, '');
  // Splitting on a string is quicker than on the pattern, and the same when there is no "\r".
  const raw = body.includes('\r') ? body.split(/\r\n|\r|\n/) : body.split('\n');
  // Lines are collapsed when first read, and bullets never are: their items are read from the
  // raw line, and a bullet is never blank (its bullet is no space). Indented bullets were most
  // of the lines that collapsing copies.
  const collapsed = new Array<string | undefined>(raw.length).fill(undefined);
  const lineAt = (i: number): string => (collapsed[i] ??= collapseWhitespace(raw[i]!));
  const blocks: Block[] = [];
  const notes: ReaderNote[] = [];
  const tables: GluedTable[] = [];
  const prose: string[] = [];
  let title: string | null = null;

  const isBullet = (i: number): boolean => isBulletLine(raw[i]!);
  // Each line is asked whether it is a row up to four times (as itself, as the line after
  // another, inside a table): the answer is kept, undefined until asked.
  const rows = new Array<GluedRow | null | undefined>(raw.length).fill(undefined);
  const rowAt = (i: number): GluedRow | null => {
    if (i >= raw.length) return null;
    let row = rows[i];
    if (row === undefined) rows[i] = row = !isBullet(i) && lineAt(i) !== '' ? gluedRow(lineAt(i)) : null;
    return row;
  };
  const isRowAt = (i: number): boolean => rowAt(i) !== null;

  for (let i = 0; i < raw.length; ) {
    const item = bulletItem(raw[i]!);
    if (item !== null) {
      i++;
      if (item === '' || LIST_END.test(item)) continue; // the page's "Show more" button, not an item
      const last = blocks.at(-1);
      if (last?.kind === 'list') last.items.push({ text: item, markdown: item });
      else blocks.push({ kind: 'list', items: [{ text: item, markdown: item }] });
      continue;
    }
    const line = lineAt(i);
    if (line === '') {
      i++;
      continue;
    }
    const isHeader = !isRowAt(i) && isRowAt(i + 1) && line.length <= MAX_HEADER_LENGTH && couldBeRow(line) && !isTitleLine(line);
    if (isHeader || (isRowAt(i) && isRowAt(i + 1))) {
      const table: GluedTable = { block: { kind: 'table', rows: [] }, header: isHeader ? line : null, rows: [] };
      i = readTableLines(isHeader ? i + 1 : i, table);
      tables.push(table);
      blocks.push(table.block);
      continue;
    }
    prose.push(line);
    if (isHeadingLine(line)) {
      blocks.push({ kind: 'heading', text: line });
      if (title === null && isTitleLine(line)) title = line;
    } else {
      blocks.push({ kind: 'paragraph', text: line, markdown: line });
    }
    i++;
  }

  /** Consumes a table's rows from line `i`; returns the first line after the table. */
  function readTableLines(i: number, table: GluedTable): number {
    for (; i < raw.length; i++) {
      if (isBullet(i)) break;
      const line = lineAt(i);
      if (line === '') break;
      const row = rowAt(i);
      if (row) {
        table.rows.push(row);
        continue;
      }
      // A repeat of the header starts the next table (captures may run tables together); any
      // other line amid rows is a row of a label the reader does not know. Prose ends the table.
      if (table.header !== null && line.toLowerCase() === table.header.toLowerCase()) break;
      const amidRows = isRowAt(i + 1) || /[\d$%]/.test(line);
      if (!couldBeRow(line) || isTitleLine(line) || !amidRows) break;
      notes.push({ label: null, message: `table row "${clip(line)}" has a label the reader does not know; left out` });
    }
    return i;
  }

  const page = titleEvidence(prose, title);
  // Every table asks, mostly for the same titles: the intro is read once, each pair of titles matched once.
  let introSentences: IntroFacts['salaries'] | undefined;
  const salariesByTitles = new Map<readonly [string, string], [number | null, number | null]>();
  const salariesFor = (titles: [string, string]): [number | null, number | null] => {
    let salaries = salariesByTitles.get(titles);
    if (salaries === undefined) {
      introSentences ??= readIntroSentences(prose).salaries;
      salaries = salariesNamed(introSentences, titles);
      salariesByTitles.set(titles, salaries);
    }
    return salaries;
  };
  fillTables(tables, page, title, salariesFor, notes);
  return { title, blocks, url: null, format: 'text', layout: 'flat', notes };
}

interface ResolvedRow {
  row: GluedRow;
  found: { candidates: Candidate[]; loose: boolean } | { error: string };
}

function fillTables(tables: GluedTable[], page: TitleEvidence, title: string | null, salariesFor: (titles: [string, string]) => [number | null, number | null], notes: ReaderNote[]): void {
  // The page repeats one header over its four tables; it is split once.
  const splits = new Map<string, HeaderSplit | null>();
  const headers = tables.map((t) => {
    if (t.header === null) return null;
    if (!splits.has(t.header)) splits.set(t.header, splitHeader(t.header, page));
    return splits.get(t.header)!;
  });
  const fallback = headers.find((h) => h?.confirmed) ?? headers.find((h) => h !== null) ?? titlesFromTitleLine(title);
  tables.forEach((t, i) => {
    if (t.header !== null && headers[i] === null && fallback) {
      notes.push({ label: 'title', message: `table header "${clip(t.header)}" could not be split into two role titles; used "${fallback.titles.join('" | "')}" from elsewhere on the page` });
    }
  });
  if (!fallback && tables.length > 0) {
    notes.push({ label: 'title', message: 'no table header or title line names the two roles; the tables are left without a header' });
  }
  const reported = new Set<string>();

  // Rows that only one split fits settle the same field elsewhere on the page.
  const resolved = tables.map((t) => t.rows.map((row): ResolvedRow => ({ row, found: candidateSplits(row.glued, row.field) })));
  const decided = new Map<RowTarget, { titles: [string, string]; pair: Pair }>();

  tables.forEach((t, i) => {
    const header = headers[i] ?? fallback;
    if (!header) return;
    resolved[i]!.forEach(({ row, found }) => {
      if ('error' in found || found.loose || found.candidates.length !== 1 || decided.has(row.field.field)) return;
      decided.set(row.field.field, { titles: header.titles, pair: found.candidates[0]!.values });
    });
  });

  tables.forEach((t, i) => {
    const header = headers[i] ?? fallback;
    if (header) {
      t.block.rows.push(headerRow(header, t.header));
      const key = `${t.header === null}\u0000${header.titles.join('\u0000')}`;
      if (!reported.has(key)) {
        reported.add(key);
        reportHeader(header, t.header, notes);
      }
    } else if (t.header !== null) {
      t.block.rows.push({ cells: ['', t.header, ''] });
    }
    const titles = header?.titles ?? null;
    const reversed = titles ? reversalsInto(titles) : () => false;
    const evidence: PageEvidence = {
      introSalaries: titles ? salariesFor(titles) : [null, null],
      // A pair read under one header, reordered for a table whose header lists the roles the other way.
      decided: new Map([...decided].map(([field, d]) => [field, reversed(d.titles) ? [d.pair[1], d.pair[0]] : d.pair])),
    };
    for (const { row, found } of resolved[i]!) {
      const cut = readRow(row, found, evidence, notes);
      if (cut) t.block.rows.push(cut);
    }
  });
}

function readRow(row: GluedRow, found: ResolvedRow['found'], page: PageEvidence, notes: ReaderNote[]): TableRow | null {
  if (row.glued === '') {
    notes.push({ label: row.label, message: `row "${row.label}" has no values (the capture may be cut off); left out` });
    return null;
  }
  if ('error' in found) {
    notes.push({ label: row.label, message: `row "${row.label}": "${clip(row.glued)}" cannot be split: ${found.error}; left out` });
    return null;
  }
  const outcome = chooseSplit(row.glued, row.field, found, checksFor(row.field.field, page));
  if (!outcome.ok) {
    notes.push({ label: row.label, message: `row "${row.label}": ${outcome.reason}; left out` });
    return null;
  }
  const { cells, alternatives, reason, loose } = outcome.split;
  if (loose) {
    notes.push({ label: row.label, message: `row "${row.label}": "${clip(row.glued)}" read as "${cells.join('" | "')}" although it does not look like the site's values; check the capture` });
  }
  return { cells: [row.label, ...cells], split: { glued: row.glued, alternatives, reason } };
}

function headerRow(header: HeaderSplit, glued: string | null): TableRow {
  const row: TableRow = { cells: ['', ...header.titles] };
  if (glued !== null) row.split = { glued, alternatives: header.alternatives, reason: header.reason };
  return row;
}

/** The extractor warns about row alternatives; a header's doubts are said here, once per page. */
function reportHeader(header: HeaderSplit, glued: string | null, notes: ReaderNote[]): void {
  const shown = `"${header.titles.join('" | "')}"`;
  if (glued === null) {
    notes.push({ label: 'title', message: `a table has no header row; took the titles ${shown} from elsewhere on the page` });
  } else if (!header.confirmed) {
    notes.push({ label: 'title', message: `header "${clip(glued)}" split as ${shown} by capitals alone: ${header.reason}; check the titles` });
  } else if (header.alternatives.length > 0) {
    const others = header.alternatives.map((a) => `"${a.join('" | "')}"`).join(', ');
    notes.push({ label: 'title', message: `header "${clip(glued)}" split as ${shown}; it could also be ${others}` });
  }
}

/** The title line's two names when no header row could be read ("X vs Y", as printed). */
function titlesFromTitleLine(title: string | null): HeaderSplit | null {
  const m = title === null ? null : /^(.+?)\s+vs\.?\s+(.+)$/i.exec(title);
  if (!m) return null;
  return { titles: [m[1]!, m[2]!], alternatives: [], reason: 'the title line', confirmed: false };
}

/**
 * Whether titles `from` name the roles of `to` the other way round. Asked for every decided
 * field, of the one or two headers they were decided under: the answer is kept per header.
 */
function reversalsInto(to: [string, string]): (from: [string, string]) => boolean {
  const known = new Map<[string, string], boolean>();
  return (from) => {
    let reversed = known.get(from);
    if (reversed === undefined) known.set(from, (reversed = isReversed(from, to)));
    return reversed;
  };
}

function isReversed(from: [string, string], to: [string, string]): boolean {
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  return same(from[0], to[1]) && same(from[1], to[0]) && !same(from[0], to[0]);
}
