// Search highlights arrive as HTML: the server escapes the stored text and adds <mark> around matches.
// Before the app puts that into innerHTML it checks again, trusting nothing but the exact <mark> and
// </mark> tags: every other '<' and '>' is escaped, so no element or attribute can survive.

const MARK_TAG = /(<\/?mark>)/i;

export function sanitizeHighlight(html: string): string {
  return (
    html
      .split(MARK_TAG)
      // split() with a capture group puts the matched tags at the odd indexes.
      .map((part, i) => (i % 2 === 1 ? part.toLowerCase() : part.replace(/</g, '&lt;').replace(/>/g, '&gt;')))
      .join('')
  );
}
