import { useState } from 'react';
import { Link } from 'react-router';
import { isApiError } from '../api/errors.js';
import { api } from '../api/index.js';
import type { Deal } from '../api/deal-types.js';
import { useT } from '../i18n/I18nProvider.js';
import { saveBlob } from '../lib/download.js';
import { OBJECTION_DECISION_LABELS, PRICING_BASIS_LABELS } from '../../../src/shared/deal.ts';

/**
 * How the price is being formed (DOMAIN.md "Pricing routes"): the seller's internal decision, the objections to the
 * notice now running (objectors unnamed, as on the public board), and the pricing dossier as a PDF.
 */
export function PricingRecord({ deal }: { deal: Deal }) {
  const { t, label, date } = useT();
  const [error, setError] = useState<string | null>(null);
  const decision = deal.pricingDecision;
  const objections = deal.noticeObjections.filter((o) => o.noticeStartedAt === deal.publicNotice?.startedAt);
  const download = async () => {
    setError(null);
    try {
      saveBlob(await api.dealDossier(deal.id), `dossier-${deal.id}.pdf`);
    } catch (err) {
      setError(isApiError(err) ? err.detail : t('state.error'));
    }
  };
  return (
    <>
      {decision ? (
        <p>
          {t('pricing.decision', { body: decision.body, date: decision.decidedOn, ref: decision.documentRef })}
          {decision.basis && ` · ${label(PRICING_BASIS_LABELS[decision.basis.kind])} ${decision.basis.reference}`}
          {decision.relatedParty && ` · ${t('notices.relatedParty')}`}
        </p>
      ) : (
        <p className="muted">{t('pricing.noDecision')}</p>
      )}
      {objections.length > 0 && (
        <ol className="objections">
          {objections.map((o) => (
            <li key={o.id}>
              <span className="muted">{date(o.at, true)}</span> {o.reason}
              <br />
              {o.answer ? label(OBJECTION_DECISION_LABELS[o.answer.decision]) : t('notices.unanswered')}
            </li>
          ))}
        </ol>
      )}
      <p>
        <Link to="/notices">{t('pricing.board')}</Link>
      </p>
      <button type="button" className="button button-secondary" onClick={() => void download()}>
        {t('pricing.dossier')}
      </button>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
