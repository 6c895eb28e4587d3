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
  return [`${path || '(root)'}: expected ${show(expected)}, got ${show(actual)}`];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function show(v: unknown): string {
  const text = JSON.stringify(v) ?? 'undefined';
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
