import { Link } from 'react-router';
import { api } from '../api/index.js';
import { RequireRole } from '../auth/RequireRole.js';
import { CursorListView } from '../components/CursorListView.js';
import { usePageTitle } from '../components/usePageTitle.js';
import { DealList } from '../deals/DealList.js';
import { useT } from '../i18n/I18nProvider.js';
import { InvoiceCard } from '../invoices/InvoiceCard.js';
import { useCursorList } from '../lib/useCursorList.js';

function CommissionInvoices() {
  const { t } = useT();
  // A broker's commission is invoiced by the broker's agency to the seller at signing (DOMAIN.md "Brokers").
  const list = useCursorList((cursor, signal) => api.listInvoices({ direction: 'issued', limit: 20, cursor }, signal));
  return (
    <CursorListView list={list} minHeight="8rem" empty={t('broker.noCommissions')}>
      {(inv) => <InvoiceCard invoice={inv} />}
    </CursorListView>
  );
}

/** What a new broker reads before the bureau assigns a deal: what happens next and where to start meanwhile. */
function NoDealsYet() {
  const { t } = useT();
  return (
    <div className="empty-guide">
      <p>
        <strong>{t('broker.noDeals')}</strong>
      </p>
      <p>{t('broker.noDealsNext')}</p>
      <p>{t('broker.noDealsMeanwhile')}</p>
      <div className="form-actions">
        <Link className="button" to="/demands">
          {t('broker.openDemandBoard')}
        </Link>
        <Link className="button button-quiet" to="/search">
          {t('broker.browseListings')}
        </Link>
      </div>
    </div>
  );
}

function Desk() {
  const { t } = useT();
  return (
    <>
      <section className="section" aria-labelledby="broker-deals">
        <h2 id="broker-deals">{t('broker.deals')}</h2>
        <p className="muted">{t('broker.dealsHint')}</p>
        <DealList empty={<NoDealsYet />} />
      </section>
      <section className="section" aria-labelledby="broker-commissions">
        <h2 id="broker-commissions">{t('broker.commissions')}</h2>
        <CommissionInvoices />
      </section>
    </>
  );
}

export default function BrokerDesk() {
  const { t } = useT();
  usePageTitle(t('broker.title'));
  return (
    <div className="container">
      <h1>{t('broker.title')}</h1>
      <RequireRole roles={['broker']}>{() => <Desk />}</RequireRole>
    </div>
  );
}
