import { paragraphsOf } from './prose.js';

/** A long text (a policy, a case's story) as readable paragraphs, article numbers set in bold. */
export function Prose({ body }: { body: string }) {
  return (
    <div className="long-text">
      {paragraphsOf(body).map((p, i) => (
        <p key={i}>
          {p.article && <strong className="article-no">{p.article}</strong>}
          {p.text}
        </p>
      ))}
    </div>
  );
}
