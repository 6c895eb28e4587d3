/** Stored JSON text (`observations.value`, `conflicts.value`, `roles.top_skills`) as its value; text that is not JSON stays as it is. */
export function jsonCell(text: unknown): unknown {
  if (typeof text !== 'string') return text ?? null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
