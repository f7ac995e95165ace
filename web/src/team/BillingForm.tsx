import { useState, type FormEvent } from 'react';
import { isApiError } from '../api/errors.js';
import { api } from '../api/index.js';
import type { Billing, BillingInput } from '../api/types.js';
import { FormField } from '../components/FormField.js';
import { ResourceView } from '../components/ResourceView.js';
import { useT } from '../i18n/I18nProvider.js';
import type { MessageKey } from '../i18n/zh-CN.js';
import { useResource } from '../lib/useResource.js';
import {
  BANK_ACCOUNT_DIGITS,
  groupAccountNumber,
  isUscc,
  normalizeAccountNumber,
} from '../../../src/shared/billing.ts';

type Field = keyof BillingInput;
const FIELDS: [Field, MessageKey][] = [
  ['taxId', 'billing.taxId'],
  ['bankName', 'billing.bankName'],
  ['bankAccount', 'billing.bankAccount'],
  ['bankAccountName', 'billing.bankAccountName'],
];

/** The server's checks, before sending: a valid USCC (GB 32100-2015), digits for the account, names given. */
export function validateBilling(
  v: BillingInput,
): Partial<Record<Field, { key: MessageKey; vars?: Record<string, number> }>> {
  const e: ReturnType<typeof validateBilling> = {};
  if (!isUscc(v.taxId.trim().toUpperCase())) e.taxId = { key: 'billing.badTaxId' };
  const digits = normalizeAccountNumber(v.bankAccount.trim());
  if (!/^\d+$/.test(digits) || digits.length < BANK_ACCOUNT_DIGITS.min || digits.length > BANK_ACCOUNT_DIGITS.max)
    e.bankAccount = { key: 'billing.badAccount', vars: { ...BANK_ACCOUNT_DIGITS } };
  if (!v.bankName.trim()) e.bankName = { key: 'form.required' };
  if (!v.bankAccountName.trim()) e.bankAccountName = { key: 'form.required' };
  return e;
}

function Editor({ orgId, initial }: { orgId: string; initial: Billing }) {
  const { t } = useT();
  const [values, setValues] = useState<BillingInput>({
    taxId: initial.taxId ?? '',
    bankName: initial.bankName ?? '',
    bankAccount: initial.bankAccount ? groupAccountNumber(initial.bankAccount) : '',
    bankAccountName: initial.bankAccountName ?? '',
  });
  const [problems, setProblems] = useState<ReturnType<typeof validateBilling>>({});
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [sending, setSending] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = validateBilling(values);
    setProblems(found);
    setError(null);
    setSaved(false);
    if (Object.keys(found).length) return;
    setSending(true);
    try {
      const next = await api.updateBilling(orgId, { ...values, bankAccount: values.bankAccount.trim() });
      setValues((v) => ({ ...v, taxId: next.taxId ?? '', bankAccount: groupAccountNumber(next.bankAccount ?? '') }));
      setSaved(true);
    } catch (err) {
      setError(isApiError(err) ? err.detail : t('state.error'));
    } finally {
      setSending(false);
    }
  };
  return (
    <form className="form" noValidate onSubmit={submit} aria-label={t('billing.title')}>
      <div className="form-grid">
        {FIELDS.map(([field, labelKey]) => (
          <FormField
            key={field}
            label={t(labelKey)}
            error={problems[field] ? t(problems[field]!.key, problems[field]!.vars) : null}
          >
            <input
              type="text"
              maxLength={field === 'taxId' ? 18 : 100}
              inputMode={field === 'bankAccount' ? 'numeric' : undefined}
              value={values[field]}
              onChange={(e) => setValues((v) => ({ ...v, [field]: e.target.value }))}
            />
          </FormField>
        ))}
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {saved && (
        <p className="form-ok" role="status">
          {t('billing.saved')}
        </p>
      )}
      <button type="submit" className="button button-secondary" disabled={sending}>
        {sending ? t('common.saving') : t('billing.save')}
      </button>
    </form>
  );
}

function Summary({ billing }: { billing: Billing }) {
  const { t } = useT();
  const value = (v: string | null) => v ?? t('billing.notSet');
  return (
    <dl className="card-meta payee-account">
      <dt>{t('billing.taxId')}</dt>
      <dd>{value(billing.taxId)}</dd>
      <dt>{t('billing.bankName')}</dt>
      <dd>{value(billing.bankName)}</dd>
      <dt>{t('billing.bankAccount')}</dt>
      <dd>{billing.bankAccount ? groupAccountNumber(billing.bankAccount) : t('billing.notSet')}</dd>
      <dt>{t('billing.bankAccountName')}</dt>
      <dd>{value(billing.bankAccountName)}</dd>
    </dl>
  );
}

/** The organization's tax id and bank account: members read them, managers edit them. */
export function BillingDetails({ orgId, manager }: { orgId: string; manager: boolean }) {
  const { t } = useT();
  const billing = useResource((signal) => api.billing(orgId, signal), [orgId]);
  return (
    <section className="card">
      <h2>{t('billing.title')}</h2>
      <p className="muted">{t('billing.intro')}</p>
      <ResourceView resource={billing} minHeight="8rem">
        {(b) =>
          manager ? (
            <Editor orgId={orgId} initial={b} />
          ) : (
            <>
              <Summary billing={b} />
              <p>{t('billing.managersOnly')}</p>
            </>
          )
        }
      </ResourceView>
    </section>
  );
}
