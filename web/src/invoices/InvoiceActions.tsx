import { useRef, useState, type FormEvent } from 'react';
import { isApiError } from '../api/errors.js';
import { newIdempotencyKey } from '../api/http.js';
import { api } from '../api/index.js';
import type { Invoice } from '../api/types.js';
import { FormField } from '../components/FormField.js';
import { formatFen, parseYuan } from '../i18n/format.js';
import { useT } from '../i18n/I18nProvider.js';
import { useResource } from '../lib/useResource.js';

/** The bureau voids an invoice with a reason; it stays on record, never deleted or renumbered. */
export function VoidForm({ invoice, onDone }: { invoice: Invoice; onDone(next: Invoice): void }) {
  const { t } = useT();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const key = useRef(newIdempotencyKey());
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const text = reason.trim();
    if (!text) {
      setError(t('form.required'));
      return;
    }
    if (text.length > 1000) {
      setError(t('listingForm.tooLong', { max: 1000 }));
      return;
    }
    setSending(true);
    setError(null);
    try {
      onDone(await api.voidInvoice(invoice.id, text, key.current));
    } catch (err) {
      setError(isApiError(err) ? err.detail : t('state.error'));
      setSending(false);
    }
  };
  return (
    <form
      className="form payment-form"
      noValidate
      onSubmit={submit}
      aria-label={t('invoices.voidTitle', { number: invoice.number })}
    >
      <FormField label={t('event.reason')} error={error}>
        <textarea rows={2} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />
      </FormField>
      <button type="submit" className="button button-secondary" disabled={sending}>
        {t('invoices.void')}
      </button>
    </form>
  );
}

/** The recipient pays part of an invoice with one of its innovation vouchers (创新券). */
export function VoucherForm({ invoice, onDone }: { invoice: Invoice; onDone(next: Invoice): void }) {
  const { t, date } = useT();
  const vouchers = useResource((signal) => api.listVouchers({ limit: 100 }, signal), []);
  const usable =
    vouchers.status === 'ready' ? vouchers.data.items.filter((v) => v.status === 'active' && v.remaining > 0) : [];
  const [voucherId, setVoucherId] = useState('');
  const [amount, setAmount] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const key = useRef(newIdempotencyKey());
  const chosen = usable.find((v) => v.id === voucherId);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const fen = parseYuan(amount);
    // The API's bounds: a positive amount, within the voucher's remainder and the balance due.
    if (!chosen) {
      setError(t('vouchers.choose'));
      return;
    }
    if (fen === null || fen < 1) {
      setError(t('listingForm.money'));
      return;
    }
    if (fen > Math.min(chosen.remaining, invoice.balance)) {
      setError(t('vouchers.tooMuch', { max: formatFen(Math.min(chosen.remaining, invoice.balance)) }));
      return;
    }
    setSending(true);
    setError(null);
    try {
      onDone(await api.applyVoucher(invoice.id, chosen.id, fen, key.current));
    } catch (err) {
      setError(isApiError(err) ? err.detail : t('state.error'));
      setSending(false);
    }
  };

  if (vouchers.status === 'ready' && usable.length === 0) return <p className="muted">{t('vouchers.noneUsable')}</p>;
  return (
    <form
      className="form payment-form"
      noValidate
      onSubmit={submit}
      aria-label={t('vouchers.applyTitle', { number: invoice.number })}
    >
      <div className="form-grid">
        <FormField label={t('vouchers.voucher')}>
          <select value={voucherId} onChange={(e) => setVoucherId(e.target.value)}>
            <option value="">{vouchers.status === 'loading' ? t('state.loading') : t('listingForm.choose')}</option>
            {usable.map((v) => (
              <option key={v.id} value={v.id}>{`${v.code} · ${formatFen(v.remaining)} · ${date(v.expiresAt)}`}</option>
            ))}
          </select>
        </FormField>
        <FormField label={t('vouchers.amount')} error={error}>
          <input type="text" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />
        </FormField>
      </div>
      <button type="submit" className="button button-secondary" disabled={sending}>
        {t('vouchers.apply')}
      </button>
    </form>
  );
}
