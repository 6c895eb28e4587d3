/** "1 page", "2 pages", "1,200 captures": a count with its noun, in English. */
export function plural(n: number, noun: string, nouns = `${noun}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? noun : nouns}`;
}
