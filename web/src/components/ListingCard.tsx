import { Link } from 'react-router';
import type { DealForm, Field, SearchHit } from '../api/types.js';
import { formatFen } from '../i18n/format.js';
import { useT } from '../i18n/I18nProvider.js';
import { DEAL_FORM_LABELS, fieldLabel, labelOf } from '../i18n/labels.js';
import { titleIn } from '../public/titles.js';
import { Highlight } from './Highlight.js';

/** What a card shows of a listing: search hits, demand matches and a package's contents each carry part of it. */
export interface CardListing {
  id: string;
  title: string;
  titleEn?: string | null;
  summary: string;
  _highlight?: SearchHit['_highlight'];
  field?: Field;
  trl?: number;
  dealTypes?: DealForm[];
  organization?: { name: string };
  askingPrice?: number | null;
  publishedAt?: string | null;
}

const marked = (value: string | string[] | undefined) => (typeof value === 'string' ? value : undefined);

/** One technology in a list: search results, the home page's latest, a package's contents. */
export function ListingCard({ hit, headingLevel = 3 }: { hit: CardListing; headingLevel?: 2 | 3 }) {
  const { t, label, date, locale } = useT();
  // In the English UI the seller's English title, where there is one (it is not what the search highlighted).
  const english = titleIn(locale, hit) !== hit.title;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article className="card listing-card">
      <Heading className="card-title">
        <Link to={`/listings/${encodeURIComponent(hit.id)}`}>
          {english ? (
            <span lang="en">{hit.titleEn}</span>
          ) : (
            <Highlight html={marked(hit._highlight?.title)} text={hit.title} />
          )}
        </Link>
      </Heading>
      <Highlight as="p" className="card-summary" html={marked(hit._highlight?.summary)} text={hit.summary} />
      <ul className="tags" aria-label={t('listing.details')}>
        {hit.field && <li className="tag">{label(fieldLabel(hit.field))}</li>}
        {hit.trl !== undefined && <li className="tag tag-trl">{t('listing.trl', { trl: hit.trl })}</li>}
        {hit.dealTypes?.map((d) => (
          <li key={d} className="tag tag-deal">
            {label(labelOf(DEAL_FORM_LABELS, d))}
          </li>
        ))}
      </ul>
      <p className="card-meta">
        {hit.organization && <span>{hit.organization.name}</span>}
        {hit.askingPrice !== undefined && (
          <span>
            {t('listing.price')}: {hit.askingPrice === null ? t('listing.negotiable') : formatFen(hit.askingPrice)}
          </span>
        )}
        {hit.publishedAt && <time dateTime={hit.publishedAt}>{date(hit.publishedAt)}</time>}
      </p>
    </article>
  );
}
