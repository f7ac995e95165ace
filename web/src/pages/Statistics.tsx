import { api } from '../api/index.js';
import type { PublicStats } from '../api/types.js';
import { ResourceView } from '../components/ResourceView.js';
import { usePageTitle } from '../components/usePageTitle.js';
import { formatFen } from '../i18n/format.js';
import { useT } from '../i18n/I18nProvider.js';
import { fieldLabel } from '../i18n/labels.js';
import { useResource } from '../lib/useResource.js';
import { SvgBars } from '../public/SvgBars.js';
import '../public/public.css';

function Figures({ stats }: { stats: PublicStats }) {
  const { t, label, locale } = useT();
  const n = new Intl.NumberFormat(locale);
  const count = (v: number) => n.format(v);
  const byField = stats.listings.byField
    .filter((r) => r.count > 0)
    .sort((a, b) => b.count - a.count)
    .map((r) => ({ key: r.field, label: label(fieldLabel(r.field)), value: r.count }));
  const byTrl = [...stats.listings.byTrl]
    .sort((a, b) => a.trl - b.trl)
    .map((r) => ({ key: String(r.trl), label: `TRL ${r.trl}`, value: r.count }));
  return (
    <>
      <dl className="figure-tiles">
        <div className="figure-tile">
          <dt>{t('stats.published')}</dt>
          <dd>{count(stats.listings.published)}</dd>
        </div>
        <div className="figure-tile">
          <dt>{t('stats.signed')}</dt>
          <dd>{count(stats.deals.signed)}</dd>
        </div>
        <div className="figure-tile">
          <dt>{t('stats.contractValue')}</dt>
          <dd>{formatFen(stats.deals.contractValue)}</dd>
        </div>
        <div className="figure-tile">
          <dt>{t('stats.registered')}</dt>
          <dd>{count(stats.contracts.registered)}</dd>
        </div>
      </dl>
      <div className="svg-charts">
        {byField.length > 0 && <SvgBars title={t('stats.byField')} bars={byField} format={count} />}
        {byTrl.length > 0 && <SvgBars title={t('stats.byTrl')} bars={byTrl} format={count} />}
      </div>
    </>
  );
}

export default function Statistics() {
  const { t } = useT();
  usePageTitle(t('stats.title'));
  const stats = useResource((signal) => api.publicStats(signal), []);
  return (
    <div className="container">
      <h1>{t('stats.title')}</h1>
      <p className="lead">{t('stats.intro')}</p>
      <ResourceView resource={stats} minHeight="20rem">
        {(data) => <Figures stats={data} />}
      </ResourceView>
    </div>
  );
}
