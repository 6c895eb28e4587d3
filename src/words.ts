/** A count with its noun, agreeing in number and with thousands grouped: "1 page", "2 pages", "1,200 captures". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? singular : pluralForm}`;
}

/** What a roles database holds, as `ingest` and the report both say it: "8 roles from 6 pages (14 captures); 0 conflicting fields". */
export function holdings(counts: { roles: number; pages: number; captures: number; conflictingFields: number }): string {
  const { roles, pages, captures, conflictingFields } = counts;
  return `${plural(roles, 'role')} from ${plural(pages, 'page')} (${plural(captures, 'capture')}); ${plural(conflictingFields, 'conflicting field')}`;
}

/** "3 pages (6 captures)", or "3 pages" when each page was saved once. */
export function pagesAndCaptures(pages: number, captures: number): string {
  return captures === pages ? plural(pages, 'page') : `${plural(pages, 'page')} (${plural(captures, 'capture')})`;
}
