import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { isApiError } from '../api/errors.js';
import { api } from '../api/index.js';
import type { Demand } from '../api/types.js';
import { useAuth } from '../auth/AuthProvider.js';
import { MISSING_BY_ID, ResourceView } from '../components/ResourceView.js';
import { usePageTitle } from '../components/usePageTitle.js';
import { AnswerForm, AnswerList } from '../demands/Answers.js';
import { DemandFacts, DemandStatus } from '../demands/DemandCard.js';
import { DemandForm } from '../demands/DemandForm.js';
import { Matches } from '../demands/Matches.js';
import { useT } from '../i18n/I18nProvider.js';
import { useResource } from '../lib/useResource.js';
import '../public/public.css';

/** The owner's edit and close actions; closing asks first, as it cannot be undone. */
function OwnerActions({ demand, onChange }: { demand: Demand; onChange(d: Demand): void }) {
  const { t } = useT();
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  if (demand.status !== 'open') return null;
  const close = async () => {
    if (!window.confirm(t('demand.closeConfirm'))) return;
    try {
      onChange(await api.closeDemand(demand.id));
    } catch (err) {
      setError(isApiError(err) ? err.detail : t('state.error'));
    }
  };
  if (editing)
    return (
      <>
        <DemandForm
          initial={demand}
          onSaved={(d) => {
            setEditing(false);
            setSaved(true);
            onChange(d);
          }}
        />
        <button type="button" className="button button-quiet" onClick={() => setEditing(false)}>
          {t('demand.cancel')}
        </button>
      </>
    );
  return (
    <div className="demand-actions">
      <button type="button" className="button button-secondary" onClick={() => setEditing(true)}>
        {t('demand.edit')}
      </button>
      <button type="button" className="button button-quiet" onClick={() => void close()}>
        {t('demand.close')}
      </button>
      {saved && <p role="status">{t('demand.saved')}</p>}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

function DemandView({ initial }: { initial: Demand }) {
  const { t } = useT();
  const { user } = useAuth();
  const [demand, setDemand] = useState(initial);
  const [answers, setAnswers] = useState(0);
  usePageTitle(demand.title);
  const owner = !!user && user.organization.id === demand.organization.id;
  const responder = user?.role === 'seller' || user?.role === 'broker';
  return (
    <div className="container">
      <Link className="back-link" to="/demands">
        {t('demand.back')}
      </Link>
      <h1>
        {demand.title} <DemandStatus demand={demand} />
      </h1>
      <DemandFacts demand={demand} />
      <p className="prose">{demand.description}</p>
      {demand.status === 'closed' && <p className="notice">{t('demand.closed')}</p>}
      {owner && <OwnerActions demand={demand} onChange={setDemand} />}
      {!user && demand.status === 'open' && (
        <p className="notice">
          <Link to={`/login?next=${encodeURIComponent(`/demands/${demand.id}`)}`}>{t('demand.answerLogin')}</Link>
        </p>
      )}
      {responder && demand.status === 'open' && (
        <AnswerForm demand={demand} user={user} onSent={() => setAnswers((n) => n + 1)} />
      )}
      {user && (owner || responder || user.role === 'admin') && (
        <AnswerList key={answers} demandId={demand.id} owner={owner || user.role === 'admin'} />
      )}
      <Matches demandId={demand.id} />
    </div>
  );
}

export default function DemandDetail() {
  const { id = '' } = useParams();
  const { t } = useT();
  const demand = useResource((signal) => api.getDemand(id, signal), [id]);
  return (
    <ResourceView missingCodes={MISSING_BY_ID} resource={demand} minHeight="40vh" empty={t('demand.notFound')}>
      {(data) => <DemandView key={data.id} initial={data} />}
    </ResourceView>
  );
}
