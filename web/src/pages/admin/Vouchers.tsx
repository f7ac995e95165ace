import { useRef, useState, type FormEvent } from 'react';
import { SpecFields } from '../../admin/SpecFields.js';
import { specToInput, validateSpec, type FieldSpec, type SpecValues } from '../../admin/specForm.js';
import { isApiError } from '../../api/errors.js';
import { SERVICE_KINDS, type VoucherGrant } from '../../api/types.js';
import { newIdempotencyKey } from '../../api/http.js';
import { api } from '../../api/index.js';
import { CursorListView } from '../../components/CursorListView.js';
import { FormField } from '../../components/FormField.js';
import { usePageTitle } from '../../components/usePageTitle.js';
import { formatFen } from '../../i18n/format.js';
import { useT } from '../../i18n/I18nProvider.js';
import { LINE_KIND_LABELS } from '../../invoices/labels.js';
import { useCursorList } from '../../lib/useCursorList.js';
import { CHINA_UTC_OFFSET } from '../../../../src/shared/china-time.ts';
import { useResource } from '../../lib/useResource.js';

const GRANT_FIELDS: FieldSpec[] = [
  { name: 'amount', kind: 'yuan', label: 'vouchers.amount', required: true, minFen: 1 },
  { name: 'expiresOn', kind: 'date', label: 'vouchers.expiresOn', required: true },
  {
    name: 'serviceKinds',
    kind: 'multi',
    label: 'vouchers.serviceKinds',
    options: SERVICE_KINDS,
    labels: LINE_KIND_LABELS,
    minItems: 1,
  },
  { name: 'note', kind: 'text', label: 'vouchers.note', max: 500 },
];
const EMPTY: SpecValues = {
  amount: '',
  expiresOn: '',
  serviceKinds: ['license_fee', 'transfer_fee', 'development_fee'],
  note: '',
};

/** Enterprises to grant to, found by part of their name (GET /api/organizations). */
function OrganizationPicker({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange(id: string): void;
  error: string | null;
}) {
  const { t } = useT();
  const [q, setQ] = useState('');
  const orgs = useResource(
    (signal) => api.organizations({ q: q || undefined, type: 'enterprise', limit: 50 }, signal),
    [q],
  );
  return (
    <div className="org-picker">
      <FormField label={t('vouchers.findOrg')}>
        <input type="search" maxLength={100} value={q} onChange={(e) => setQ(e.target.value)} />
      </FormField>
      <FormField label={t('vouchers.organization')} error={error}>
        <select value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{orgs.status === 'loading' ? t('state.loading') : t('listingForm.choose')}</option>
          {orgs.status === 'ready' &&
            orgs.data.items.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
        </select>
      </FormField>
    </div>
  );
}

function GrantForm({ onGranted }: { onGranted(): void }) {
  const { t } = useT();
  const [values, setValues] = useState(EMPTY);
  const [organizationId, setOrganizationId] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const key = useRef(newIdempotencyKey());
  const problems = validateSpec(GRANT_FIELDS, values);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setAttempted(true);
    setError(null);
    if (Object.keys(problems).length || !organizationId) {
      setError(t('form.fixErrors'));
      return;
    }
    setSaving(true);
    const input = specToInput(GRANT_FIELDS, values);
    // Valid through the last day in China time.
    const expiresAt = new Date(`${String(values.expiresOn)}T23:59:59${CHINA_UTC_OFFSET}`).toISOString();
    const grant: VoucherGrant = {
      organizationId,
      amount: input.amount as number,
      expiresAt,
      serviceKinds: input.serviceKinds as VoucherGrant['serviceKinds'],
      ...(input.note ? { note: input.note as string } : {}),
    };
    try {
      await api.grantVoucher(grant, key.current);
      key.current = newIdempotencyKey();
      setValues(EMPTY);
      setAttempted(false);
      onGranted();
    } catch (err) {
      setError(isApiError(err) ? err.detail : t('state.error'));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="card form" noValidate onSubmit={submit} aria-labelledby="grant-title">
      <h3 id="grant-title">{t('vouchers.grant')}</h3>
      <OrganizationPicker
        value={organizationId}
        onChange={setOrganizationId}
        error={attempted && !organizationId ? t('form.required') : null}
      />
      <SpecFields
        specs={GRANT_FIELDS}
        values={values}
        set={(n, v) => setValues((cur) => ({ ...cur, [n]: v }))}
        errorOf={(n) => (attempted && problems[n] ? t(problems[n].key, problems[n].vars) : null)}
      />
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button" disabled={saving}>
        {saving ? t('common.saving') : t('vouchers.grant')}
      </button>
    </form>
  );
}

function VoucherList() {
  const { t, label, date } = useT();
  const list = useCursorList((cursor, signal) => api.listVouchers({ limit: 20, cursor }, signal));
  return (
    <CursorListView list={list} minHeight="10rem" empty={t('vouchers.none')}>
      {(v) => (
        <article className="card">
          <h3 className="card-title">
            {v.code} · {v.organization.name}
          </h3>
          <p className="card-meta">
            <span>
              {t('vouchers.amount')}: {formatFen(v.amount)}
            </span>
            <span>
              {t('vouchers.remaining')}: {formatFen(v.remaining)}
            </span>
            <span>
              {t('vouchers.expiresOn')}: {date(v.expiresAt)}
            </span>
            <span>{v.serviceKinds.map((k) => label(LINE_KIND_LABELS[k])).join('、')}</span>
            <span className={`chip chip-${v.status === 'active' ? 'good' : 'neutral'}`}>
              {t(`vouchers.status.${v.status}`)}
            </span>
          </p>
        </article>
      )}
    </CursorListView>
  );
}

/** Innovation vouchers (创新券): the bureau grants them to enterprises, which spend them on technology services. */
export default function Vouchers() {
  const { t } = useT();
  usePageTitle(t('admin.vouchers'));
  const [generation, setGeneration] = useState(0);
  return (
    <section aria-labelledby="vouchers-title">
      <h2 id="vouchers-title">{t('admin.vouchers')}</h2>
      <GrantForm onGranted={() => setGeneration((g) => g + 1)} />
      <h3>{t('vouchers.list')}</h3>
      <VoucherList key={generation} />
    </section>
  );
}
