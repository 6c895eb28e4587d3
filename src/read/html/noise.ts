import { BoundedCache } from '../../util/boundedCache.js';

/**
 * What a reader of the page's article never sees: page chrome (navigation, banners, footers),
 * code, and the cookie/consent and advertising boxes served around the article. Decided from
 * tag names and from the words of role, aria-label, class and id, never from one class name.
 */

/** Elements that hold no readable page text whatever their context. */
const ALWAYS_DROPPED = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas',
  'video', 'audio', 'map', 'select', 'input', 'textarea', 'dialog', 'head', 'title', 'meta', 'link', 'base',
]);

/** Page chrome by tag, whatever its context; dropped unless it holds the article (see `isChromeCandidate`). */
const CHROME_TAGS = new Set(['nav', 'aside']);

/** `header`/`footer` are page chrome only outside sectioning content (the ARIA banner rule). */
const SECTIONING = new Set(['article', 'aside', 'main', 'nav', 'section']);

const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'dialog', 'alertdialog']);

/** Words of class/id/aria-label that mark consent boxes and ads. */
const NOISE_WORDS = new Set([
  'cookie', 'cookies', 'consent', 'gdpr', 'ccpa', 'banner', 'advert', 'adverts', 'advertisement',
  'advertising', 'ad', 'ads', 'adsbygoogle', 'adslot', 'adunit', 'adsense', 'dfp', 'sponsored',
  'sponsor', 'promo', 'promoted', 'popup', 'newsletter', 'taboola', 'outbrain',
]);

/** Whole class names that hide text from sighted readers. */
const INVISIBLE_CLASSES = new Set(['sr-only', 'visually-hidden', 'visuallyhidden', 'screen-reader-text', 'screen-reader-only']);

/** Splits `adSlot`, `ad-slot_top`, `CookieBanner2` into lowercase words. */
export function wordsOf(value: string): string[] {
  return value
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

/**
 * A served page repeats a few class names on hundreds of elements (every link of a menu), and
 * pages of a site share them: each distinct short value is decided once.
 */
const noiseOf = new BoundedCache<boolean>(20_000, { longestKey: 200 });
const invisibleOf = new BoundedCache<boolean>(20_000, { longestKey: 200 });

function hasNoiseWord(value: string | undefined): boolean {
  if (!value) return false;
  return noiseOf.remember(value, (v) => {
    // Class lists are short; a page-sized attribute is not a class list worth reading.
    const words = wordsOf(v.length > 2000 ? v.slice(0, 2000) : v);
    return words.some((w) => NOISE_WORDS.has(w));
  });
}

function hasInvisibleClass(cls: string): boolean {
  return invisibleOf.remember(cls, (v) => v.split(/\s+/).some((c) => INVISIBLE_CLASSES.has(c.toLowerCase())));
}

/** Whether nothing inside an element of this tag is ever read, so the parser need build none of it. */
export function hasUnreadContent(tag: string): boolean {
  return ALWAYS_DROPPED.has(tag);
}

function isInvisible(a: Record<string, string>): boolean {
  if (a['hidden'] !== undefined) return true;
  if (a['aria-hidden']?.trim().toLowerCase() === 'true') return true;
  const style = a['style'];
  if (style && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b/i.test(style.slice(0, 2000))) return true;
  const cls = a['class'];
  return cls ? hasInvisibleClass(cls) : false;
}

/**
 * Whether the element looks like chrome, a consent box or an ad. The caller still keeps it when
 * it holds the article (an `h1`, `main` or `article` inside), so a "hero-banner" around the
 * title or an ad class on a wrapper never costs the page its content.
 */
export function isChromeCandidate(name: string, a: Record<string, string>, insideSectioning: boolean): boolean {
  if (name === 'html' || name === 'body' || name === 'main' || name === 'article') return false;
  if (CHROME_TAGS.has(name) || ((name === 'header' || name === 'footer') && !insideSectioning)) return true;
  const role = a['role']?.trim().toLowerCase();
  if (role && CHROME_ROLES.has(role)) return true;
  if (a['aria-modal']?.trim().toLowerCase() === 'true') return true;
  if (hasNoiseWord(a['class']) || hasNoiseWord(a['id']) || hasNoiseWord(a['aria-label'])) return true;
  for (const attr in a) if (attr === 'data-ad' || attr.startsWith('data-ad-')) return true;
  return isInvisible(a);
}

/** Tags that make an element the article, which chrome around it must never hide. */
const ARTICLE_TAGS = new Set(['h1', 'main', 'article']);

/** Whether an element is (part of) the article: an `h1`, `main`, `article` or `role="main"`. */
export function isArticleMarker(name: string, attribs: Record<string, string>): boolean {
  return ARTICLE_TAGS.has(name) || attribs['role'] === 'main';
}

export function isSectioning(name: string): boolean {
  return SECTIONING.has(name);
}
