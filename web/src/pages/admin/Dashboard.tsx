import { Link } from 'react-router';
import { BarChart, LooseReportView } from '../../admin/LooseReport.js';
import { isApiError } from '../../api/errors.js';
import { api } from '../../api/index.js';
import type { DealSummary } from '../../api/deal-types.js';
import type { Invoice } from '../../api/types.js';
import type { Page } from '../../api/types.js';
import { ResourceView } from '../../components/ResourceView.js';
import { usePageTitle } from '../../components/usePageTitle.js';
import { useT } from '../../i18n/I18nProvider.js';
import { useResource } from '../../lib/useResource.js';

// Beyond this many records the overview says it counted only the newest: the statistics route is the place
// for exact figures over everything.
const PAGES = 5;

async function newest<T>(
  load: (cursor: string | undefined) => Promise<Page<T>>,
): Promise<{ items: T[]; complete: boolean }> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < PAGES; i++) {
    const page = await load(cursor);
    items.push(...page.items);
    if (!page.nextCursor) return { items, complete: true };
    cursor = page.nextCursor;
  }
  return { items, complete: false };
}

const countBy = <T,>(items: T[], key: (item: T) => string) =>
  items.reduce<Record<string, number>>((acc, i) => {
    const k = key(i);
    acc[k] = (acc[k] ?? 0) + 1;
    return acc;
  }, {});
const sumBy = <T,>(items: T[], key: (item: T) => string, amount: (item: T) => number) =>
  items.reduce<Record<string, number>>((acc, i) => {
    const k = key(i);
    acc[k] = (acc[k] ?? 0) + amount(i);
    return acc;
  }, {});

/** Charts computed here from the deals and invoices the bureau can list, so the dashboard says something today. */
function Overview() {
  const { t } = useT();
  const data = useResource(async (signal) => {
    const [deals, invoices, queue] = await Promise.all([
      newest<DealSummary>((cursor) => api.listDeals({ limit: 100, cursor }, signal)),
      newest<Invoice>((cursor) => api.listInvoices({ limit: 100, cursor }, signal)).catch((e: unknown) => {
        if (isApiError(e, 'NOT_FOUND')) return { items: [] as Invoice[], complete: true };
        throw e;
      }),
      api.reviewQueue({ limit: 100 }, signal),
    ]);
    return { deals, invoices, queue };
  }, []);
  return (
    <ResourceView resource={data} minHeight="24rem">
      {({ deals, invoices, queue }) => (
        <>
          <dl className="stat-tiles">
            <div className="stat-tile">
              <dt>{t('dashboard.awaitingReview')}</dt>
              <dd>
                <Link to="/admin/review">
                  {queue.items.length}
                  {queue.nextCursor ? '+' : ''}
                </Link>
              </dd>
            </div>
            <div className="stat-tile">
              <dt>{t('dashboard.deals')}</dt>
              <dd>
                {deals.items.length}
                {deals.complete ? '' : '+'}
              </dd>
            </div>
            <div className="stat-tile">
              <dt>{t('dashboard.invoices')}</dt>
              <dd>
                {invoices.items.length}
                {invoices.complete ? '' : '+'}
              </dd>
            </div>
          </dl>
          {(!deals.complete || !invoices.complete) && (
            <p className="muted">{t('dashboard.newestOnly', { count: PAGES * 100 })}</p>
          )}
          <div className="chart-grid">
            {deals.items.length > 0 && (
              <BarChart title={t('dashboard.dealsByType')} data={countBy(deals.items, (d) => d.type)} />
            )}
            {deals.items.length > 0 && (
              <BarChart title={t('dashboard.dealsByState')} data={countBy(deals.items, (d) => d.state.split('.')[0])} />
            )}
            {invoices.items.length > 0 && (
              <BarChart
                title={t('dashboard.invoicedByStatus')}
                data={sumBy(
                  invoices.items,
                  (i) => i.status,
                  (i) => i.total,
                )}
                money
              />
            )}
          </div>
        </>
      )}
    </ResourceView>
  );
}

/** GET /api/stats when the server has it; a quiet note when it does not (404) yet. */
function ServerStats() {
  const { t } = useT();
  const stats = useResource((signal) => api.stats(signal), []);
  return (
    <ResourceView resource={stats} minHeight="8rem" empty={t('dashboard.statsMissing')}>
      {(data) => <LooseReportView data={data} />}
    </ResourceView>
  );
}

export default function Dashboard() {
  const { t } = useT();
  usePageTitle(t('admin.dashboard'));
  return (
    <>
      <section className="section" aria-labelledby="overview-title">
        <h2 id="overview-title">{t('dashboard.overview')}</h2>
        <Overview />
      </section>
      <section className="section" aria-labelledby="stats-title">
        <h2 id="stats-title">{t('dashboard.stats')}</h2>
        <ServerStats />
      </section>
    </>
  );
}
