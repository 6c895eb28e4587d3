/** A count with its noun, agreeing in number and with thousands grouped: "1 page", "2 pages", "1,200 captures". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? singular : pluralForm}`;
}
