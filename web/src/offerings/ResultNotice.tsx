import { useState } from 'react';
import { Link } from 'react-router';
import { isApiError } from '../api/errors.js';
import { api } from '../api/index.js';
import { formatFen } from '../i18n/format.js';
import { useT } from '../i18n/I18nProvider.js';
import { saveBlob } from '../lib/download.js';
import { formatChinaDateTime } from './time.js';
import type { OfferingView } from './types.js';

/**
 * Whether the caller is on the winning side: the seller's members and the admin (they alone receive the
 * registrations), or the buyer whose bid is the best — or, with no bidding round, the only registered buyer.
 */
export function seesDeal(o: OfferingView): boolean {
  if (o.status !== 'sold') return false;
  if (o.registrations !== null) return true;
  const mine = o.myRegistration;
  if (!mine) return false;
  const best = [...o.bids].sort((a, b) => b.seq - a.seq)[0];
  return best ? best.bidderNo === mine.bidderNo : o.registrationCount === 1;
}

/** The public result notice (成交公告), and for the parties the 成交确认书 PDF and the way into the deal. */
export function ResultNotice({ offering: o }: { offering: OfferingView }) {
  const { t, locale } = useT();
  const [error, setError] = useState<string | null>(null);
  const r = o.result;
  if (!r) return null;
  const at = formatChinaDateTime(r.at, locale);
  const dealId = r.dealId ?? o.dealId;
  const download = async () => {
    setError(null);
    try {
      saveBlob(await api.offeringConfirmation(o.id), `confirmation-${o.id}.pdf`);
    } catch (err) {
      setError(isApiError(err) ? err.detail : t('state.error'));
    }
  };
  return (
    <section className="card offering-section offering-result" aria-labelledby="offering-result">
      <h2 id="offering-result">{t('offerings.result')}</h2>
      <p>
        {r.outcome === 'sold'
          ? t('offerings.result.sold', {
              price: r.price === null ? '—' : formatFen(r.price),
              buyer: r.buyer?.name ?? '—',
              at,
            })
          : r.outcome === 'lapsed'
            ? t('offerings.result.lapsed', { at })
            : t('offerings.result.cancelled', { at, reason: r.reason ?? '' })}
      </p>
      {seesDeal(o) && (
        <div className="form-actions">
          <button type="button" className="button button-secondary" onClick={() => void download()}>
            {t('offerings.confirmation')}
          </button>
          {dealId && (
            <Link className="button" to={`/deals/${encodeURIComponent(dealId)}`}>
              {t('offerings.toDeal')}
            </Link>
          )}
        </div>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
