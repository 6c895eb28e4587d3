/**
 * Contents of collapsed sections that travel as one JSON array instead of as HTML. A browser
 * parses one long string far faster than the hundreds of thousands of elements a large report's
 * sections make; the inline script turns a section's entry into HTML when it is opened.
 */
export class DeferredBodies {
  private readonly bodies: string[] = [];

  /** Keeps `html` for later; returns the attribute that ties the section to it. */
  add(html: string): string {
    this.bodies.push(html);
    return ` data-body="${this.bodies.length - 1}"`;
  }

  get size(): number {
    return this.bodies.length;
  }

  /** The script element holding every kept body; empty when nothing was deferred. */
  script(): string {
    if (this.bodies.length === 0) return '';
    return `<script type="application/json" id="deferred-bodies">${scriptSafeJson(this.bodies)}</script>`;
  }
}

/**
 * JSON that cannot end its script element early: `</` becomes `<\/` and `<!--` becomes
 * `\u003c!--` (both still the same JSON). Escaping only these keeps the payload near its raw size,
 * where escaping every "<" would add a fifth to it.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/<\//g, '<\\/').replace(/<!--/g, '\\u003c!--');
}
