import { useState, type FormEvent } from 'react';
import { api } from '../api/index.js';
import { isApiError } from '../api/errors.js';
import type { SelfServiceRole, User } from '../api/types.js';
import { emailProblem } from '../auth/validation.js';
import { FormField } from '../components/FormField.js';
import { ResourceView } from '../components/ResourceView.js';
import { useT } from '../i18n/I18nProvider.js';
import { ROLE_LABELS, ROLE_ORG_TYPES } from '../i18n/labels.js';
import { useResource } from '../lib/useResource.js';

const ROLES: SelfServiceRole[] = ['seller', 'buyer', 'broker'];

/** A manager's invitations: the form, the link of the one just sent, and the pending ones with revoke. */
export function Invitations({ me }: { me: User }) {
  const { t, label, date } = useT();
  const orgId = me.organization.id;
  // The organization's kind decides which roles its members may have (the server checks it too).
  const roles = ROLES.filter((r) => ROLE_ORG_TYPES[r].includes(me.organization.type));
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<SelfServiceRole>(
    roles.includes(me.role as SelfServiceRole) ? (me.role as SelfServiceRole) : roles[0],
  );
  const [problem, setProblem] = useState<string | null>(null);
  const [sent, setSent] = useState<{ email: string; acceptUrl?: string } | null>(null);
  const pending = useResource((signal) => api.listInvitations(orgId, signal), [orgId]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = emailProblem(email);
    setProblem(found ? t(found) : null);
    if (found) return;
    try {
      const inv = await api.invite(orgId, email.trim(), role);
      setSent({ email: inv.email, acceptUrl: inv.acceptUrl });
      setEmail('');
      pending.reload();
    } catch (err) {
      setProblem(isApiError(err) ? (err.errors?.[0]?.message ?? err.detail) : t('state.error'));
    }
  };
  const revoke = async (id: string) => {
    await api.revokeInvitation(orgId, id);
    pending.reload();
  };

  return (
    <section className="card">
      <h2>{t('team.invite')}</h2>
      <form className="form inline" noValidate onSubmit={submit}>
        <FormField label={t('team.inviteEmail')} error={problem}>
          <input
            type="email"
            name="inviteEmail"
            maxLength={254}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </FormField>
        <FormField label={t('team.inviteRole')}>
          <select name="inviteRole" value={role} onChange={(e) => setRole(e.target.value as SelfServiceRole)}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {label(ROLE_LABELS[r])}
              </option>
            ))}
          </select>
        </FormField>
        <button type="submit" className="button">
          {t('team.inviteSubmit')}
        </button>
      </form>
      {sent && (
        <p className="notice" role="status">
          {t('team.invited', { email: sent.email })} <code className="accept-url">{sent.acceptUrl}</code>
        </p>
      )}
      <h3>{t('team.pending')}</h3>
      <ResourceView resource={pending} isEmpty={(p) => p.items.length === 0} empty={<p>{t('team.noPending')}</p>}>
        {(page) => (
          <ul className="plain-list" aria-label={t('team.pending')}>
            {page.items.map((i) => (
              <li key={i.id} data-invitation={i.email}>
                {i.email} · {label(ROLE_LABELS[i.role])} · {t('team.expires')} {date(i.expiresAt, true)}{' '}
                <button type="button" className="button small" onClick={() => void revoke(i.id)}>
                  {t('team.revoke')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </ResourceView>
    </section>
  );
}
