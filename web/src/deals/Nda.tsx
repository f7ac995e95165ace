import { useState } from 'react';
import { isApiError } from '../api/errors.js';
import { api } from '../api/index.js';
import type { Deal } from '../api/deal-types.js';
import type { DealNda } from '../api/work-endpoints.js';
import { ErrorState, Loading } from '../components/states.js';
import { useT } from '../i18n/I18nProvider.js';
import { saveBlob } from '../lib/download.js';
import { useLive } from '../lib/useLive.js';
import { ConfirmEvent } from './ConfirmEvent.js';

/**
 * SIGN_NDA's confirmation: the NDA text the server renders now, and the signature carries its sha256, so a text
 * that changed meanwhile is refused (409 NDA_CHANGED) and shown again rather than signed unread.
 */
export function NdaConfirm({
  deal,
  sending,
  changed,
  onConfirm,
  onCancel,
}: {
  deal: Deal;
  sending: boolean;
  changed: boolean;
  onConfirm(payload: { ndaSha256: string }): void;
  onCancel(): void;
}) {
  const { t } = useT();
  const nda = useLive((signal) => api.dealNda(deal.id, signal), [deal.id, changed]);
  return (
    <ConfirmEvent
      type="SIGN_NDA"
      deal={deal}
      sending={sending}
      ready={!!nda.data}
      onConfirm={() => nda.data && onConfirm({ ndaSha256: nda.data.sha256 })}
      onCancel={onCancel}
    >
      {changed && (
        <p className="notice notice-warning" role="alert">
          {t('nda.changed')}
        </p>
      )}
      {nda.data ? (
        <pre className="nda-text" aria-label={t('nda.title')}>
          {nda.data.text}
        </pre>
      ) : nda.status === 'error' ? (
        <ErrorState error={nda.error} onRetry={nda.reload} minHeight="4rem" />
      ) : (
        <Loading minHeight="6rem" />
      )}
    </ConfirmEvent>
  );
}

/** The signed NDA texts of a deal, to download (the parties; kept with each signature). */
export function SignedNda({ deal }: { deal: Deal }) {
  const { t } = useT();
  const signedSome = deal.nda.buyer !== null || deal.nda.seller !== null;
  const nda = useLive(
    (signal) => (signedSome ? api.dealNda(deal.id, signal) : Promise.resolve(null as DealNda | null)),
    [deal.id, deal.version, signedSome],
  );
  const [error, setError] = useState<string | null>(null);
  if (!signedSome || !nda.data?.signed.length) return null;
  return (
    <div className="signed-nda">
      <h3>{t('nda.title')}</h3>
      <ul className="plain-list">
        {nda.data.signed.map((d) => (
          <li key={d.id}>
            <button
              type="button"
              className="link-button"
              onClick={() =>
                void api
                  .dealDocumentFile(deal.id, d.id)
                  .then((b) => saveBlob(b, d.filename))
                  .catch((err: unknown) => setError(isApiError(err) ? err.detail : t('state.error')))
              }
            >
              {t('nda.download')} · {d.filename}
            </button>
          </li>
        ))}
      </ul>
      {error && <p className="form-error">{error}</p>}
    </div>
  );
}
