import { api } from '../api/index.js';
import { isApiError } from '../api/errors.js';
import { ErrorState, Loading } from '../components/states.js';
import { useT } from '../i18n/I18nProvider.js';
import { InvoiceCard } from '../invoices/InvoiceCard.js';
import { useLive } from '../lib/useLive.js';

/** The deal's invoices visible to the reader, reloaded whenever the deal moves (signing issues them). */
export function DealInvoices({ dealId, version }: { dealId: string; version: number }) {
  const { t } = useT();
  const invoices = useLive((signal) => api.listInvoices({ dealId, limit: 50 }, signal), [dealId, version]);
  if (invoices.data === undefined) {
    if (invoices.status === 'loading') return <Loading minHeight="5rem" />;
    // No invoicing on this server yet reads as "no invoices", not as a failure.
    if (isApiError(invoices.error, 'NOT_FOUND')) return <p className="muted">{t('invoices.none')}</p>;
    return <ErrorState error={invoices.error} onRetry={invoices.reload} minHeight="5rem" />;
  }
  if (invoices.data.items.length === 0) return <p className="muted">{t('invoices.none')}</p>;
  return (
    <ul className="item-list">
      {invoices.data.items.map((inv) => (
        <li key={`${inv.id}:${inv.status}`}>
          <InvoiceCard invoice={inv} showDeal={false} />
        </li>
      ))}
    </ul>
  );
}
