import { Link, useParams } from 'react-router';
import { isApiError } from '../api/errors.js';
import { Empty, ErrorState, Loading } from '../components/states.js';
import { usePageTitle } from '../components/usePageTitle.js';
import { formatFen } from '../i18n/format.js';
import { useT } from '../i18n/I18nProvider.js';
import { BidsTable } from '../offerings/BidsTable.js';
import { BuyerPanel } from '../offerings/BuyerPanel.js';
import { Countdown } from '../offerings/Countdown.js';
import { OfferingFacts } from '../offerings/OfferingFacts.js';
import { ResultNotice } from '../offerings/ResultNotice.js';
import { SellerPanel } from '../offerings/SellerPanel.js';
import { StatusTag } from '../offerings/StatusTag.js';
import { formatChinaDateTime } from '../offerings/time.js';
import { useLiveOffering } from '../offerings/useLiveOffering.js';
import type { OfferingView } from '../offerings/types.js';
import '../offerings/offerings.css';

/** Status, countdown and the round's end as it moves on late bids. */
function LiveStatus({ offering: o, skewMs }: { offering: OfferingView; skewMs: number }) {
  const { t, locale } = useT();
  const round = o.round;
  return (
    <div className="offering-status" aria-live="off">
      <p>
        <StatusTag status={o.status} />{' '}
        {(o.status === 'bidding' || o.status === 'listed') && (
          <span className="muted offering-live">{t('offerings.live')}</span>
        )}
      </p>
      {o.status === 'listed' && <Countdown endsAt={o.endsAt} skewMs={skewMs} label="offerings.countdown.toEnd" />}
      {o.status === 'bidding' && round && (
        <>
          <Countdown endsAt={round.endsAt} skewMs={skewMs} label="offerings.countdown.toRoundEnd" />
          {round.extensions > 0 && (
            <p className="notice notice-warning" role="status">
              {t('offerings.extended', {
                count: round.extensions,
                time: formatChinaDateTime(round.endsAt, locale),
              })}
            </p>
          )}
        </>
      )}
      {o.bestBid !== null && (
        <p>
          {t('offerings.bestBid')}: <strong className="offering-best">{formatFen(o.bestBid)}</strong>
        </p>
      )}
    </div>
  );
}

/** One offering (挂牌项目): public facts, the live bidding round, and each caller's own actions. */
export default function Offering() {
  const { id = '' } = useParams();
  const { t } = useT();
  const live = useLiveOffering(id);
  const o = live.data;
  usePageTitle(o?.listing.title ?? t('offerings.title'));

  if (!o) {
    if (isApiError(live.error, 'NOT_FOUND') || isApiError(live.error, 'VALIDATION_FAILED'))
      return (
        <div className="container">
          <Empty minHeight="20rem" />
        </div>
      );
    return (
      <div className="container">
        {live.error ? (
          <ErrorState error={live.error} onRetry={() => void live.refresh()} minHeight="20rem" />
        ) : (
          <Loading minHeight="20rem" />
        )}
      </div>
    );
  }
  return (
    <div className="container offering-page">
      <p>
        <Link to="/offerings">{t('offerings.title')}</Link>
      </p>
      <h1>
        <Link to={`/listings/${encodeURIComponent(o.listing.id)}`}>{o.listing.title}</Link>
      </h1>
      <LiveStatus offering={o} skewMs={live.skewMs} />
      <ResultNotice offering={o} />
      <BuyerPanel offering={o} refresh={live.refresh} />
      <section className="offering-section" aria-labelledby="offering-bids">
        <h2 id="offering-bids">{t('offerings.bids')}</h2>
        <BidsTable bids={o.bids} myBidderNo={o.myRegistration?.bidderNo ?? null} />
      </section>
      {o.registrations !== null && <SellerPanel offering={o} refresh={live.refresh} set={live.set} />}
      <OfferingFacts offering={o} />
    </div>
  );
}
