import { useRef, useState, type FormEvent } from 'react';
import { isApiError } from '../api/errors.js';
import { newIdempotencyKey } from '../api/http.js';
import { api } from '../api/index.js';
import type { Invoice } from '../api/types.js';
import { FormField } from '../components/FormField.js';
import { formatFen, parseYuan } from '../i18n/format.js';
import { useT } from '../i18n/I18nProvider.js';
import type { Problem } from '../lib/problems.js';
import { chinaDate } from '../../../src/shared/china-time.ts';
import { validatePayment, type PaymentValues } from './PaymentForm.js';

const RECEIPT_TYPES = 'application/pdf,image/png,image/jpeg';

/**
 * The payer says it has paid (付款通知): the same checks as a recorded payment (an amount within the balance, a
 * bank reference, a date not after today in China), and optionally its bank receipt, uploaded first.
 */
export function AdviceForm({ invoice, onSent }: { invoice: Invoice; onSent(next: Invoice): void }) {
  const { t } = useT();
  const today = chinaDate(new Date().toISOString());
  const [values, setValues] = useState<PaymentValues>({
    amount: formatFen(invoice.balance).slice(1),
    reference: '',
    paidOn: today,
  });
  const [file, setFile] = useState<File | null>(null);
  const [problems, setProblems] = useState<Partial<Record<keyof PaymentValues, Problem>>>({});
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const key = useRef(newIdempotencyKey());

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = validatePayment(values, invoice.balance, today);
    setProblems(found);
    setError(null);
    if (Object.keys(found).length) return;
    setSending(true);
    try {
      const receipt = file ? await api.uploadReceipt(invoice.id, file) : null;
      const input = {
        amount: parseYuan(values.amount)!,
        paidOn: values.paidOn,
        reference: values.reference.trim(),
        ...(receipt ? { receiptId: receipt.id } : {}),
      };
      onSent(await api.submitAdvice(invoice.id, input, key.current));
      key.current = newIdempotencyKey();
    } catch (err) {
      setError(isApiError(err) ? err.detail : t('state.error'));
    } finally {
      setSending(false);
    }
  };
  const show = (k: keyof PaymentValues) => (problems[k] ? t(problems[k]!.key, problems[k]!.vars) : null);
  const set = (k: keyof PaymentValues, v: string) => setValues((cur) => ({ ...cur, [k]: v }));

  return (
    <form
      className="form payment-form"
      noValidate
      onSubmit={submit}
      aria-label={t('advice.title', { number: invoice.number })}
    >
      <div className="form-grid">
        <FormField label={t('advice.amount')} error={show('amount')}>
          <input
            type="text"
            inputMode="decimal"
            value={values.amount}
            onChange={(e) => set('amount', e.target.value)}
          />
        </FormField>
        <FormField label={t('advice.reference')} error={show('reference')}>
          <input
            type="text"
            maxLength={100}
            value={values.reference}
            onChange={(e) => set('reference', e.target.value)}
          />
        </FormField>
        <FormField label={t('advice.paidOn')} error={show('paidOn')}>
          <input type="date" max={today} value={values.paidOn} onChange={(e) => set('paidOn', e.target.value)} />
        </FormField>
        <FormField label={t('advice.receipt')}>
          <input type="file" accept={RECEIPT_TYPES} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </FormField>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button button-secondary" disabled={sending}>
        {sending ? t('common.saving') : t('advice.send')}
      </button>
    </form>
  );
}
