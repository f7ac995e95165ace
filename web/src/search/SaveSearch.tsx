import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { isApiError } from '../api/errors.js';
import { api } from '../api/index.js';
import { useAuth } from '../auth/AuthProvider.js';
import { useT } from '../i18n/I18nProvider.js';
import { toSavedQuery, type SearchState } from './searchState.js';

/** "Save this search": newly published listings that match it then notify the reader. */
export function SaveSearch({ state }: { state: SearchState }) {
  const { t } = useT();
  const { user } = useAuth();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [error, setError] = useState<string | null>(null);
  if (!user) return null;

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) {
      setError(t('form.required'));
      return;
    }
    setStatus('saving');
    setError(null);
    try {
      await api.saveSearch(trimmed.slice(0, 100), toSavedQuery(state));
      setStatus('saved');
      setOpen(false);
    } catch (err) {
      setStatus('idle');
      setError(isApiError(err) ? err.detail : t('state.error'));
    }
  };

  return (
    <div className="save-search">
      {status === 'saved' ? (
        <p className="form-ok" role="status">
          {t('savedSearches.saved')} <Link to="/saved-searches">{t('savedSearches.title')}</Link>
        </p>
      ) : (
        <button
          type="button"
          className="button button-secondary"
          aria-expanded={open}
          onClick={() => {
            setOpen((o) => !o);
            setName((n) => n || state.q);
          }}
        >
          {t('savedSearches.save')}
        </button>
      )}
      {open && (
        <form className="inline-form" onSubmit={save}>
          <label htmlFor="saved-search-name" className="visually-hidden">
            {t('savedSearches.name')}
          </label>
          <input
            id="saved-search-name"
            type="text"
            maxLength={100}
            placeholder={t('savedSearches.name')}
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={error ? true : undefined}
          />
          <button type="submit" className="button" disabled={status === 'saving'}>
            {t('common.save')}
          </button>
        </form>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
