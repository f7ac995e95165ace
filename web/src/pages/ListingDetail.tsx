import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../api/index.js';
import type { Listing } from '../api/types.js';
import { useAuth } from '../auth/AuthProvider.js';
import { MISSING_BY_ID, ResourceView } from '../components/ResourceView.js';
import { usePageTitle } from '../components/usePageTitle.js';
import { formatFen } from '../i18n/format.js';
import { useT } from '../i18n/I18nProvider.js';
import {
  CATEGORY_LABELS,
  DEAL_FORM_LABELS,
  FIELD_LABELS,
  FORM_LABELS,
  FUNDING_SOURCE_LABELS,
  IP_TYPE_LABELS,
  LEVEL_LABELS,
  STAGE_LABELS,
  labelOf,
  regionOf,
  trlLabel,
} from '../i18n/labels.js';
import type { MessageKey } from '../i18n/zh-CN.js';
import { useResource } from '../lib/useResource.js';
import { ListingAttachments } from '../public/ListingAttachments.js';
import { titleIn } from '../public/titles.js';
import { EMPTY_SEARCH, refine, toSearchParams } from '../search/searchState.js';
import { OpenDeal } from './OpenDeal.js';

/** The contact's phone and email come only to signed-in readers (the API leaves them out for anyone else). */
function Contact({ listing }: { listing: Listing }) {
  const { t } = useT();
  const { status, user } = useAuth();
  const contact = listing.contact;
  if (!contact) return null;
  const line = [contact.name, contact.phone, contact.email].filter(Boolean).join(' · ');
  if (user || status === 'loading') return <>{line}</>;
  return (
    <>
      {line}
      <br />
      <Link to={`/login?next=${encodeURIComponent(`/listings/${listing.id}`)}`}>{t('listing.contactSignIn')}</Link>
    </>
  );
}

function Facts({ listing }: { listing: Listing }) {
  const { t, label, date } = useT();
  const rows: Array<[MessageKey, ReactNode]> = [
    ['listing.organization', listing.organization.name],
    [
      'listing.field',
      <Link to={`/search?${toSearchParams(refine(EMPTY_SEARCH, { field: [listing.field] }))}`}>
        {label(FIELD_LABELS[listing.field])}
      </Link>,
    ],
    ['listing.category', label(labelOf(CATEGORY_LABELS, listing.category))],
    ['listing.form', label(labelOf(FORM_LABELS, listing.form))],
    ['listing.trlLabel', `${t('listing.trl', { trl: listing.trl })} · ${label(trlLabel(listing.trl))}`],
    ['listing.stage', label(labelOf(STAGE_LABELS, listing.stage))],
    ['listing.level', label(labelOf(LEVEL_LABELS, listing.level))],
    ['listing.ipType', label(labelOf(IP_TYPE_LABELS, listing.ipType))],
    ['listing.ipNumbers', listing.ipNumbers.join('、')],
    ['listing.dealTypes', listing.dealTypes.map((d) => label(labelOf(DEAL_FORM_LABELS, d))).join('、')],
    ['listing.price', listing.askingPrice === null ? t('listing.negotiable') : formatFen(listing.askingPrice)],
    ['listing.fundingSource', label(labelOf(FUNDING_SOURCE_LABELS, listing.fundingSource))],
    ['listing.region', listing.region && label(regionOf(listing.region) ?? { zh: listing.region, en: listing.region })],
    ['listing.inventors', listing.inventors.map((p) => (p.title ? `${p.name}（${p.title}）` : p.name)).join('、')],
    ['listing.contact', listing.contact && <Contact listing={listing} />],
    ['listing.registrationNo', listing.registrationNo],
    [
      'listing.publishedAt',
      listing.publishedAt && <time dateTime={listing.publishedAt}>{date(listing.publishedAt)}</time>,
    ],
  ];
  return (
    <dl className="facts">
      {rows
        .filter(([, value]) => value !== null && value !== '')
        .map(([key, value]) => (
          <div key={key} className="fact">
            <dt>{t(key)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}

function ListingView({ listing }: { listing: Listing }) {
  const { t, locale } = useT();
  const title = titleIn(locale, listing);
  // The title in the other language, where there is one, under the heading.
  const other = listing.titleEn ? (title === listing.title ? listing.titleEn : listing.title) : null;
  usePageTitle(title);
  return (
    <article className="container listing-detail">
      <header className="listing-header">
        <h1>{title}</h1>
        {other && (
          <p className="subtitle" lang={other === listing.titleEn ? 'en' : 'zh-CN'}>
            {other}
          </p>
        )}
      </header>
      <div className="detail-layout">
        <div className="detail-main">
          <section aria-labelledby="summary-heading">
            <h2 id="summary-heading">{t('listing.summary')}</h2>
            <p className="prose">{listing.summary}</p>
          </section>
          {listing.keywords.length > 0 && (
            <section aria-labelledby="keywords-heading">
              <h2 id="keywords-heading">{t('listing.keywords')}</h2>
              <ul className="tags">
                {listing.keywords.map((k) => (
                  <li key={k} className="tag">
                    {k}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {listing.description && (
            <section aria-labelledby="description-heading">
              <h2 id="description-heading">{t('listing.description')}</h2>
              <p className="prose">{listing.description}</p>
            </section>
          )}
          <ListingAttachments listingId={listing.id} files={listing.attachments} />
          {listing.confidentialDetails ? (
            <section className="confidential" aria-labelledby="confidential-heading">
              <h2 id="confidential-heading">{t('listing.confidential')}</h2>
              <p className="prose">{listing.confidentialDetails}</p>
            </section>
          ) : (
            listing.ndaRequired && <p className="notice">{t('listing.confidentialLocked')}</p>
          )}
        </div>
        <aside className="detail-side">
          <section aria-labelledby="facts-heading" className="card">
            <h2 id="facts-heading">{t('listing.details')}</h2>
            <Facts listing={listing} />
          </section>
          {listing.status === 'published' && <OpenDeal listing={listing} />}
        </aside>
      </div>
    </article>
  );
}

export default function ListingDetail() {
  const { id = '' } = useParams();
  const { t } = useT();
  const listing = useResource((signal) => api.getListing(id, signal), [id]);
  return (
    <ResourceView missingCodes={MISSING_BY_ID} resource={listing} minHeight="40vh" empty={t('listing.notFound')}>
      {(data) => <ListingView listing={data} />}
    </ResourceView>
  );
}
