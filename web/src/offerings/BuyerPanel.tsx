import { useState } from 'react';
import { Link } from 'react-router';
import { isApiError } from '../api/errors.js';
import { api } from '../api/index.js';
import { useAuth } from '../auth/AuthProvider.js';
import { formatFen } from '../i18n/format.js';
import { useT } from '../i18n/I18nProvider.js';
import { BidForm } from './BidForm.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import { formatChinaDateTime } from './time.js';
import type { OfferingView, Registration } from './types.js';

/** The caller's own registration: bidder number and where the deposit stands. */
export function MyRegistration({ registration: r }: { registration: Registration }) {
  const { t, locale } = useT();
  return (
    <div className="notice">
      <p>
        <strong>{t('offerings.registered', { n: r.bidderNo })}</strong>
      </p>
      <p>
        {r.refundDue
          ? t('offerings.deposit.refundDue')
          : r.depositReceivedAt
            ? t('offerings.deposit.received', {
                at: formatChinaDateTime(r.depositReceivedAt, locale),
                ref: r.depositReference ?? '—',
              })
            : t('offerings.deposit.pending')}
      </p>
    </div>
  );
}

/**
 * What an intended buyer does on the offering page: register while listed (after confirming the deposit owed
 * to the seller, paid offline), then bid while the round runs once the seller has recorded the deposit.
 */
export function BuyerPanel({
  offering,
  refresh,
}: {
  offering: OfferingView;
  refresh(): Promise<OfferingView | undefined>;
}) {
  const { t } = useT();
  const { status, user } = useAuth();
  const [asking, setAsking] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const mine = offering.myRegistration;

  const register = async () => {
    setSending(true);
    setError(null);
    try {
      await api.registerForOffering(offering.id);
      setAsking(false);
      await refresh();
    } catch (err) {
      setAsking(false);
      setError(isApiError(err) ? err.detail : t('state.error'));
    } finally {
      setSending(false);
    }
  };

  if (mine)
    return (
      <section className="offering-section" aria-label={t('offerings.register')}>
        <MyRegistration registration={mine} />
        {offering.status === 'bidding' && mine.depositReceivedAt && !mine.refundDue && (
          <BidForm offering={offering} refresh={refresh} />
        )}
      </section>
    );
  if (offering.status !== 'listed') return null;
  if (status !== 'authenticated')
    return (
      <p className="muted">
        <Link to={`/login?next=${encodeURIComponent(`/offerings/${offering.id}`)}`}>{t('account.login')}</Link>{' '}
        {t('offerings.registerLogin')}
      </p>
    );
  if (user?.role !== 'buyer') return null;
  return (
    <section className="offering-section" aria-label={t('offerings.register')}>
      <button type="button" className="button" onClick={() => setAsking(true)}>
        {t('offerings.register')}
      </button>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {asking && (
        <ConfirmDialog
          title={t('offerings.registerConfirm')}
          sending={sending}
          onConfirm={() => void register()}
          onCancel={() => setAsking(false)}
        >
          <p>{t('offerings.registerTerms', { deposit: formatFen(offering.deposit) })}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
