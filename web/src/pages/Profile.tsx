import { Link } from 'react-router';
import { api } from '../api/index.js';
import type { User } from '../api/types.js';
import { RequireAuth } from '../auth/RequireAuth.js';
import { ResourceView } from '../components/ResourceView.js';
import { usePageTitle } from '../components/usePageTitle.js';
import { useT } from '../i18n/I18nProvider.js';
import { ORGANIZATION_TYPE_LABELS, ROLE_LABELS } from '../i18n/labels.js';
import { useResource } from '../lib/useResource.js';

function ProfileView({ user }: { user: User }) {
  const { t, label, date } = useT();
  const rows: Array<[string, string | null]> = [
    [t('profile.name'), user.name],
    [t('profile.email'), user.email],
    [t('profile.role'), label(ROLE_LABELS[user.role])],
    [t('profile.organization'), user.organization.name],
    [t('profile.orgType'), label(ORGANIZATION_TYPE_LABELS[user.organization.type])],
    [t('profile.region'), user.organization.region],
    [t('profile.since'), date(user.createdAt)],
  ];
  return (
    <>
      <dl className="facts card">
        {rows
          .filter(([, value]) => value)
          .map(([term, value]) => (
            <div key={term} className="fact">
              <dt>{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
      <p className="links">
        <Link to="/organization">{t('team.link')}</Link> · <Link to="/settings/mail">{t('mail.link')}</Link>
      </p>
    </>
  );
}

function ProfileContent() {
  // Fetched here rather than read from the session so the page shows what the server holds now.
  const me = useResource((signal) => api.me(signal), []);
  return (
    <ResourceView resource={me} minHeight="16rem">
      {(user) => <ProfileView user={user} />}
    </ResourceView>
  );
}

export default function Profile() {
  const { t } = useT();
  usePageTitle(t('profile.title'));
  return (
    <div className="container narrow">
      <h1>{t('profile.title')}</h1>
      <RequireAuth>
        <ProfileContent />
      </RequireAuth>
    </div>
  );
}
