import { useState, type FormEvent } from 'react';
import { api } from '../../api/index.js';
import { CursorListView } from '../../components/CursorListView.js';
import { usePageTitle } from '../../components/usePageTitle.js';
import { useT } from '../../i18n/I18nProvider.js';
import { useCursorList } from '../../lib/useCursorList.js';

const ENTITY = /^[a-z_]{1,40}$/;
const ACTION = /^[a-z_]{1,40}(\.[a-z_]{1,40}){0,3}(\.\*)?$/;

function Entries({ entity, action }: { entity: string; action: string }) {
  const { t, date } = useT();
  const list = useCursorList((cursor, signal) =>
    api.auditLog({ limit: 50, cursor, entity: entity || undefined, action: action || undefined }, signal),
  );
  return (
    <CursorListView list={list} minHeight="16rem" empty={t('audit.none')}>
      {(e) => (
        <article className="audit-entry">
          <p className="card-meta">
            <time dateTime={e.at}>{date(e.at, true)}</time>
            <strong>{e.action}</strong>
            <span>
              {e.entity} · <code>{e.entityId}</code>
            </span>
            <span>
              {e.actor.role ?? '—'} {e.actor.id && <code>{e.actor.id}</code>}
            </span>
          </p>
          {Object.keys(e.data).length > 0 && (
            <pre className="audit-data">{JSON.stringify(e.data, null, 1).slice(0, 600)}</pre>
          )}
        </article>
      )}
    </CursorListView>
  );
}

/** The append-only audit log: who changed what, filterable by entity and action (policy.*, listing.published). */
export default function Audit() {
  const { t } = useT();
  usePageTitle(t('admin.audit'));
  const [entity, setEntity] = useState('');
  const [action, setAction] = useState('');
  const [applied, setApplied] = useState({ entity: '', action: '' });
  const [problem, setProblem] = useState<string | null>(null);
  const apply = (e: FormEvent) => {
    e.preventDefault();
    // The route accepts only these shapes; anything else would be a 400, so say so here.
    if ((entity && !ENTITY.test(entity)) || (action && !ACTION.test(action))) {
      setProblem(t('audit.filterInvalid'));
      return;
    }
    setProblem(null);
    setApplied({ entity, action });
  };
  return (
    <section aria-labelledby="audit-title">
      <h2 id="audit-title">{t('admin.audit')}</h2>
      <form className="filters-bar" onSubmit={apply}>
        <label htmlFor="audit-entity">{t('audit.entity')}</label>
        <input
          id="audit-entity"
          type="text"
          maxLength={40}
          placeholder="listing"
          value={entity}
          onChange={(e) => setEntity(e.target.value.trim())}
        />
        <label htmlFor="audit-action">{t('audit.action')}</label>
        <input
          id="audit-action"
          type="text"
          maxLength={100}
          placeholder="listing.*"
          value={action}
          onChange={(e) => setAction(e.target.value.trim())}
        />
        <button type="submit" className="button button-secondary">
          {t('audit.apply')}
        </button>
      </form>
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      <Entries key={`${applied.entity}|${applied.action}`} entity={applied.entity} action={applied.action} />
    </section>
  );
}
