import { api } from '../api/index.js';
import { ListingCard } from '../components/ListingCard.js';
import { ResourceView } from '../components/ResourceView.js';
import { useT } from '../i18n/I18nProvider.js';
import { MATCH_REASON_LABELS, labelOf } from '../i18n/labels.js';
import { useResource } from '../lib/useResource.js';

/** Published listings ranked against a demand, each with its score, the reasons it ranks and the words it matched. */
export function Matches({ demandId }: { demandId: string }) {
  const { t, label, locale } = useT();
  const matches = useResource((signal) => api.demandMatches(demandId, signal), [demandId]);
  const score = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  return (
    <section className="section" aria-labelledby="matches-heading">
      <h2 id="matches-heading">{t('demands.matches')}</h2>
      <ResourceView resource={matches} minHeight="12rem" isEmpty={(m) => m.items.length === 0}>
        {(m) => (
          <ol className="result-list">
            {m.items.map((match) => (
              <li key={match.listing.id}>
                <p className="score">
                  {t('demands.score', { score: score.format(match.score) })}
                  {match.reasons.map((r) => (
                    <span key={r} className="tag">
                      {label(labelOf(MATCH_REASON_LABELS, r))}
                    </span>
                  ))}
                </p>
                {match.matchedWords.length > 0 && (
                  <p className="card-meta">
                    {t('demands.matchedWords', { words: match.matchedWords.join(locale === 'en' ? ', ' : '、') })}
                  </p>
                )}
                <ListingCard hit={match.listing} />
              </li>
            ))}
          </ol>
        )}
      </ResourceView>
    </section>
  );
}
