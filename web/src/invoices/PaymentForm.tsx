import { useRef, useState, type FormEvent } from 'react';
import { isApiError } from '../api/errors.js';
import { newIdempotencyKey } from '../api/http.js';
import { api } from '../api/index.js';
import type { Invoice } from '../api/types.js';
import { FormField } from '../components/FormField.js';
import { formatFen, parseYuan } from '../i18n/format.js';
import { useT } from '../i18n/I18nProvider.js';
import { CHINA_UTC_OFFSET, chinaDate } from '../../../src/shared/china-time.ts';
import type { Problem } from '../lib/problems.js';

export interface PaymentValues {
  amount: string;
  reference: string;
  paidOn: string;
}

/** The checks of POST /api/invoices/:id/payments: a positive amount within the balance, a reference, a past date. */
export function validatePayment(
  v: PaymentValues,
  balance: number,
  today: string,
): Partial<Record<keyof PaymentValues, Problem>> {
  const e: Partial<Record<keyof PaymentValues, Problem>> = {};
  const fen = parseYuan(v.amount);
  if (!v.amount.trim()) e.amount = { key: 'form.required' };
  else if (fen === null) e.amount = { key: 'listingForm.money' };
  else if (fen < 1) e.amount = { key: 'terms.moneyPositive' };
  else if (fen > balance) e.amount = { key: 'payment.overBalance', vars: { balance: formatFen(balance) } };
  const reference = v.reference.trim();
  if (!reference) e.reference = { key: 'form.required' };
  else if (reference.length > 100) e.reference = { key: 'listingForm.tooLong', vars: { max: 100 } };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v.paidOn)) e.paidOn = { key: 'terms.date' };
  else if (v.paidOn > today) e.paidOn = { key: 'event.dateFuture' };
  return e;
}

/**
 * The state both money forms share (a recorded payment, a payment advice): the values, the checks of
 * validatePayment, one idempotency key per attempt, and the server's refusal shown as the form's error.
 */
export function usePaymentForm(invoice: Invoice, send: (values: PaymentValues, key: string) => Promise<void>) {
  const { t } = useT();
  const today = chinaDate(new Date().toISOString());
  const [values, setValues] = useState<PaymentValues>({
    amount: formatFen(invoice.balance).slice(1),
    reference: '',
    paidOn: today,
  });
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
      await send(values, key.current);
      key.current = newIdempotencyKey();
    } catch (err) {
      setError(isApiError(err) ? err.detail : t('state.error'));
    } finally {
      setSending(false);
    }
  };
  const show = (k: keyof PaymentValues) => (problems[k] ? t(problems[k]!.key, problems[k]!.vars) : null);
  const set = (k: keyof PaymentValues, v: string) => setValues((cur) => ({ ...cur, [k]: v }));
  return { today, values, error, sending, submit, show, set };
}

type PaymentForm = ReturnType<typeof usePaymentForm>;

/** Amount, bank reference and date: the fields both money forms ask, labelled by the form (`payment`, `advice`). */
export function PaymentFields({ form, labels }: { form: PaymentForm; labels: 'payment' | 'advice' }) {
  const { t } = useT();
  const { today, values, show, set } = form;
  return (
    <>
      <FormField label={t(`${labels}.amount`)} error={show('amount')}>
        <input type="text" inputMode="decimal" value={values.amount} onChange={(e) => set('amount', e.target.value)} />
      </FormField>
      <FormField label={t(`${labels}.reference`)} error={show('reference')}>
        <input
          type="text"
          maxLength={100}
          value={values.reference}
          onChange={(e) => set('reference', e.target.value)}
        />
      </FormField>
      <FormField label={t(`${labels}.paidOn`)} error={show('paidOn')}>
        <input type="date" max={today} value={values.paidOn} onChange={(e) => set('paidOn', e.target.value)} />
      </FormField>
    </>
  );
}

/** The form's refusal, and its submit button. */
export function PaymentSubmit({ form, label }: { form: PaymentForm; label: string }) {
  const { t } = useT();
  return (
    <>
      {form.error && (
        <p className="form-error" role="alert">
          {form.error}
        </p>
      )}
      <button type="submit" className="button button-secondary" disabled={form.sending}>
        {form.sending ? t('common.saving') : label}
      </button>
    </>
  );
}

/** The issuer records money its bank received against an invoice. */
export function PaymentForm({ invoice, onPaid }: { invoice: Invoice; onPaid(next: Invoice): void }) {
  const { t } = useT();
  const form = usePaymentForm(invoice, async (values, key) => {
    // Midnight in China on the day the bank statement shows.
    const paidAt = new Date(`${values.paidOn}T00:00:00${CHINA_UTC_OFFSET}`).toISOString();
    onPaid(
      await api.recordPayment(
        invoice.id,
        { amount: parseYuan(values.amount)!, reference: values.reference.trim(), paidAt },
        key,
      ),
    );
  });
  return (
    <form
      className="form payment-form"
      noValidate
      onSubmit={form.submit}
      aria-label={t('payment.title', { number: invoice.number })}
    >
      <div className="form-grid">
        <PaymentFields form={form} labels="payment" />
      </div>
      <PaymentSubmit form={form} label={t('payment.record')} />
    </form>
  );
}
