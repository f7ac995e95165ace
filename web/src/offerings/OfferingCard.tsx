import { Link } from 'react-router';
import { Facts } from '../components/Facts.js';
import { formatFen } from '../i18n/format.js';
import { useT } from '../i18n/I18nProvider.js';
import { DEAL_FORM_LABELS, labelOf } from '../i18n/labels.js';
import { LICENSE_TYPE_LABELS } from '../../../src/shared/deal.ts';
import { StatusTag } from './StatusTag.js';
import { formatChinaDateTime } from './time.js';
import type { OfferingSummary } from './types.js';

/** The form as the market reads it: a licence names its type (exclusive, sole, non-exclusive). */
export function useFormText() {
  const { label } = useT();
  return (o: Pick<OfferingSummary, 'form' | 'licenseType'>) =>
    `${label(labelOf(DEAL_FORM_LABELS, o.form))}${o.licenseType ? ` · ${label(LICENSE_TYPE_LABELS[o.licenseType])}` : ''}`;
}

/** One offering on the public list. */
export function OfferingCard({ offering: o }: { offering: OfferingSummary }) {
  const { t, locale } = useT();
  const formText = useFormText();
  const headingId = `offering-${o.id}`;
  return (
    <article className="card offering-card" aria-labelledby={headingId}>
      <div className="row-heading">
        <h2 id={headingId} className="card-title">
          <Link to={`/offerings/${encodeURIComponent(o.id)}`}>{o.listing.title}</Link>
        </h2>
        <StatusTag status={o.status} />
      </div>
      <Facts
        rows={[
          ['offerings.registrationNo', o.listing.registrationNo ?? '—'],
          ['offerings.seller', o.seller.name],
          ['offerings.form', formText(o)],
          ['offerings.basePrice', formatFen(o.basePrice)],
          ['offerings.deposit', formatFen(o.deposit)],
          ['offerings.increment', formatFen(o.increment)],
          ['offerings.endsAt', t('offerings.chinaTime', { time: formatChinaDateTime(o.endsAt, locale) })],
          ['offerings.registrationCount', t('offerings.registrationCountValue', { count: o.registrationCount })],
          ['offerings.bestBid', o.bestBid === null ? t('offerings.none') : formatFen(o.bestBid)],
          ['offerings.dealPrice', o.dealPrice === null ? null : formatFen(o.dealPrice)],
        ]}
      />
    </article>
  );
}
