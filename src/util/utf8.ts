/**
 * The UTF-8 character that starts at `bytes[i]`: its length and whether it is well formed. An
 * ill-formed one is its maximal ill-formed part, the bytes a UTF-8 decoder turns into one U+FFFD
 * (a lead byte and the continuation bytes that fit it).
 */
export function utf8CharAt(bytes: Uint8Array, i: number): { length: number; wellFormed: boolean } {
  const lead = bytes[i]!;
  if (lead < 0x80) return { length: 1, wellFormed: true };
  const [length, low, high] = sequenceOf(lead);
  let taken = 1;
  // The second byte has the narrower range that rules out overlong forms and surrogates.
  while (taken < length) {
    const b = bytes[i + taken];
    if (b === undefined || b < (taken === 1 ? low : 0x80) || b > (taken === 1 ? high : 0xbf)) break;
    taken++;
  }
  return { length: taken, wellFormed: length > 0 && taken === length };
}

/** A lead byte's sequence length and the range of the byte after it (length 0: no sequence starts with it). */
function sequenceOf(lead: number): [length: number, low: number, high: number] {
  if (lead >= 0xc2 && lead <= 0xdf) return [2, 0x80, 0xbf];
  if (lead === 0xe0) return [3, 0xa0, 0xbf];
  if (lead === 0xed) return [3, 0x80, 0x9f];
  if (lead >= 0xe1 && lead <= 0xef) return [3, 0x80, 0xbf];
  if (lead === 0xf0) return [4, 0x90, 0xbf];
  if (lead >= 0xf1 && lead <= 0xf3) return [4, 0x80, 0xbf];
  if (lead === 0xf4) return [4, 0x80, 0x8f];
  return [0, 0, 0];
}
