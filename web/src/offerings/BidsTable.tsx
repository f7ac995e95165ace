import { useEffect, useRef, useState } from 'react';
import { formatFen } from '../i18n/format.js';
import { useT } from '../i18n/I18nProvider.js';
import { formatChinaDateTime } from './time.js';
import type { OfferingBid } from './types.js';

/**
 * Every bid, best first. Rows are keyed by their sequence number, so a poll that brings a new bid adds one row
 * and leaves the others as they are; a new best bid is highlighted and announced once. Bidders are numbers to
 * the public and names to the seller and the admin (the API decides which it sends).
 */
export function BidsTable({ bids, myBidderNo }: { bids: OfferingBid[]; myBidderNo: number | null }) {
  const { t, locale } = useT();
  const sorted = [...bids].sort((a, b) => b.seq - a.seq);
  const best = sorted[0];
  const seen = useRef<number | null>(best?.seq ?? null);
  const [fresh, setFresh] = useState<number | null>(null);
  useEffect(() => {
    if (best && seen.current !== best.seq) {
      seen.current = best.seq;
      setFresh(best.seq);
    }
  }, [best]);

  if (sorted.length === 0) return <p className="muted">{t('offerings.noBids')}</p>;
  return (
    <>
      <p className="visually-hidden" aria-live="polite">
        {fresh !== null && best ? t('offerings.newBest', { amount: formatFen(best.amount) }) : ''}
      </p>
      <table className="table offering-bids">
        <thead>
          <tr>
            <th scope="col">{t('offerings.bid.seq')}</th>
            <th scope="col">{t('offerings.bid.bidder')}</th>
            <th scope="col">{t('offerings.bid.amount')}</th>
            <th scope="col">{t('offerings.bid.at')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((bid) => (
            <tr key={bid.seq} className={bid.seq === fresh ? 'bid-new' : undefined} data-seq={bid.seq}>
              <td>{bid.seq}</td>
              <td>
                {bid.bidder ? bid.bidder.name : t('offerings.bidderNo', { n: bid.bidderNo })}
                {bid.bidderNo === myBidderNo && t('offerings.me')}
              </td>
              <td>
                {formatFen(bid.amount)}
                {bid === best && <span className="tag">{t('offerings.best')}</span>}
              </td>
              <td>{formatChinaDateTime(bid.at, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
