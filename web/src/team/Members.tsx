import { useState } from 'react';
import { api } from '../api/index.js';
import { isApiError } from '../api/errors.js';
import type { Member, OrgRole, User } from '../api/types.js';
import { useT } from '../i18n/I18nProvider.js';
import { ORG_ROLE_LABELS, ROLE_LABELS } from '../i18n/labels.js';

/** The members table; a manager changes roles and signing, and removes members. */
export function MembersTable({
  me,
  members,
  manager,
  onChange,
}: {
  me: User;
  members: Member[];
  manager: boolean;
  onChange(): void;
}) {
  const { t, label } = useT();
  const [error, setError] = useState<string | null>(null);
  const orgId = me.organization.id;

  const act = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
      onChange();
    } catch (err) {
      setError(isApiError(err, 'CONFLICT') ? t('team.lastManager') : isApiError(err) ? err.detail : t('state.error'));
    }
  };
  const setRole = (m: Member, orgRole: OrgRole) => act(() => api.updateMember(orgId, m.userId, { orgRole }));
  const setSign = (m: Member, signatory: boolean) => act(() => api.updateMember(orgId, m.userId, { signatory }));
  const remove = (m: Member) => {
    if (window.confirm(t('team.removeConfirm', { name: m.name }))) void act(() => api.removeMember(orgId, m.userId));
  };

  return (
    <>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <table className="table" aria-label={t('team.title')}>
        <thead>
          <tr>
            <th>{t('team.name')}</th>
            <th>{t('team.email')}</th>
            <th>{t('team.role')}</th>
            <th>{t('team.orgRole')}</th>
            <th>{t('team.signatory')}</th>
            {manager && <th>{t('team.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.userId} data-member={m.email}>
              <td>
                {m.name}
                {m.userId === me.id && t('team.you')}
              </td>
              <td>{m.email}</td>
              <td>{label(ROLE_LABELS[m.role])}</td>
              <td>{label(ORG_ROLE_LABELS[m.orgRole])}</td>
              <td>{m.signatory ? t('team.yes') : t('team.no')}</td>
              {manager && (
                <td className="actions">
                  <button
                    type="button"
                    className="button small"
                    onClick={() => void setRole(m, m.orgRole === 'manager' ? 'member' : 'manager')}
                  >
                    {m.orgRole === 'manager' ? t('team.makeMember') : t('team.makeManager')}
                  </button>
                  <button type="button" className="button small" onClick={() => void setSign(m, !m.signatory)}>
                    {m.signatory ? t('team.revokeSign') : t('team.grantSign')}
                  </button>
                  {m.userId !== me.id && (
                    <button type="button" className="button small danger" onClick={() => remove(m)}>
                      {t('team.remove')}
                    </button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
