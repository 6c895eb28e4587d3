/**
 * Every value in the report comes from saved pages of a website, so none of it is trusted:
 * titles hold `&`, `/` and quotes, and a hostile page could hold markup. Everything written into
 * the HTML goes through one of these.
 */

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text for an element's content or a quoted attribute value. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}

/**
 * An href taken from data. Only web and relative page addresses survive; `javascript:` and
 * other schemes become null so the caller shows plain text instead of a link.
 */
export function safeHref(url: string | null): string | null {
  if (url === null) return null;
  const trimmed = url.trim();
  if (!/^https?:\/\//i.test(trimmed)) return null;
  return escapeHtml(trimmed);
}

/**
 * The id of a role's section. Role keys are already `[a-z0-9-]` by the key rule; anything else
 * is hex-encoded so a stray key can neither break the attribute nor collide with a clean one.
 */
export function roleAnchor(key: string): string {
  if (/^[a-z0-9-]+$/.test(key)) return `role-${key}`;
  return `role-x${Buffer.from(key, 'utf8').toString('hex')}`;
}

export function pageAnchor(pageId: number): string {
  return `page-${pageId}`;
}
