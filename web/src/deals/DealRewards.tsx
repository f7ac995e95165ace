import { useState, type FormEvent } from 'react';
import { chinaDate } from '../../../src/shared/china-time.ts';
import { api } from '../api/index.js';
import type { Deal } from '../api/deal-types.js';
import { isApiError } from '../api/errors.js';
import type { InventorReward } from '../api/work-endpoints.js';
import { ErrorState, Loading } from '../components/states.js';
import { formatFen } from '../i18n/format.js';
import { useT } from '../i18n/I18nProvider.js';
import { useLive } from '../lib/useLive.js';

/**
 * The inventor rewards a public-institution seller owes on this deal (Law Arts. 44–45): one line per inventor and
 * payment, with its publicity period within the unit; the seller's members mark them paid, the bureau reads them.
 */
export function DealRewards({ deal }: { deal: Deal }) {
  const { t, date } = useT();
  const rewards = useLive((signal) => api.dealRewards(deal.id, signal), [deal.id, deal.version]);
  if (rewards.data === undefined) {
    if (rewards.status === 'loading') return <Loading minHeight="3rem" />;
    if (isApiError(rewards.error, 'NOT_FOUND')) return null;
    return <ErrorState error={rewards.error} onRetry={rewards.reload} minHeight="3rem" />;
  }
  const { items, totals } = rewards.data;
  if (items.length === 0) return <p className="muted">{t('rewards.none')}</p>;
  return (
    <>
      <p>{t('rewards.totals', { owed: formatFen(totals.owed), paid: formatFen(totals.paid) })}</p>
      <ul className="item-list">
        {items.map((r) => (
          <li key={`${r.id}:${r.status}`}>
            <strong>{r.inventorName}</strong> · {formatFen(r.amount)} ·{' '}
            {t('rewards.publicity', { from: date(r.publicFrom), until: date(r.publicUntil) })} ·{' '}
            {r.status === 'paid'
              ? t('rewards.paid', { on: r.paidOn ?? '', reference: r.reference ?? '' })
              : t('rewards.owed')}
            {r.status === 'owed' && deal.role === 'seller' && <PayForm reward={r} onPaid={rewards.reload} />}
          </li>
        ))}
      </ul>
    </>
  );
}

function PayForm({ reward, onPaid }: { reward: InventorReward; onPaid: () => void }) {
  const { t } = useT();
  const [paidOn, setPaidOn] = useState(chinaDate(new Date().toISOString()));
  const [reference, setReference] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!reference.trim()) return setError(t('form.required'));
    setSending(true);
    try {
      await api.payReward(reward.id, { paidOn, reference: reference.trim() });
      onPaid();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setSending(false);
    }
  };
  return (
    <form
      className="inline-form"
      aria-label={t('rewards.markPaidFor', { name: reward.inventorName })}
      onSubmit={submit}
    >
      <label>
        {t('rewards.paidOn')}
        <input type="date" value={paidOn} onChange={(e) => setPaidOn(e.target.value)} required />
      </label>
      <label>
        {t('rewards.reference')}
        <input type="text" maxLength={100} value={reference} onChange={(e) => setReference(e.target.value)} />
      </label>
      <button type="submit" className="button button-secondary" disabled={sending}>
        {t('rewards.markPaid')}
      </button>
      {error && (
        <span role="alert" className="field-error">
          {error}
        </span>
      )}
    </form>
  );
}
