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
