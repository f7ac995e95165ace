import { useSearchParams } from 'react-router';
import { api } from '../api/index.js';
import { RequireRole } from '../auth/RequireRole.js';
import { MISSING_BY_ID, ResourceView } from '../components/ResourceView.js';
import { usePageTitle } from '../components/usePageTitle.js';
import { useT } from '../i18n/I18nProvider.js';
import { useResource } from '../lib/useResource.js';
import { OfferingEditor } from '../offerings/OfferingEditor.js';
import '../offerings/offerings.css';

function ForListing({ listingId }: { listingId: string }) {
  const { t } = useT();
  const listing = useResource((signal) => api.getListing(listingId, signal), [listingId]);
  return (
    <ResourceView resource={listing} missingCodes={MISSING_BY_ID} minHeight="20rem">
      {(l) => (
        <>
          <p>
            {t('offerings.new.listing')}: <strong>{l.title}</strong>
            {l.registrationNo && ` · ${l.registrationNo}`}
          </p>
          <OfferingEditor listing={l} />
        </>
      )}
    </ResourceView>
  );
}

/** /seller/offerings/new?listingId=…: list one of the seller's published results for trading (挂牌). */
export default function NewOffering() {
  const { t } = useT();
  usePageTitle(t('offerings.new.title'));
  const [params] = useSearchParams();
  const listingId = params.get('listingId') ?? '';
  return (
    <div className="container">
      <h1>{t('offerings.new.title')}</h1>
      <p className="muted">{t('offerings.new.intro')}</p>
      <RequireRole roles={['seller']}>
        {() => (listingId ? <ForListing listingId={listingId} /> : <p className="notice">{t('offerings.new.pick')}</p>)}
      </RequireRole>
    </div>
  );
}
