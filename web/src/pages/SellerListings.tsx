import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { isApiError } from '../api/errors.js';
import { api } from '../api/index.js';
import type { ListingStatus, ListingSummary } from '../api/types.js';
import { RequireRole } from '../auth/RequireRole.js';
import { CursorListView } from '../components/CursorListView.js';
import { StatusChip } from '../components/StatusChip.js';
import { usePageTitle } from '../components/usePageTitle.js';
import { DealList } from '../deals/DealList.js';
import { formatFen } from '../i18n/format.js';
import { useT } from '../i18n/I18nProvider.js';
import { LISTING_STATUS_LABELS, LISTING_STATUS_TONES, fieldLabel } from '../i18n/labels.js';
import { useCursorList } from '../lib/useCursorList.js';

const EDITABLE: ListingStatus[] = ['draft', 'rejected'];

function ListingRow({ item, onChanged }: { item: ListingSummary; onChanged(next: ListingSummary): void }) {
  const { t, label, date } = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = encodeURIComponent(item.id);

  const act = async (action: 'submit' | 'withdraw') => {
    if (action === 'withdraw' && !window.confirm(t('seller.confirmWithdraw', { title: item.title }))) return;
    setBusy(true);
    setError(null);
    try {
      const next = action === 'submit' ? await api.submitListing(item.id) : await api.withdrawListing(item.id);
      onChanged({
        ...item,
        status: next.status,
        registrationNo: next.registrationNo,
        publishedAt: next.publishedAt,
        updatedAt: next.updatedAt,
      });
    } catch (err) {
      setError(isApiError(err) ? err.detail : t('state.error'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <article className="card listing-row">
      <div className="row-heading">
        <h3 className="card-title">
          <Link to={`/listings/${id}`}>{item.title}</Link>
        </h3>
        <StatusChip label={LISTING_STATUS_LABELS[item.status]} tone={LISTING_STATUS_TONES[item.status]} />
      </div>
      <p className="card-meta">
        <span>{label(fieldLabel(item.field))}</span>
        <span>{t('listing.trl', { trl: item.trl })}</span>
        <span>
          {t('listing.price')}: {item.askingPrice === null ? t('listing.negotiable') : formatFen(item.askingPrice)}
        </span>
        {item.registrationNo && (
          <span>
            {t('listing.registrationNo')}: {item.registrationNo}
          </span>
        )}
        <span>
          {t('seller.updatedAt')}: <time dateTime={item.updatedAt}>{date(item.updatedAt)}</time>
        </span>
      </p>
      {item.status === 'rejected' && item.rejectionReason && (
        <div className="notice notice-warning">
          <strong>{t('seller.reviewFeedback')}</strong> <span className="prose">{item.rejectionReason}</span>
        </div>
      )}
      {item.status === 'submitted' && <p className="muted">{t('seller.awaitingReview')}</p>}
      <div className="row-actions">
        {EDITABLE.includes(item.status) && (
          <Link className="button button-secondary" to={`/seller/listings/${id}/edit`}>
            {t('common.edit')}
          </Link>
        )}
        {EDITABLE.includes(item.status) && (
          <button type="button" className="button" disabled={busy} onClick={() => void act('submit')}>
            {t('seller.submit')}
          </button>
        )}
        {item.status === 'published' && (
          <Link className="button button-secondary" to={`/seller/offerings/new?listingId=${id}`}>
            {t('offerings.new.fromListing')}
          </Link>
        )}
        {item.status !== 'withdrawn' && (
          <button type="button" className="button button-quiet" disabled={busy} onClick={() => void act('withdraw')}>
            {t('seller.withdraw')}
          </button>
        )}
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </article>
  );
}

function MyListings() {
  const list = useCursorList((cursor, signal) => api.myListings({ limit: 20, cursor }, signal));
  // Rows change in place after submit/withdraw, without reloading the whole list.
  const [changed, setChanged] = useState<Record<string, ListingSummary>>({});
  const view = { ...list, items: list.items.map((i) => changed[i.id] ?? i) };
  return (
    <CursorListView list={view} minHeight="12rem">
      {(item) => <ListingRow item={item} onChanged={(next) => setChanged((c) => ({ ...c, [next.id]: next }))} />}
    </CursorListView>
  );
}

export default function SellerListings() {
  const { t } = useT();
  usePageTitle(t('seller.title'));
  const state = useLocation().state as { flash?: string; title?: string } | null;
  return (
    <div className="container">
      <div className="section-heading">
        <h1>{t('seller.title')}</h1>
        <Link className="button" to="/seller/listings/new">
          {t('seller.new')}
        </Link>
      </div>
      {state?.flash === 'submitted' && (
        <p className="notice" role="status">
          {t('seller.submittedFlash', { title: state.title ?? '' })}
        </p>
      )}
      <RequireRole roles={['seller']}>
        {() => (
          <>
            <section className="section" aria-labelledby="my-listings">
              <h2 id="my-listings">{t('seller.listings')}</h2>
              <MyListings />
            </section>
            <section className="section" aria-labelledby="incoming-deals">
              <div className="section-heading">
                <h2 id="incoming-deals">{t('seller.incomingDeals')}</h2>
                <Link to="/deals">{t('home.viewAll')}</Link>
              </div>
              <DealList limit={5} empty={t('deals.none')} />
            </section>
          </>
        )}
      </RequireRole>
    </div>
  );
}
