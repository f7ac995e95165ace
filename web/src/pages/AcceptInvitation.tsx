import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../api/errors.js';
import { useAuth } from '../auth/AuthProvider.js';
import { emailProblem, passwordProblem } from '../auth/validation.js';
import { FormField } from '../components/FormField.js';
import { usePageTitle } from '../components/usePageTitle.js';
import { useT } from '../i18n/I18nProvider.js';

/** The page an invitation mail links to: the invitee creates an account in the inviting organization. */
export default function AcceptInvitation() {
  const { t } = useT();
  usePageTitle(t('invite.title'));
  const auth = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(token ? null : t('invite.missing'));
  const [sending, setSending] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found =
      emailProblem(email) ?? passwordProblem(password, email) ?? (name.trim() ? undefined : ('form.required' as const));
    if (found) return setError(t(found));
    setError(null);
    setSending(true);
    try {
      await auth.register({ email: email.trim(), name: name.trim(), password, invitationToken: token });
      void navigate('/organization', { replace: true });
    } catch (err) {
      setSending(false);
      const invalid = isApiError(err, 'VALIDATION_FAILED') && err.errors.some((f) => f.path === 'body.invitationToken');
      setError(
        invalid ? t('invite.invalid') : isApiError(err) ? (err.errors[0]?.message ?? err.detail) : t('state.error'),
      );
    }
  };

  return (
    <div className="container narrow">
      <h1>{t('invite.title')}</h1>
      <p className="lead">{t('invite.intro')}</p>
      <form className="card form" noValidate onSubmit={submit}>
        <FormField label={t('form.email')}>
          <input
            type="email"
            name="email"
            autoComplete="email"
            maxLength={254}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </FormField>
        <FormField label={t('team.name')}>
          <input
            name="name"
            autoComplete="name"
            maxLength={100}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </FormField>
        <FormField label={t('form.password')} hint={t('form.passwordHint')}>
          <input
            type="password"
            name="password"
            autoComplete="new-password"
            maxLength={128}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </FormField>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button" disabled={sending || !token}>
          {t('invite.submit')}
        </button>
      </form>
    </div>
  );
}
