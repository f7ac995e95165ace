import { useState } from 'react';
import { api } from '../api/index.js';
import type { Invoice } from '../api/types.js';
import { FormField } from '../components/FormField.js';
import { parseYuan } from '../i18n/format.js';
import { useT } from '../i18n/I18nProvider.js';
import { PaymentFields, PaymentSubmit, usePaymentForm } from './PaymentForm.js';

const RECEIPT_TYPES = 'application/pdf,image/png,image/jpeg';

/**
 * The payer says it has paid (付款通知): the same checks as a recorded payment (an amount within the balance, a
 * bank reference, a date not after today in China), and optionally its bank receipt, uploaded first.
 */
export function AdviceForm({ invoice, onSent }: { invoice: Invoice; onSent(next: Invoice): void }) {
  const { t } = useT();
  const [file, setFile] = useState<File | null>(null);
  const form = usePaymentForm(invoice, async (values, key) => {
    const receipt = file ? await api.uploadReceipt(invoice.id, file) : null;
    const input = {
      amount: parseYuan(values.amount)!,
      paidOn: values.paidOn,
      reference: values.reference.trim(),
      ...(receipt ? { receiptId: receipt.id } : {}),
    };
    onSent(await api.submitAdvice(invoice.id, input, key));
  });
  return (
    <form
      className="form payment-form"
      noValidate
      onSubmit={form.submit}
      aria-label={t('advice.title', { number: invoice.number })}
    >
      <div className="form-grid">
        <PaymentFields form={form} labels="advice" />
        <FormField label={t('advice.receipt')}>
          <input type="file" accept={RECEIPT_TYPES} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </FormField>
      </div>
      <PaymentSubmit form={form} label={t('advice.send')} />
    </form>
  );
}
