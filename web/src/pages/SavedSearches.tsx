import { useState } from 'react';
import { Link } from 'react-router';
import { isApiError } from '../api/errors.js';
import { api } from '../api/index.js';
import type { SavedSearch } from '../api/types.js';
import { RequireAuth } from '../auth/RequireAuth.js';
import { ResourceView } from '../components/ResourceView.js';
import { usePageTitle } from '../components/usePageTitle.js';
import { useT } from '../i18n/I18nProvider.js';
import { DEAL_FORM_LABELS, IP_TYPE_LABELS, fieldLabel, labelOf } from '../i18n/labels.js';
import { useResource } from '../lib/useResource.js';
import { fromSavedQuery, toSearchParams } from '../search/searchState.js';

function Summary({ s }: { s: SavedSearch }) {
  const { t, label } = useT();
  const state = fromSavedQuery(s.query);
  const parts = [
    state.q && `“${state.q}”`,
    ...state.field.map((f) => label(fieldLabel(f))),
    ...state.dealType.map((d) => label(labelOf(DEAL_FORM_LABELS, d))),
    ...state.ipType.map((i) => label(labelOf(IP_TYPE_LABELS, i))),
    (state.trlMin !== 1 || state.trlMax !== 9) && `TRL ${state.trlMin}–${state.trlMax}`,
    state.region,
  ].filter(Boolean);
  return <p className="card-meta">{parts.length ? parts.join(' · ') : t('savedSearches.everything')}</p>;
}

function Items({ initial }: { initial: SavedSearch[] }) {
  const { t, date } = useT();
  const [items, setItems] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const remove = async (s: SavedSearch) => {
    if (!window.confirm(t('savedSearches.confirmDelete', { name: s.name }))) return;
    try {
      await api.deleteSavedSearch(s.id);
      setItems((cur) => cur.filter((x) => x.id !== s.id));
    } catch (err) {
      setError(isApiError(err) ? err.detail : t('state.error'));
    }
  };
  if (items.length === 0) return <p className="muted">{t('savedSearches.none')}</p>;
  return (
    <>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <ul className="item-list">
        {items.map((s) => (
          <li key={s.id} className="card">
            <h2 className="card-title">
              <Link to={`/search?${toSearchParams(fromSavedQuery(s.query))}`}>{s.name}</Link>
            </h2>
            <Summary s={s} />
            <p className="card-meta">
              <span>
                {t('savedSearches.createdAt')}: {date(s.createdAt)}
              </span>
              <button type="button" className="link-button" onClick={() => void remove(s)}>
                {t('common.delete')}
              </button>
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}

export default function SavedSearches() {
  const { t } = useT();
  usePageTitle(t('savedSearches.title'));
  return (
    <div className="container narrow-wide">
      <h1>{t('savedSearches.title')}</h1>
      <p className="lead">{t('savedSearches.intro')}</p>
      <RequireAuth>
        <SavedList />
      </RequireAuth>
    </div>
  );
}

function SavedList() {
  const list = useResource((signal) => api.savedSearches(signal), []);
  return (
    <ResourceView resource={list} minHeight="12rem">
      {(page) => <Items initial={page.items} />}
    </ResourceView>
  );
}
