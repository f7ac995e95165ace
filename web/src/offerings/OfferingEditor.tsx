import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { isApiError } from '../api/errors.js';
import { api } from '../api/index.js';
import type { Listing } from '../api/types.js';
import { FormField } from '../components/FormField.js';
import { Choice, Input, RowsEditor, type Ctx } from '../deals/TermsInputs.js';
import { useT } from '../i18n/I18nProvider.js';
import { DEAL_FORM_LABELS, labelOf } from '../i18n/labels.js';
import { serverProblems } from '../lib/problems.js';
import { LICENSE_TYPES, LICENSE_TYPE_LABELS } from '../../../src/shared/deal.ts';
import { emptyOffering, parseOffering, type OfferingErrors, type OfferingValues } from './offeringForm.js';
import { PricingFields } from './PricingFields.js';
import type { OfferingForm } from './types.js';

const OFFERED: OfferingForm[] = ['license', 'transfer'];
export const offerableForms = (listing: Listing) => OFFERED.filter((f) => (listing.dealTypes as string[]).includes(f));

/** The seller lists a published result for trading: form, terms without the price, base price and basis. */
export function OfferingEditor({ listing }: { listing: Listing }) {
  const { t, label } = useT();
  const navigate = useNavigate();
  const forms = offerableForms(listing);
  const [values, setValues] = useState<OfferingValues>(() => emptyOffering(forms[0] ?? 'license'));
  const [errors, setErrors] = useState<OfferingErrors | Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  const error = (path: string) => {
    const e = errors[path];
    return e ? (typeof e === 'string' ? e : t(e.key, e.vars)) : null;
  };
  const set = (key: string, value: string) => setValues((v) => ({ ...v, [key]: value }));
  const licence: Ctx = {
    values: values.license as unknown as Record<string, unknown>,
    set: (key, value) => setValues((v) => ({ ...v, license: { ...v.license, [key]: value } })),
    error: (path) => error(`terms.${path}`),
  };
  // The API's path for a share is `payments.N.shareBp`; the row's field is `share`.
  const transfer: Ctx = {
    values: values.transfer as unknown as Record<string, unknown>,
    set: (key, value) => setValues((v) => ({ ...v, transfer: { ...v.transfer, [key]: value } })),
    error: (path) => error(`terms.${path.replace(/\.share$/, '.shareBp')}`),
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const { input, errors: found } = parseOffering(listing.id, values);
    setErrors(found);
    if (!input) return;
    setSending(true);
    try {
      const created = await api.createOffering(input);
      void navigate(`/offerings/${encodeURIComponent(created.id)}`);
    } catch (err) {
      if (isApiError(err) && err.errors.length) {
        const { fields, other } = serverProblems(err.errors, 'body.');
        setErrors(fields);
        setFormError(other.join('；') || null);
      } else setFormError(isApiError(err) ? err.detail : t('state.error'));
    } finally {
      setSending(false);
    }
  };

  if (listing.status !== 'published') return <p className="notice">{t('offerings.new.notPublished')}</p>;
  if (forms.length === 0) return <p className="notice">{t('offerings.new.noForm')}</p>;
  return (
    <form className="form offering-form" noValidate onSubmit={submit} aria-label={t('offerings.new.title')}>
      <FormField label={t('offerings.new.form')}>
        <select value={values.form} onChange={(e) => set('form', e.target.value)}>
          {forms.map((f) => (
            <option key={f} value={f}>
              {label(labelOf(DEAL_FORM_LABELS, f))}
            </option>
          ))}
        </select>
      </FormField>
      {values.form === 'license' ? (
        <fieldset>
          <legend>{t('offerings.terms')}</legend>
          <Choice
            c={licence}
            name="licenseType"
            label="terms.licenseType"
            options={LICENSE_TYPES}
            labels={LICENSE_TYPE_LABELS}
          />
          <Input c={licence} name="territory" label="terms.territory" />
          <Input c={licence} name="fieldOfUse" label="terms.fieldOfUse" />
          <Input c={licence} name="termMonths" label="terms.termMonths" inputMode="numeric" />
          <Input c={licence} name="royaltyRate" label="terms.royaltyRate" inputMode="decimal" />
        </fieldset>
      ) : (
        <RowsEditor
          c={transfer}
          name="payments"
          title="terms.payments"
          add="terms.addPayment"
          blank={{ name: '', share: '', dueDays: '30' }}
          columns={[
            { key: 'name', label: 'terms.itemName', wide: true },
            { key: 'share', label: 'offerings.new.share', inputMode: 'decimal' },
            { key: 'dueDays', label: 'terms.dueDays', inputMode: 'numeric' },
          ]}
        />
      )}
      <PricingFields values={values} errors={errors} set={set} />
      <FormField label={t('offerings.new.deposit')} error={error('deposit')}>
        <input inputMode="decimal" value={values.deposit} onChange={(e) => set('deposit', e.target.value)} />
      </FormField>
      <FormField label={t('offerings.new.increment')} error={error('increment')}>
        <input inputMode="decimal" value={values.increment} onChange={(e) => set('increment', e.target.value)} />
      </FormField>
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
      <button type="submit" className="button" disabled={sending}>
        {t('offerings.new.submit')}
      </button>
    </form>
  );
}
