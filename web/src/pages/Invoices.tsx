import { useSearchParams } from 'react-router';
import { api } from '../api/index.js';
import { INVOICE_STATUSES, type InvoiceStatus } from '../api/types.js';
import { RequireAuth } from '../auth/RequireAuth.js';
import { CursorListView } from '../components/CursorListView.js';
import { usePageTitle } from '../components/usePageTitle.js';
import { useT } from '../i18n/I18nProvider.js';
import { InvoiceCard } from '../invoices/InvoiceCard.js';
import { INVOICE_STATUS_LABELS } from '../invoices/labels.js';
import { useCursorList } from '../lib/useCursorList.js';

type Direction = 'issued' | 'received' | '';

function InvoiceList({ direction, status }: { direction: Direction; status: InvoiceStatus | '' }) {
  const { t } = useT();
  const list = useCursorList((cursor, signal) =>
    api.listInvoices({ limit: 20, cursor, direction: direction || undefined, status: status || undefined }, signal),
  );
  return (
    <CursorListView list={list} minHeight="16rem" empty={t('invoices.none')}>
      {(inv) => <InvoiceCard invoice={inv} />}
    </CursorListView>
  );
}

export default function Invoices() {
  const { t, label } = useT();
  usePageTitle(t('invoices.title'));
  // The filters live in the URL, so that a filtered list survives a reload and can be shared.
  const [params, setParams] = useSearchParams();
  const direction = (
    ['issued', 'received'].includes(params.get('direction') ?? '') ? params.get('direction') : ''
  ) as Direction;
  const status = (
    (INVOICE_STATUSES as readonly string[]).includes(params.get('status') ?? '') ? params.get('status') : ''
  ) as InvoiceStatus | '';
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  return (
    <div className="container">
      <h1>{t('invoices.title')}</h1>
      <RequireAuth>
        <div className="filters-bar">
          <label htmlFor="inv-direction">{t('invoices.direction')}</label>
          <select id="inv-direction" value={direction} onChange={(e) => set('direction', e.target.value)}>
            <option value="">{t('invoices.all')}</option>
            <option value="received">{t('invoices.received')}</option>
            <option value="issued">{t('invoices.issued')}</option>
          </select>
          <label htmlFor="inv-status">{t('invoices.status')}</label>
          <select id="inv-status" value={status} onChange={(e) => set('status', e.target.value)}>
            <option value="">{t('invoices.all')}</option>
            {INVOICE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {label(INVOICE_STATUS_LABELS[s])}
              </option>
            ))}
          </select>
        </div>
        <InvoiceList key={`${direction}|${status}`} direction={direction} status={status} />
      </RequireAuth>
    </div>
  );
}
