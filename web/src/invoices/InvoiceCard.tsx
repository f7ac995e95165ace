import { useState } from 'react';
import { Link } from 'react-router';
import { isApiError } from '../api/errors.js';
import { api } from '../api/index.js';
import type { Invoice } from '../api/types.js';
import { useAuth } from '../auth/AuthProvider.js';
import { StatusChip } from '../components/StatusChip.js';
import { formatRateBp } from '../../../src/shared/money.ts';
import { formatFen } from '../i18n/format.js';
import { useT } from '../i18n/I18nProvider.js';
import { labelOf } from '../i18n/labels.js';
import { saveBlob } from '../lib/download.js';
import { INVOICE_KIND_LABELS, INVOICE_STATUS_LABELS, INVOICE_STATUS_TONES, LINE_KIND_LABELS } from './labels.js';
import { AdviceForm } from './AdviceForm.js';
import { Advices, PayeeAccount } from './Advices.js';
import { VoidForm, VoucherForm } from './InvoiceActions.js';
import { PaymentForm } from './PaymentForm.js';

/** The PDF is behind the bearer token: fetched by the app and handed over as a file named by its number. */
export function PdfButton({ invoice }: { invoice: Invoice }) {
  const { t } = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      saveBlob(await api.invoicePdf(invoice.id), `${invoice.number}.pdf`);
    } catch (err) {
      setError(isApiError(err) ? err.detail : t('state.error'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button
        type="button"
        className="button button-secondary"
        disabled={busy}
        onClick={() => void download()}
        aria-label={t('invoices.pdfFor', { number: invoice.number })}
      >
        {busy ? t('invoices.downloading') : t('invoices.pdf')}
      </button>
      {error && (
        <span className="form-error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}

/** One invoice: who owes whom how much, its lines, and what the reader may do with it. */
type Panel = 'payment' | 'advice' | 'void' | 'voucher';

export function InvoiceCard({ invoice: initial, showDeal = true }: { invoice: Invoice; showDeal?: boolean }) {
  const { t, label, chinaDate } = useT();
  const { user } = useAuth();
  const [invoice, setInvoice] = useState(initial);
  const [open, setOpen] = useState<Panel | null>(null);
  // What the last action did, said plainly (role="status"), until the next one.
  const [notice, setNotice] = useState<string | null>(null);
  const owing = invoice.status !== 'void' && invoice.status !== 'paid';
  const mayRecord = Boolean(
    user && owing && (user.role === 'admin' || user.organization.id === invoice.issuer.organizationId),
  );
  // Voiding is the bureau's, and only before any payment is recorded (src/invoices/void.ts).
  const mayVoid = Boolean(user?.role === 'admin' && invoice.status !== 'void' && invoice.paid === 0);
  const payer = Boolean(user && user.organization.id === invoice.recipient.organizationId);
  const mayUseVoucher = payer && owing;
  const mayAdvise = payer && owing;
  const mayDecide = Boolean(user && (user.role === 'admin' || user.organization.id === invoice.issuer.organizationId));
  const toggle = (which: Panel) => setOpen((o) => (o === which ? null : which));
  const done = (next: Invoice, message: string | null = null) => {
    setInvoice(next);
    setOpen(null);
    setNotice(message);
  };
  return (
    <article className="card invoice-card">
      <div className="row-heading">
        <h3 className="card-title">
          {invoice.number} · {label(labelOf(INVOICE_KIND_LABELS, invoice.kind))}
        </h3>
        <StatusChip label={INVOICE_STATUS_LABELS[invoice.status]} tone={INVOICE_STATUS_TONES[invoice.status]} />
      </div>
      <p className="card-meta">
        <span>
          {t('invoices.issuer')}: {invoice.issuer.name}
        </span>
        <span>
          {t('invoices.recipient')}: {invoice.recipient.name}
        </span>
        <span>
          {t('invoices.issuedAt')}: <time dateTime={invoice.issuedAt}>{chinaDate(invoice.issuedAt)}</time>
        </span>
        <span>
          {t('invoices.dueAt')}: <time dateTime={invoice.dueAt}>{chinaDate(invoice.dueAt)}</time>
        </span>
        {showDeal && invoice.dealId && (
          <Link to={`/deals/${encodeURIComponent(invoice.dealId)}`}>{t('invoices.deal')}</Link>
        )}
      </p>
      <div className="table-scroll">
        <table className="data-table money-table">
          <thead>
            <tr>
              <th scope="col">{t('invoices.line')}</th>
              <th scope="col">{t('invoices.amount')}</th>
              <th scope="col">{t('invoices.taxRate')}</th>
              <th scope="col">{t('invoices.tax')}</th>
            </tr>
          </thead>
          <tbody>
            {invoice.lines.map((l, i) => (
              <tr key={i}>
                <td>{l.description || label(LINE_KIND_LABELS[l.kind])}</td>
                <td className="num">{formatFen(l.amount)}</td>
                {/* An exempt line says 免税, never 0% (a zero rate is another relief); a voucher is not a sale. */}
                <td className="num">
                  {l.taxTreatment === 'exempt'
                    ? t('invoices.exempt')
                    : l.kind === 'voucher'
                      ? '—'
                      : formatRateBp(l.taxRateBp)}
                </td>
                <td className="num">{l.taxTreatment === 'exempt' ? t('invoices.exempt') : formatFen(l.taxAmount)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('invoices.total')}</th>
              <td className="num" colSpan={3}>
                <strong>{formatFen(invoice.total)}</strong>
              </td>
            </tr>
            <tr>
              <th scope="row">{t('invoices.balance')}</th>
              <td className="num" colSpan={3}>
                {formatFen(invoice.balance)}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      {invoice.voidReason && (
        <p className="notice notice-warning">{t('invoices.voided', { reason: invoice.voidReason })}</p>
      )}
      {owing && <PayeeAccount invoice={invoice} />}
      <Advices invoice={invoice} mayDecide={mayDecide} onDecided={(next, message) => done(next, t(message))} />
      {notice && (
        <p className="form-ok" role="status">
          {notice}
        </p>
      )}
      <div className="row-actions">
        <PdfButton invoice={invoice} />
        {mayAdvise && (
          <button
            type="button"
            className="button button-quiet"
            aria-expanded={open === 'advice'}
            onClick={() => toggle('advice')}
          >
            {t('advice.submit')}
          </button>
        )}
        {mayRecord && (
          <button
            type="button"
            className="button button-quiet"
            aria-expanded={open === 'payment'}
            onClick={() => toggle('payment')}
          >
            {t('payment.record')}
          </button>
        )}
        {mayUseVoucher && (
          <button
            type="button"
            className="button button-quiet"
            aria-expanded={open === 'voucher'}
            onClick={() => toggle('voucher')}
          >
            {t('vouchers.apply')}
          </button>
        )}
        {mayVoid && (
          <button
            type="button"
            className="button button-quiet"
            aria-expanded={open === 'void'}
            onClick={() => toggle('void')}
          >
            {t('invoices.void')}
          </button>
        )}
      </div>
      {open === 'payment' && mayRecord && (
        <PaymentForm
          invoice={invoice}
          onPaid={(next) => done(next, t('payment.recorded', { amount: formatFen(next.paid - invoice.paid) }))}
        />
      )}
      {open === 'advice' && mayAdvise && (
        <AdviceForm invoice={invoice} onSent={(next) => done(next, t('advice.sent'))} />
      )}
      {open === 'voucher' && mayUseVoucher && <VoucherForm invoice={invoice} onDone={(next) => done(next)} />}
      {open === 'void' && mayVoid && <VoidForm invoice={invoice} onDone={(next) => done(next)} />}
    </article>
  );
}
