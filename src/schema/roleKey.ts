/**
 * The key of a role: its title lowercased, runs of anything but letters and digits turned into
 * `-`, trimmed (`Collections/Accounts Receivable` → `collections-accounts-receivable`). Letters
 * of every script are kept (`Медсестра` → `медсестра`), and two titles that look the same get
 * the same key: compatibility forms are folded and invisible characters dropped first. Symbols
 * that name something are spelled out, so that titles differing only by them keep distinct
 * keys: `C++ Developer` → `c-plus-plus-developer`, `C# Developer` → `c-sharp-developer`,
 * `.NET Developer` → `dot-net-developer` (see `spellSymbols`).
 */
export function roleKey(title: string): string {
  return nameWords(title).replaceAll(' ', '-');
}

/**
 * A name or passage reduced as keys are made, with single spaces between its words: how the
 * prose's names for a role are compared with its title.
 */
export function nameWords(text: string): string {
  // For ASCII every step but these leaves the text as it is, and most text is ASCII.
  if (ASCII.test(text)) return spellSymbols(text.toLowerCase()).replace(/[^a-z0-9]+/g, ' ').trim();
  return spellSymbols(text.normalize('NFKC').replace(INVISIBLE, '').toLowerCase())
    .normalize('NFD')
    // "Café" keys as "cafe", as an address would spell it; marks on other scripts are their letters'.
    .replace(LATIN_MARKS, '$1')
    .normalize('NFC')
    .replace(NOT_KEPT, ' ')
    .trim();
}

/**
 * The symbols that are part of a name, spelled out: `+` right after a letter or digit (`C++`,
 * `A+`), `#` right after a letter (`C#`, `F#`) and a dot that opens a word (`.NET`).
 * Elsewhere they separate words like any punctuation: `&` joins words (`R&D Engineer` →
 * `r-d-engineer`, `A&P Mechanic` → `a-p-mechanic`, as `A & P Mechanic`), `#2` is a number and
 * `ASP.NET` or `Node.js` a dotted name (`asp-net`, `node-js`).
 */
export function spellSymbols(lowercased: string): string {
  if (!MAYBE_SYMBOL.test(lowercased)) return lowercased;
  return lowercased
    .replace(PLUSES, (run) => `${' plus'.repeat(run.length)} `)
    .replace(SHARP, ' sharp ')
    .replace(OPENING_DOT, ' dot ');
}

const MAYBE_SYMBOL = /[+#.]/;
const PLUSES = /(?<=[\p{L}\p{N}])\++(?![\p{L}\p{N}])/gu;
const SHARP = /(?<=\p{L})#(?![\p{L}\p{N}])/gu;
const OPENING_DOT = /(?<![\p{L}\p{N}\p{M}.])\.(?=\p{L})/gu;

const ASCII = /^[\x00-\x7f]*$/;
/** Characters that take no room on screen: format controls (zero-width space, bidi marks, soft hyphen) and the like. */
const INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;
const LATIN_MARKS = /(\p{Script=Latin})\p{M}+/gu;
const NOT_KEPT = /[^\p{L}\p{M}\p{N}]+/gu;

/** What `roleKey` gives: letters (with their marks) and digits of any script, in runs joined by `-`. */
export const ROLE_KEY_PATTERN = /^[\p{L}\p{M}\p{N}]+(?:-[\p{L}\p{M}\p{N}]+)*$/u;
