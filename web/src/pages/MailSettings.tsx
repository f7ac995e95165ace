import { useState } from 'react';
import { api } from '../api/index.js';
import type { MailPreferences } from '../api/types.js';
import { RequireAuth } from '../auth/RequireAuth.js';
import { ResourceView } from '../components/ResourceView.js';
import { usePageTitle } from '../components/usePageTitle.js';
import { useT } from '../i18n/I18nProvider.js';
import { LOCALES } from '../i18n/locales.js';
import { useResource } from '../lib/useResource.js';

const LOCALE_NAMES = { 'zh-CN': '简体中文', en: 'English' } as const;
const OPTIONAL = ['deals', 'invoices', 'reports'] as const;

function MailForm({ initial }: { initial: MailPreferences }) {
  const { t } = useT();
  const [prefs, setPrefs] = useState(initial);
  const [saved, setSaved] = useState(false);
  const save = async () => {
    setPrefs(await api.updateMailPreferences(prefs));
    setSaved(true);
  };
  return (
    <form
      className="card form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <p>{t('mail.intro')}</p>
      <label>
        {t('mail.locale')}{' '}
        <select
          name="locale"
          value={prefs.locale}
          onChange={(e) => setPrefs({ ...prefs, locale: e.target.value as MailPreferences['locale'] })}
        >
          {LOCALES.map((l) => (
            <option key={l} value={l}>
              {LOCALE_NAMES[l]}
            </option>
          ))}
        </select>
      </label>
      {OPTIONAL.map((k) => (
        <label key={k} className="checkbox">
          <input
            type="checkbox"
            name={k}
            checked={prefs.optional[k]}
            onChange={(e) => {
              setSaved(false);
              setPrefs({ ...prefs, optional: { ...prefs.optional, [k]: e.target.checked } });
            }}
          />{' '}
          {t(`mail.${k}`)}
        </label>
      ))}
      <button type="submit" className="button">
        {t('mail.save')}
      </button>
      {saved && <p role="status">{t('mail.saved')}</p>}
    </form>
  );
}

function MailContent() {
  const prefs = useResource((signal) => api.mailPreferences(signal), []);
  return <ResourceView resource={prefs}>{(p) => <MailForm initial={p} />}</ResourceView>;
}

/** Which optional mail the user receives, and in which language. */
export default function MailSettings() {
  const { t } = useT();
  usePageTitle(t('mail.title'));
  return (
    <div className="container narrow">
      <h1>{t('mail.title')}</h1>
      <RequireAuth>
        <MailContent />
      </RequireAuth>
    </div>
  );
}
