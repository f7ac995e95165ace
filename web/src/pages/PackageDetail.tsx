import { useParams } from 'react-router';
import { api } from '../api/index.js';
import type { PackageDetail } from '../api/types.js';
import { ListingCard } from '../components/ListingCard.js';
import { MISSING_BY_ID, ResourceView } from '../components/ResourceView.js';
import { Empty } from '../components/states.js';
import { usePageTitle } from '../components/usePageTitle.js';
import { useT } from '../i18n/I18nProvider.js';
import { fieldLabel } from '../i18n/labels.js';
import { useResource } from '../lib/useResource.js';

function PackageView({ pkg }: { pkg: PackageDetail }) {
  const { label } = useT();
  usePageTitle(pkg.title);
  return (
    <div className="container">
      <h1>{pkg.title}</h1>
      {pkg.field && <p className="subtitle">{label(fieldLabel(pkg.field))}</p>}
      {pkg.description && <p className="prose">{pkg.description}</p>}
      {pkg.listings && pkg.listings.length > 0 ? (
        <div className="card-grid">
          {pkg.listings.map((l) => (
            <ListingCard key={l.id} hit={l} headingLevel={2} />
          ))}
        </div>
      ) : (
        <Empty />
      )}
    </div>
  );
}

export default function PackageDetail() {
  const { id = '' } = useParams();
  const { t } = useT();
  const pkg = useResource((signal) => api.getPackage(id, signal), [id]);
  return (
    <ResourceView missingCodes={MISSING_BY_ID} resource={pkg} minHeight="40vh" empty={t('packages.notFound')}>
      {(data) => <PackageView pkg={data} />}
    </ResourceView>
  );
}
