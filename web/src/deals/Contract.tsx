import { useState } from 'react';
import { isApiError } from '../api/errors.js';
import { api } from '../api/index.js';
import type { Deal } from '../api/deal-types.js';
import { ErrorState, Loading } from '../components/states.js';
import { useT } from '../i18n/I18nProvider.js';
import { saveBlob } from '../lib/download.js';
import { useLive } from '../lib/useLive.js';
import { ConfirmEvent } from './ConfirmEvent.js';
import { TermsView } from './TermsView.js';

// The kept signed copies are named by the server (src/deals/contract/service.ts contractFilename).
const SIGNED_PREFIX = '技术合同-contract-';
const pdfName = (deal: Deal) => `合同-contract-${deal.id}.pdf`;

/** Downloads a file the app fetched itself; a failure is shown where the component renders `error`. */
function useSave() {
  const { t } = useT();
  const [error, setError] = useState<string | null>(null);
  const save = (fetch: () => Promise<Blob>, filename: string) => {
    setError(null);
    void fetch()
      .then((b) => saveBlob(b, filename))
      .catch((err: unknown) => setError(isApiError(err) ? err.detail : t('state.error')));
  };
  return { error, save };
}

/**
 * SIGN_CONTRACT's confirmation: the agreed terms, the contract PDF the server renders now (to download and read),
 * and the signature carries the sha256 of its text, so a text that changed meanwhile is refused (409
 * CONTRACT_CHANGED) and offered again rather than signed unread.
 */
export function ContractConfirm({
  deal,
  sending,
  changed,
  onConfirm,
  onCancel,
}: {
  deal: Deal;
  sending: boolean;
  changed: boolean;
  onConfirm(payload: { contractSha256: string }): void;
  onCancel(): void;
}) {
  const { t } = useT();
  const contract = useLive((signal) => api.dealContract(deal.id, signal), [deal.id, changed]);
  const { error, save } = useSave();
  const terms = deal.agreedTerms ?? deal.currentTerms;
  const shown = contract.data;
  return (
    <ConfirmEvent
      type="SIGN_CONTRACT"
      deal={deal}
      sending={sending}
      ready={!!shown?.sha256}
      onConfirm={() => shown && onConfirm({ contractSha256: shown.sha256 })}
      onCancel={onCancel}
    >
      {changed && (
        <p className="notice notice-warning" role="alert">
          {t('contract.changed')}
        </p>
      )}
      {terms && <TermsView terms={terms} />}
      {shown ? (
        <p>
          <button
            type="button"
            className="link-button"
            onClick={() => save(() => Promise.resolve(shown.pdf), pdfName(deal))}
          >
            {t('contract.download')}
          </button>{' '}
          <span className="muted" title={shown.sha256}>
            {t('contract.hash')}: <code>{shown.sha256.slice(0, 16)}…</code>
          </span>
        </p>
      ) : contract.status === 'error' ? (
        <ErrorState error={contract.error} onRetry={contract.reload} minHeight="3rem" />
      ) : (
        <Loading minHeight="3rem" />
      )}
      {error && <p className="form-error">{error}</p>}
    </ConfirmEvent>
  );
}

/** The contract in the deal room's documents: the current text as PDF after agreement, and the signed copies. */
export function ContractDocuments({ deal }: { deal: Deal }) {
  const { t } = useT();
  const signedSome = deal.contract.buyer !== null || deal.contract.seller !== null;
  const docs = useLive(
    (signal) => (signedSome ? api.dealDocuments(deal.id, signal) : Promise.resolve(null)),
    [deal.id, deal.version, signedSome],
  );
  const { error, save } = useSave();
  if (!deal.agreedTerms) return null;
  const signed = (docs.data?.items ?? []).filter((d) => d.filename.startsWith(SIGNED_PREFIX));
  return (
    <div className="signed-nda">
      <h3>{t('contract.title')}</h3>
      <ul className="plain-list">
        <li>
          <button
            type="button"
            className="link-button"
            onClick={() => save(() => api.dealContract(deal.id).then((c) => c.pdf), pdfName(deal))}
          >
            {t('contract.download')}
          </button>
        </li>
        {signed.map((d) => (
          <li key={d.id}>
            <button
              type="button"
              className="link-button"
              onClick={() => save(() => api.dealDocumentFile(deal.id, d.id), d.filename)}
            >
              {t('contract.downloadSigned')} · {d.filename}
            </button>
          </li>
        ))}
      </ul>
      {error && <p className="form-error">{error}</p>}
    </div>
  );
}
