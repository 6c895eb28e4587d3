import TurndownService from 'turndown';
import { gfm } from 'turndown-plugin-gfm';

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
      // Used again: moved to the end, the last to be forgotten.
      converted.delete(html);
      converted.set(html, known);
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
      remember(html, markdown);
      target(markdown);
    });
  }
}

/**
 * The Markdown of fragments converted lately, by their HTML: pages of one role repeat its
 * description and list items word for word, and turndown (a DOM of its own per call) is a tenth
 * of a served page's extraction. Bounded by the characters it holds (some 2 MB of heap a
 * worker: a few hundred roles' descriptions), least recently used first out.
 */
const converted = new Map<string, string>();
const MAX_REMEMBERED_CHARS = 1_000_000;
let rememberedChars = 0;

function remember(html: string, markdown: string): void {
  const size = html.length + markdown.length;
  // A fragment larger than a tenth of the whole is rare, and would push out many common ones.
  if (size > MAX_REMEMBERED_CHARS / 10 || converted.has(html)) return;
  while (rememberedChars + size > MAX_REMEMBERED_CHARS) {
    const [oldest, itsMarkdown] = converted.entries().next().value!;
    converted.delete(oldest);
    rememberedChars -= oldest.length + itsMarkdown.length;
  }
  converted.set(html, markdown);
  rememberedChars += size;
}
