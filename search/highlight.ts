/**
 * Highlights that are safe to render as HTML. Documents hold user text, which may itself contain `<script>` or
 * a literal `<mark>`. The engine is asked to wrap matches in two private-use characters instead of `<mark>`, so
 * that after escaping the whole text, the only tags that can appear are the ones put back here. A stray
 * private-use character in a document cannot unbalance the markup: tags are paired, extras are dropped.
 */
export const HIGHLIGHT_PRE_TAG = '\uE000';
export const HIGHLIGHT_POST_TAG = '\uE001';

export const LISTING_HIGHLIGHT_ATTRIBUTES = ['title', 'titleEn', 'summary', 'keywords'] as const;

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** Escapes `formatted` (a `_formatted` value from the engine) and turns its match markers into `<mark>` tags. */
export function markHighlights(formatted: string): string {
  let open = false;
  const out = escapeHtml(formatted).replace(/[\uE000\uE001]/g, (marker) => {
    if (marker === HIGHLIGHT_PRE_TAG && !open) {
      open = true;
      return '<mark>';
    }
    if (marker === HIGHLIGHT_POST_TAG && open) {
      open = false;
      return '</mark>';
    }
    return '';
  });
  return open ? `${out}</mark>` : out;
}

export type Highlight = Record<string, string | string[]>;

/**
 * The `_highlight` of a hit: for each highlighted attribute present in the engine's `_formatted`, its text with
 * matches wrapped in `<mark>` and everything else escaped. Non-text values are left out.
 */
export function toHighlight(
  formatted: Record<string, unknown> | undefined,
  attributes: readonly string[] = LISTING_HIGHLIGHT_ATTRIBUTES,
): Highlight {
  const highlight: Highlight = {};
  if (!formatted) return highlight;
  for (const attribute of attributes) {
    const value = formatted[attribute];
    if (typeof value === 'string') highlight[attribute] = markHighlights(value);
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string'))
      highlight[attribute] = value.map(markHighlights);
  }
  return highlight;
}
