/**
 * A readable difference between two JSON values, one line per differing path:
 * `roles[1].averageAge: expected 46, got 4`.
 */
export function diffJson(expected: unknown, actual: unknown, path = ''): string[] {
  if (Object.is(expected, actual)) return [];
  const bothArrays = Array.isArray(expected) && Array.isArray(actual);
  const bothObjects = isObject(expected) && isObject(actual);
  if (bothArrays) {
    const lines: string[] = [];
    const length = Math.max(expected.length, actual.length);
    for (let i = 0; i < length; i++) {
      const at = `${path}[${i}]`;
      if (i >= actual.length) lines.push(`${at}: expected ${show(expected[i])}, missing`);
      else if (i >= expected.length) lines.push(`${at}: unexpected ${show(actual[i])}`);
      else for (const line of diffJson(expected[i], actual[i], at)) lines.push(line);
    }
    return lines;
  }
  if (bothObjects) {
    const lines: string[] = [];
    for (const key of new Set([...Object.keys(expected), ...Object.keys(actual)])) {
      const at = path ? `${path}.${key}` : key;
      if (!(key in actual)) lines.push(`${at}: expected ${show(expected[key])}, missing`);
      else if (!(key in expected)) lines.push(`${at}: unexpected ${show(actual[key])}`);
      else for (const line of diffJson(expected[key], actual[key], at)) lines.push(line);
    }
    return lines;
  }
  const at = path || '(root)';
  if (typeof expected === 'string' && typeof actual === 'string' && (isCut(expected) || isCut(actual))) {
    return [stringDifference(at, expected, actual)];
  }
  return [`${at}: expected ${show(expected)}, got ${show(actual)}`];
}

/** Longer values are cut; for strings, around where they part. */
const SHOWN = 120;
/** Characters shown on each side of the first difference of two long strings. */
const AROUND = 40;

/**
 * Two long strings, shown from a little before the first character where they differ to a little
 * after it, on both sides, with that character's offset: a difference near the end of a long
 * description is visible, where the start of both would look the same.
 */
function stringDifference(at: string, expected: string, actual: string): string {
  let offset = 0;
  while (offset < expected.length && offset < actual.length && expected[offset] === actual[offset]) offset++;
  const from = Math.max(0, offset - AROUND);
  const window = (text: string): string => {
    const to = Math.min(text.length, offset + AROUND);
    return `${from > 0 ? '…' : ''}${JSON.stringify(text.slice(from, to))}${to < text.length ? '…' : ''}`;
  };
  const lengths = `${expected.length.toLocaleString('en-US')} characters expected, ${actual.length.toLocaleString('en-US')} got`;
  return `${at}: strings differ at offset ${offset.toLocaleString('en-US')} (${lengths}): expected ${window(expected)}, got ${window(actual)}`;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function show(v: unknown): string {
  const text = JSON.stringify(v) ?? 'undefined';
  return text.length > SHOWN ? `${text.slice(0, SHOWN - 3)}...` : text;
}

const isCut = (v: string): boolean => JSON.stringify(v).length > SHOWN;
