import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../api/errors.js';
import { ORGANIZATION_TYPES, SELF_SERVICE_ROLES, type OrganizationType, type SelfServiceRole } from '../api/types.js';
import { useAuth } from '../auth/AuthProvider.js';
import { safeNext } from '../auth/next.js';
import {
  serverFieldErrors,
  validateRegistration,
  type RegistrationField,
  type RegistrationValues,
} from '../auth/validation.js';
import { FormField } from '../components/FormField.js';
import { usePageTitle } from '../components/usePageTitle.js';
import { useT } from '../i18n/I18nProvider.js';
import { ORGANIZATION_TYPE_LABELS, ROLE_LABELS } from '../i18n/labels.js';

const INITIAL: RegistrationValues = {
  email: '',
  password: '',
  name: '',
  role: 'buyer',
  orgName: '',
  orgType: 'enterprise',
};
const ALL_FIELDS = Object.keys(INITIAL) as RegistrationField[];

export default function Register() {
  const { t, label } = useT();
  usePageTitle(t('register.title'));
  const auth = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [values, setValues] = useState(INITIAL);
  // A field shows its problem once the reader has left it (or tried to submit), not while first typing.
  const [touched, setTouched] = useState<Set<RegistrationField>>(new Set());
  const [serverErrors, setServerErrors] = useState<Partial<Record<RegistrationField, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  const problems = validateRegistration(values);
  const errorOf = (field: RegistrationField): string | null => {
    if (touched.has(field) && problems[field]) return t(problems[field]);
    return serverErrors[field] ?? null;
  };
  const set = <K extends RegistrationField>(field: K, value: RegistrationValues[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    setServerErrors((e) => ({ ...e, [field]: undefined }));
  };
  const touch = (field: RegistrationField) => setTouched((s) => new Set(s).add(field));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(new Set(ALL_FIELDS));
    setFormError(null);
    if (Object.keys(problems).length > 0) {
      setFormError(t('form.fixErrors'));
      return;
    }
    setSending(true);
    try {
      await auth.register({
        email: values.email.trim(),
        password: values.password,
        name: values.name.trim(),
        role: values.role,
        organization: { name: values.orgName.trim(), type: values.orgType },
      });
      void navigate(safeNext(params.get('next')), { replace: true });
    } catch (err) {
      setSending(false);
      if (isApiError(err, 'CONFLICT')) setServerErrors({ email: t('register.emailTaken') });
      else if (isApiError(err, 'VALIDATION_FAILED')) {
        setServerErrors(serverFieldErrors(err.errors));
        setFormError(t('form.fixErrors'));
      } else if (isApiError(err, 'RATE_LIMITED')) setFormError(t('login.rateLimited'));
      else setFormError(isApiError(err) ? err.detail : t('state.error'));
    }
  };

  return (
    <div className="container narrow">
      <h1>{t('register.title')}</h1>
      <form className="card form" noValidate onSubmit={submit}>
        <FormField label={t('form.email')} error={errorOf('email')}>
          <input
            type="email"
            autoComplete="email"
            required
            maxLength={254}
            value={values.email}
            onChange={(e) => set('email', e.target.value)}
            onBlur={() => touch('email')}
          />
        </FormField>
        <FormField label={t('form.password')} hint={t('form.passwordHint')} error={errorOf('password')}>
          <input
            type="password"
            autoComplete="new-password"
            required
            maxLength={128}
            value={values.password}
            onChange={(e) => set('password', e.target.value)}
            onBlur={() => touch('password')}
          />
        </FormField>
        <FormField label={t('register.name')} error={errorOf('name')}>
          <input
            type="text"
            autoComplete="name"
            required
            maxLength={100}
            value={values.name}
            onChange={(e) => set('name', e.target.value)}
            onBlur={() => touch('name')}
          />
        </FormField>
        <FormField label={t('register.role')} error={errorOf('role')}>
          <select value={values.role} onChange={(e) => set('role', e.target.value as SelfServiceRole)}>
            {SELF_SERVICE_ROLES.map((r) => (
              <option key={r} value={r}>
                {label(ROLE_LABELS[r])}
              </option>
            ))}
          </select>
        </FormField>
        <FormField label={t('register.orgName')} error={errorOf('orgName')}>
          <input
            type="text"
            autoComplete="organization"
            required
            maxLength={200}
            value={values.orgName}
            onChange={(e) => set('orgName', e.target.value)}
            onBlur={() => touch('orgName')}
          />
        </FormField>
        <FormField label={t('register.orgType')} error={errorOf('orgType')}>
          <select value={values.orgType} onChange={(e) => set('orgType', e.target.value as OrganizationType)}>
            {ORGANIZATION_TYPES.map((o) => (
              <option key={o} value={o}>
                {label(ORGANIZATION_TYPE_LABELS[o])}
              </option>
            ))}
          </select>
        </FormField>
        {formError && (
          <p className="form-error" role="alert">
            {formError}
          </p>
        )}
        <button type="submit" className="button" disabled={sending}>
          {sending ? t('register.submitting') : t('register.submit')}
        </button>
        <p className="form-footer">
          {t('register.haveAccount')}{' '}
          <Link to={`/login${params.toString() ? `?${params}` : ''}`}>{t('account.login')}</Link>
        </p>
      </form>
    </div>
  );
}
