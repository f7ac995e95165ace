import { Link } from 'react-router';
import type { DealTerms } from '../api/deal-types.js';
import { Facts } from '../components/Facts.js';
import { TermsView } from '../deals/TermsView.js';
import { formatFen } from '../i18n/format.js';
import { useT } from '../i18n/I18nProvider.js';
import { PRICING_BASIS_LABELS } from '../../../src/shared/deal.ts';
import { useFormText } from './OfferingCard.js';
import { formatChinaDateTime } from './time.js';
import type { OfferingView } from './types.js';

/** What the offering publishes: result, seller, form, base price with its basis, period, deposit and terms. */
export function OfferingFacts({ offering: o }: { offering: OfferingView }) {
  const { t, label, locale } = useT();
  const formText = useFormText();
  const time = (iso: string) => formatChinaDateTime(iso, locale);
  return (
    <>
      <Facts
        rows={[
          ['offerings.registrationNo', o.listing.registrationNo ?? '—'],
          ['offerings.seller', o.seller.name],
          ['offerings.form', formText(o)],
          ['offerings.basePrice', formatFen(o.basePrice)],
          ['offerings.basis', `${label(PRICING_BASIS_LABELS[o.basis.kind])} ${o.basis.reference}`],
          [
            'offerings.listingPeriod',
            t('offerings.chinaTime', {
              time: t('offerings.periodValue', { start: time(o.startsAt), end: time(o.endsAt) }),
            }) + ` · ${t('offerings.listingDays', { days: o.listingDays })}`,
          ],
          ['offerings.deposit', formatFen(o.deposit)],
          ['offerings.increment', formatFen(o.increment)],
          ['offerings.registrationCount', t('offerings.registrationCountValue', { count: o.registrationCount })],
          [
            'offerings.relistedFrom',
            o.relistedFrom && <Link to={`/offerings/${encodeURIComponent(o.relistedFrom)}`}>{o.relistedFrom}</Link>,
          ],
        ]}
      />
      <section className="offering-section" aria-labelledby="offering-terms">
        <h2 id="offering-terms">{t('offerings.terms')}</h2>
        <TermsView terms={o.terms as DealTerms} />
        {o.form === 'transfer' && <p className="muted">{t('offerings.new.transferTerms')}</p>}
      </section>
    </>
  );
}
