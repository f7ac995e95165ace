import { Link } from 'react-router';
import { api } from '../api/index.js';
import type { PackageSummary } from '../api/types.js';
import { CursorListView } from '../components/CursorListView.js';
import { usePageTitle } from '../components/usePageTitle.js';
import { useT } from '../i18n/I18nProvider.js';
import { fieldLabel } from '../i18n/labels.js';
import { pluralKey } from '../i18n/plural.js';
import { useCursorList } from '../lib/useCursorList.js';

function PackageItem({ pkg }: { pkg: PackageSummary }) {
  const { t, label, locale } = useT();
  return (
    <article className="card">
      <h2 className="card-title">
        <Link to={`/packages/${encodeURIComponent(pkg.id)}`}>{pkg.title}</Link>
      </h2>
      <p className="card-meta">
        {pkg.field && <span>{label(fieldLabel(pkg.field))}</span>}
        {pkg.listingCount !== undefined && (
          <span>{t(pluralKey(locale, 'packages.count', pkg.listingCount), { count: pkg.listingCount })}</span>
        )}
      </p>
      {pkg.description && <p className="card-summary">{pkg.description}</p>}
    </article>
  );
}

export default function Packages() {
  const { t } = useT();
  usePageTitle(t('packages.title'));
  const list = useCursorList((cursor, signal) => api.listPackages({ limit: 20, cursor }, signal));
  return (
    <div className="container">
      <h1>{t('packages.title')}</h1>
      <CursorListView list={list}>{(pkg) => <PackageItem pkg={pkg} />}</CursorListView>
    </div>
  );
}
