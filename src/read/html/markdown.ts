import TurndownService from 'turndown';
import { gfm } from 'turndown-plugin-gfm';
import { BoundedCache } from '../../util/boundedCache.js';

/**
 * Rich text (descriptions, list items) as Markdown: links, emphasis and nested lists survive,
 * and a table inside rich text becomes a GFM table. One service for the process: building it
 * registers every rule.
 */
const service = new TurndownService({
  headingStyle: 'atx',
  bulletListMarker: '-',
  codeBlockStyle: 'fenced',
  emDelimiter: '_',
  strongDelimiter: '**',
});
service.use(gfm);

export function htmlToMarkdown(html: string): string {
  return service.turndown(html).trim();
}

/** Markdown for plain text: the text with Markdown's special characters escaped. */
export function textToMarkdown(text: string): string {
  return service.escape(text);
}

/** A paragraph of its own between fragments; letters only, so turndown leaves it as it is. */
const SEPARATOR = 'RolepagesFragmentBoundaryQx7';

/**
 * Converts many rich-text fragments with one turndown call: turndown parses its input into a
 * DOM first, and one parse of the page's fragments costs a fraction of one parse per list item.
 * Each fragment sits in its own block, so its Markdown is what converting it alone gives; if the
 * boundaries do not come back intact, every fragment is converted alone. A fragment converted
 * before (a role's description is the same on every page that compares it) is not converted
 * again: see `converted`.
 */
export class MarkdownBatch {
  private readonly fragments: string[] = [];
  private readonly targets: Array<(markdown: string) => void> = [];

  add(html: string, target: (markdown: string) => void): void {
    const known = converted.get(html);
    if (known !== undefined) {
      target(known);
      return;
    }
    this.fragments.push(html);
    this.targets.push(target);
  }

  convert(): void {
    if (this.fragments.length === 0) return;
    const joined = this.fragments.map((f) => `<div>${f}</div>`).join(`<p>${SEPARATOR}</p>`);
    const parts = service.turndown(joined).split(SEPARATOR);
    const intact = parts.length === this.fragments.length;
    this.targets.forEach((target, i) => {
      const html = this.fragments[i]!;
      const markdown = intact ? parts[i]!.trim() : htmlToMarkdown(html);
      converted.set(html, markdown);
      target(markdown);
    });
  }
}

/**
 * The Markdown of fragments converted lately, by their HTML: pages of one role repeat its
 * description and list items word for word, and turndown builds a DOM of its own per call.
 * Bounded by the characters it holds (a few hundred roles' descriptions).
 */
const converted = new BoundedCache<string>(1_000_000, { costOf: (html, markdown) => html.length + markdown.length });
