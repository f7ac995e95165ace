import { useState, type FormEvent, type ReactNode } from 'react';
import type { DealTerms } from '../api/deal-types.js';
import type { DealForm } from '../api/types.js';
import { FormField } from '../components/FormField.js';
import { useT } from '../i18n/I18nProvider.js';
import { IP_OWNERSHIP_LABELS, LICENSE_TYPE_LABELS } from './labels.js';
import {
  IP_OWNERSHIPS,
  LICENSE_TYPES,
  parseTerms,
  termsToValues,
  type CooperationValues,
  type EquityValues,
  type LicenseValues,
  type TermsErrors,
  type TermsValues,
  type TransferValues,
} from './termsForm.js';
import { Choice, Input, RowsEditor, type Ctx } from './TermsInputs.js';

function Fields({ form, c }: { form: DealForm; c: Ctx }): ReactNode {
  const { t } = useT();
  switch (form) {
    case 'license':
      return (
        <>
          <Choice
            c={c}
            name="licenseType"
            label="terms.licenseType"
            options={LICENSE_TYPES}
            labels={LICENSE_TYPE_LABELS}
          />
          <Input c={c} name="territory" label="terms.territory" />
          <Input c={c} name="fieldOfUse" label="terms.fieldOfUse" />
          <div className="form-grid">
            <Input c={c} name="termMonths" label="terms.termMonths" inputMode="numeric" />
            <Input c={c} name="upfrontFee" label="terms.upfrontFeeYuan" inputMode="decimal" />
            <Input
              c={c}
              name="royaltyRate"
              label="terms.royaltyRatePercent"
              hint="terms.percentHint"
              inputMode="decimal"
            />
            <Input c={c} name="minimumAnnualRoyalty" label="terms.minimumAnnualRoyaltyYuan" inputMode="decimal" />
          </div>
          <RowsEditor
            c={c}
            name="milestones"
            title="terms.milestonesOptional"
            add="terms.addMilestone"
            blank={{ name: '', amount: '' }}
            columns={[
              { key: 'name', label: 'terms.itemName', wide: true },
              { key: 'amount', label: 'terms.amountYuan', inputMode: 'decimal' },
            ]}
          />
        </>
      );
    case 'transfer':
      return (
        <>
          <Input c={c} name="price" label="terms.priceYuan" inputMode="decimal" />
          <RowsEditor
            c={c}
            name="payments"
            title="terms.payments"
            add="terms.addPayment"
            blank={{ name: '', amount: '', dueDays: '30' }}
            columns={[
              { key: 'name', label: 'terms.itemName', wide: true },
              { key: 'amount', label: 'terms.amountYuan', inputMode: 'decimal' },
              { key: 'dueDays', label: 'terms.dueDays', inputMode: 'numeric' },
            ]}
          />
        </>
      );
    case 'equity':
      return (
        <>
          <Input c={c} name="companyName" label="terms.companyName" />
          <div className="form-grid">
            <Input c={c} name="valuation" label="terms.valuationYuan" inputMode="decimal" />
            <Input c={c} name="equityPercent" label="terms.equityPercentPercent" inputMode="decimal" />
            <Input c={c} name="registeredCapital" label="terms.registeredCapitalYuan" inputMode="decimal" />
            <Input
              c={c}
              name="inventorReward"
              label="terms.inventorRewardPercent"
              hint="terms.inventorRewardHint"
              inputMode="decimal"
            />
          </div>
        </>
      );
    case 'cooperation':
      return (
        <>
          <FormField label={t('terms.scope')} error={c.error('scope')}>
            <textarea rows={4} value={String(c.values.scope)} onChange={(e) => c.set('scope', e.target.value)} />
          </FormField>
          <div className="form-grid">
            <Input c={c} name="budget" label="terms.budgetYuan" inputMode="decimal" />
            <Choice
              c={c}
              name="ipOwnership"
              label="terms.ipOwnership"
              options={IP_OWNERSHIPS}
              labels={IP_OWNERSHIP_LABELS}
            />
          </div>
          <RowsEditor
            c={c}
            name="milestones"
            title="terms.milestones"
            add="terms.addMilestone"
            blank={{ name: '', amount: '', deliverable: '', dueDate: '' }}
            columns={[
              { key: 'name', label: 'terms.itemName' },
              { key: 'amount', label: 'terms.amountYuan', inputMode: 'decimal' },
              { key: 'deliverable', label: 'terms.deliverable', wide: true },
              { key: 'dueDate', label: 'terms.dueDate', type: 'date' },
            ]}
          />
        </>
      );
  }
}

// Which form field shows a problem found at an API path ("royaltyRateBp" is typed as "royaltyRate").
const TYPED_AS: Record<string, string> = {
  royaltyRateBp: 'royaltyRate',
  equityPercentBp: 'equityPercent',
  inventorRewardBp: 'inventorReward',
};

/**
 * Terms for one deal form, prefilled from the proposal on the table so a counter-offer changes only what
 * differs. Checked here as the API checks them; the server's own field errors (`terms.<path>`) land on the
 * same fields.
 */
export function TermsForm({
  form,
  publicInstitutionSeller,
  initial,
  serverErrors = {},
  sending,
  onSubmit,
  onCancel,
}: {
  form: DealForm;
  /** The seller is a university or institute: the inventors' 50% share of equity binds it (Law Art. 45). */
  publicInstitutionSeller: boolean;
  initial: DealTerms | null;
  serverErrors?: Record<string, string>;
  sending: boolean;
  onSubmit(terms: DealTerms): void;
  onCancel(): void;
}) {
  const { t } = useT();
  const [values, setValues] = useState<TermsValues>(() => termsToValues(form, initial));
  const [attempted, setAttempted] = useState(false);

  // Problems show after the first attempt to send, and then follow every change.
  const shown: TermsErrors = attempted ? parseTerms(form, values, publicInstitutionSeller).errors : {};
  const c: Ctx = {
    values: values as unknown as Record<string, unknown>,
    set: (key, value) =>
      setValues((v) => ({ ...v, [key]: value }) as LicenseValues | TransferValues | EquityValues | CooperationValues),
    error: (path) => {
      const problem = Object.entries(shown).find(([p]) => (TYPED_AS[p] ?? p) === path)?.[1];
      if (problem) return t(problem.key, problem.vars);
      return Object.entries(serverErrors).find(([p]) => (TYPED_AS[p] ?? p) === path)?.[1] ?? null;
    },
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setAttempted(true);
    const parsed = parseTerms(form, values, publicInstitutionSeller);
    if (parsed.terms) onSubmit(parsed.terms);
  };

  return (
    <form className="form terms-form" noValidate onSubmit={submit} aria-label={t('terms.title')}>
      <Fields form={form} c={c} />
      {attempted && Object.keys(shown).length > 0 && (
        <p className="form-error" role="alert">
          {t('form.fixErrors')}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button" disabled={sending}>
          {sending ? t('common.saving') : t('terms.submit')}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
