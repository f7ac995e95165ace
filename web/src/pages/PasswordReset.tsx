import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api/index.js';
import { isApiError } from '../api/errors.js';
import { emailProblem, passwordProblem } from '../auth/validation.js';
import { FormField } from '../components/FormField.js';
import { usePageTitle } from '../components/usePageTitle.js';
import { useT } from '../i18n/I18nProvider.js';

/** Ask for a reset link. The answer is the same whether or not the email has an account. */
export function PasswordResetRequest() {
  const { t } = useT();
  usePageTitle(t('reset.title'));
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = emailProblem(email);
    if (found) return setError(t(found));
    setError(null);
    try {
      await api.requestPasswordReset(email.trim());
      setSent(true);
    } catch (err) {
      setError(isApiError(err, 'RATE_LIMITED') ? t('login.rateLimited') : t('state.error'));
    }
  };
  return (
    <div className="container narrow">
      <h1>{t('reset.title')}</h1>
      {sent ? (
        <p className="notice" role="status">
          {t('reset.sent')}
        </p>
      ) : (
        <form className="card form" noValidate onSubmit={submit}>
          <p>{t('reset.intro')}</p>
          <FormField label={t('form.email')} error={error}>
            <input
              type="email"
              name="email"
              autoComplete="email"
              maxLength={254}
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          </FormField>
          <button type="submit" className="button">
            {t('reset.submit')}
          </button>
        </form>
      )}
    </div>
  );
}

/** The page a reset mail links to: a new password, then every session ends. */
export function PasswordResetConfirm() {
  const { t } = useT();
  usePageTitle(t('resetConfirm.title'));
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = passwordProblem(password, '');
    if (found) return setError(t(found));
    setError(null);
    try {
      await api.confirmPasswordReset(token, password);
      setDone(true);
    } catch (err) {
      const invalid = isApiError(err, 'VALIDATION_FAILED') && err.errors.some((f) => f.path === 'body.token');
      setError(
        invalid || !token
          ? t('resetConfirm.invalid')
          : isApiError(err)
            ? (err.errors[0]?.message ?? err.detail)
            : t('state.error'),
      );
    }
  };
  return (
    <div className="container narrow">
      <h1>{t('resetConfirm.title')}</h1>
      {done ? (
        <p className="notice" role="status">
          {t('resetConfirm.done')} <Link to="/login">{t('resetConfirm.login')}</Link>
        </p>
      ) : (
        <form className="card form" noValidate onSubmit={submit}>
          <FormField label={t('resetConfirm.password')} hint={t('form.passwordHint')} error={error}>
            <input
              type="password"
              name="password"
              autoComplete="new-password"
              maxLength={128}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </FormField>
          <button type="submit" className="button">
            {t('resetConfirm.submit')}
          </button>
        </form>
      )}
    </div>
  );
}
