import { sanitizeHighlight } from '../lib/highlight.js';

/**
 * Text with the search engine's <mark> highlights. The only place the app renders HTML it did not build:
 * the string is re-sanitised so that nothing but <mark> can reach the DOM.
 */
export function Highlight({
  html,
  text,
  as: Tag = 'span',
  className,
}: {
  html: string | undefined;
  text: string;
  as?: 'span' | 'p';
  className?: string;
}) {
  if (!html) return <Tag className={className}>{text}</Tag>;
  return <Tag className={className} dangerouslySetInnerHTML={{ __html: sanitizeHighlight(html) }} />;
}
