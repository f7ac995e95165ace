import { FormField } from '../components/FormField.js';
import { useT } from '../i18n/I18nProvider.js';
import type { Problem } from '../lib/problems.js';
import { PRICING_BASIS_KINDS, PRICING_BASIS_LABELS } from '../../../src/shared/deal.ts';
import { MAX_LISTING_DAYS, MIN_LISTING_DAYS, type PricingValues } from './offeringForm.js';

/** The base price, its basis and the listing period: a new offering and a relisting both set them. */
export function PricingFields({
  values,
  set,
  errors,
}: {
  values: PricingValues;
  set(key: keyof PricingValues, value: string): void;
  errors: Record<string, Problem | string>;
}) {
  const { t, label } = useT();
  const error = (path: string) => {
    const e = errors[path];
    return e ? (typeof e === 'string' ? e : t(e.key, e.vars)) : null;
  };
  return (
    <>
      <FormField label={t('offerings.new.basePrice')} error={error('basePrice')}>
        <input inputMode="decimal" value={values.basePrice} onChange={(e) => set('basePrice', e.target.value)} />
      </FormField>
      <FormField label={t('offerings.new.basisKind')} error={error('basis.kind')}>
        <select value={values.basisKind} onChange={(e) => set('basisKind', e.target.value)}>
          {PRICING_BASIS_KINDS.map((k) => (
            <option key={k} value={k}>
              {label(PRICING_BASIS_LABELS[k])}
            </option>
          ))}
        </select>
      </FormField>
      <FormField label={t('offerings.new.basisReference')} error={error('basis.reference')}>
        <input maxLength={200} value={values.basisReference} onChange={(e) => set('basisReference', e.target.value)} />
      </FormField>
      <FormField
        label={t('offerings.new.listingDays')}
        hint={t('offerings.new.listingDaysHint', { min: MIN_LISTING_DAYS, max: MAX_LISTING_DAYS })}
        error={error('listingDays')}
      >
        <input inputMode="numeric" value={values.listingDays} onChange={(e) => set('listingDays', e.target.value)} />
      </FormField>
    </>
  );
}
