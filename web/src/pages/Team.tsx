import { api } from '../api/index.js';
import type { User } from '../api/types.js';
import { useAuth } from '../auth/AuthProvider.js';
import { RequireAuth } from '../auth/RequireAuth.js';
import { ResourceView } from '../components/ResourceView.js';
import { usePageTitle } from '../components/usePageTitle.js';
import { useT } from '../i18n/I18nProvider.js';
import { useResource } from '../lib/useResource.js';
import { BillingDetails } from '../team/BillingForm.js';
import { Invitations } from '../team/Invitations.js';
import { MembersTable } from '../team/Members.js';

function TeamContent({ me }: { me: User }) {
  const { t } = useT();
  const members = useResource((signal) => api.listMembers(me.organization.id, signal), [me.organization.id]);
  return (
    <ResourceView resource={members} minHeight="12rem">
      {({ items }) => {
        const manager = items.some((m) => m.userId === me.id && m.orgRole === 'manager');
        return (
          <>
            <MembersTable me={me} members={items} manager={manager} onChange={members.reload} />
            {manager ? <Invitations me={me} /> : <p>{t('team.managersOnly')}</p>}
            <BillingDetails orgId={me.organization.id} manager={manager} />
          </>
        );
      }}
    </ResourceView>
  );
}

/** The organization's members (every member sees them; managers change them and invite). */
export default function Team() {
  const { t } = useT();
  usePageTitle(t('team.title'));
  const { user } = useAuth();
  return (
    <div className="container">
      <h1>
        {t('team.title')}
        {user && ` · ${user.organization.name}`}
      </h1>
      <p className="lead">{t('team.intro')}</p>
      <RequireAuth>{user && <TeamContent me={user} />}</RequireAuth>
    </div>
  );
}
