import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../api/errors.js';
import { useAuth } from '../auth/AuthProvider.js';
import { landingAfterLogin } from '../auth/next.js';
import { emailProblem } from '../auth/validation.js';
import { FormField } from '../components/FormField.js';
import { usePageTitle } from '../components/usePageTitle.js';
import { useT } from '../i18n/I18nProvider.js';
import type { MessageKey } from '../i18n/zh-CN.js';

export default function Login() {
  const { t } = useT();
  usePageTitle(t('login.title'));
  const auth = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<{ email?: MessageKey; password?: MessageKey }>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = { email: emailProblem(email), password: password ? undefined : ('form.required' as const) };
    setProblems(found);
    setFormError(null);
    if (found.email || found.password) return;
    setSending(true);
    try {
      const user = await auth.login(email.trim(), password);
      void navigate(landingAfterLogin(user.role, params.get('next')), { replace: true });
    } catch (err) {
      setSending(false);
      if (isApiError(err, 'UNAUTHENTICATED') || isApiError(err, 'VALIDATION_FAILED')) setFormError(t('login.failed'));
      else if (isApiError(err, 'RATE_LIMITED')) setFormError(t('login.rateLimited'));
      else setFormError(isApiError(err) ? err.detail : t('state.error'));
    }
  };

  return (
    <div className="container narrow">
      <h1>{t('login.title')}</h1>
      <form className="card form" noValidate onSubmit={submit}>
        <FormField label={t('form.email')} error={problems.email && t(problems.email)}>
          <input
            type="email"
            autoComplete="email"
            required
            maxLength={254}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </FormField>
        <FormField label={t('form.password')} error={problems.password && t(problems.password)}>
          <input
            type="password"
            autoComplete="current-password"
            required
            maxLength={128}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </FormField>
        {formError && (
          <p className="form-error" role="alert">
            {formError}
          </p>
        )}
        <button type="submit" className="button" disabled={sending}>
          {sending ? t('login.submitting') : t('login.submit')}
        </button>
        <p className="form-footer">
          <Link to="/password-reset">{t('reset.forgot')}</Link>
        </p>
        <p className="form-footer">
          {t('login.noAccount')}{' '}
          <Link to={`/register${params.toString() ? `?${params}` : ''}`}>{t('account.register')}</Link>
        </p>
      </form>
    </div>
  );
}
