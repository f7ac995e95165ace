import { useState } from 'react';
import { isApiError } from '../api/errors.js';
import { api } from '../api/index.js';
import type { Attachment } from '../api/types.js';
import { ErrorState, Loading } from '../components/states.js';
import { useT } from '../i18n/I18nProvider.js';
import { formatBytes, saveBlob } from '../lib/download.js';
import { useLive } from '../lib/useLive.js';

/**
 * The listing's documents as this party may see them: the server leaves out confidential files until the NDA
 * is signed, so the list is read again whenever the deal moves.
 */
export function DealDocuments({ listingId, version }: { listingId: string; version: number }) {
  const { t, locale } = useT();
  const listing = useLive((signal) => api.getListing(listingId, signal), [listingId, version]);
  const [error, setError] = useState<string | null>(null);
  const download = async (a: Attachment) => {
    setError(null);
    try {
      saveBlob(await api.attachmentFile(listingId, a.id), a.filename);
    } catch (err) {
      setError(isApiError(err) ? err.detail : t('state.error'));
    }
  };
  if (!listing.data) {
    if (listing.status === 'loading') return <Loading minHeight="3rem" />;
    // A listing withdrawn since the deal began is no longer shown; the deal keeps its own copy of the terms.
    if (isApiError(listing.error, 'NOT_FOUND')) return <p className="muted">{t('attachments.none')}</p>;
    return <ErrorState error={listing.error} onRetry={listing.reload} minHeight="3rem" />;
  }
  const files = listing.data.attachments;
  return (
    <>
      {files.length === 0 ? (
        <p className="muted">{t('attachments.none')}</p>
      ) : (
        <ul className="link-list">
          {files.map((a) => (
            <li key={a.id} className="attachment-row">
              <button type="button" className="link-button" onClick={() => void download(a)}>
                {a.filename}
              </button>
              <span className="muted">
                {formatBytes(a.size, locale)}
                {a.visibility === 'confidential' ? ` · ${t('attachments.confidential')}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
      {listing.data.ndaRequired && !listing.data.canSeeConfidential && (
        <p className="muted">{t('listing.confidentialLocked')}</p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
