import { useState } from 'react';
import { isApiError } from '../api/errors.js';
import { api } from '../api/index.js';
import type { Invoice, PaymentAdvice } from '../api/types.js';
import { StatusChip } from '../components/StatusChip.js';
import { formatFen } from '../i18n/format.js';
import { useT } from '../i18n/I18nProvider.js';
import { saveBlob } from '../lib/download.js';
import { groupAccountNumber } from '../../../src/shared/billing.ts';
import { ADVICE_STATUS_LABELS } from './labels.js';

const TONES = { pending: 'progress', confirmed: 'good', disputed: 'warn' } as const;

/** Where to pay: the payee's account, or a plain statement that it has given none yet. */
export function PayeeAccount({ invoice }: { invoice: Invoice }) {
  const { t } = useT();
  const account = invoice.payeeAccount;
  if (!account) return <p className="notice notice-warning">{t('payee.none')}</p>;
  return (
    <dl className="card-meta payee-account" aria-label={t('payee.title')}>
      <dt>{t('payee.accountName')}</dt>
      <dd>{account.bankAccountName}</dd>
      <dt>{t('payee.bank')}</dt>
      <dd>{account.bankName}</dd>
      <dt>{t('payee.account')}</dt>
      <dd>{groupAccountNumber(account.bankAccount)}</dd>
    </dl>
  );
}

interface Props {
  invoice: Invoice;
  /** The payee (issuer) or an admin: may confirm or dispute a pending advice. */
  mayDecide: boolean;
  onDecided(next: Invoice, message: 'advice.confirmed' | 'advice.disputed'): void;
}

function AdviceRow({ invoice, advice, mayDecide, onDecided }: Props & { advice: PaymentAdvice }) {
  const { t, chinaDate } = useT();
  const [disputing, setDisputing] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<Invoice>, message: 'advice.confirmed' | 'advice.disputed') => {
    setBusy(true);
    setError(null);
    try {
      onDecided(await action(), message);
    } catch (err) {
      setError(isApiError(err) ? err.detail : t('state.error'));
      setBusy(false);
    }
  };
  const dispute = () => {
    if (!reason.trim()) return setError(t('form.required'));
    void run(() => api.disputeAdvice(invoice.id, advice.id, reason.trim()), 'advice.disputed');
  };
  return (
    <tr>
      <td>{chinaDate(advice.paidOn)}</td>
      <td className="num">{formatFen(advice.amount)}</td>
      <td>{advice.reference}</td>
      <td>
        <StatusChip label={ADVICE_STATUS_LABELS[advice.status]} tone={TONES[advice.status]} />
        {advice.disputeReason && <p className="muted">{t('advice.disputeNote', { reason: advice.disputeReason })}</p>}
      </td>
      <td>
        <div className="cell-actions">
          {advice.receipt && (
            <button
              type="button"
              className="button button-quiet"
              onClick={() =>
                void api.adviceReceipt(invoice.id, advice.id).then((b) => saveBlob(b, advice.receipt!.filename))
              }
            >
              {t('advice.download')}
            </button>
          )}
          {mayDecide && advice.status === 'pending' && (
            <>
              <button
                type="button"
                className="button button-secondary"
                disabled={busy}
                onClick={() => void run(() => api.confirmAdvice(invoice.id, advice.id), 'advice.confirmed')}
              >
                {t('advice.confirm')}
              </button>
              <button type="button" className="button button-quiet" onClick={() => setDisputing((d) => !d)}>
                {t('advice.dispute')}
              </button>
              {disputing && (
                <span className="inline-form">
                  <label>
                    {t('advice.disputeReason')}
                    <input type="text" maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />
                  </label>
                  <button type="button" className="button button-secondary" disabled={busy} onClick={dispute}>
                    {t('advice.disputeSend')}
                  </button>
                </span>
              )}
            </>
          )}
        </div>
        {error && (
          <span className="form-error" role="alert">
            {error}
          </span>
        )}
      </td>
    </tr>
  );
}

/** The advice history of an invoice, oldest first, with the payee's decisions. */
export function Advices(props: Props) {
  const { t } = useT();
  if (!props.invoice.advices.length) return null;
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption>{t('advice.history')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('advice.paidOn')}</th>
            <th scope="col">{t('advice.amount')}</th>
            <th scope="col">{t('advice.reference')}</th>
            <th scope="col">{t('advice.status')}</th>
            <th scope="col">{t('advice.receiptFile')}</th>
          </tr>
        </thead>
        <tbody>
          {props.invoice.advices.map((a) => (
            <AdviceRow key={a.id} {...props} advice={a} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
