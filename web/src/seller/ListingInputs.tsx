import type { ReactNode } from 'react';
import { FormField } from '../components/FormField.js';
import { useT } from '../i18n/I18nProvider.js';
import { TRL_LABELS, type Label } from '../i18n/labels.js';
import type { Problem } from '../lib/problems.js';
import type { ListingErrors, ListingFormValues } from './listingForm.js';

// The inputs the listing form's sections (ListingFields.tsx) are built from, and what each of them is handed.

export interface FieldsProps {
  values: ListingFormValues;
  /** The problem to show for a field now (after the reader left it or tried to save), or the server's word. */
  errorOf(field: keyof ListingErrors): string | null;
  set<K extends keyof ListingFormValues>(field: K, value: ListingFormValues[K]): void;
  touch(field: keyof ListingErrors): void;
}

export const showProblem = (t: (key: Problem['key'], vars?: Problem['vars']) => string, p: Problem | undefined) =>
  p ? t(p.key, p.vars) : null;

export function Select<K extends keyof ListingFormValues>({
  p,
  field,
  label,
  options,
  labels,
}: {
  p: FieldsProps;
  field: K;
  label: string;
  options: readonly string[];
  labels: Record<string, Label>;
}) {
  const { label: l } = useT();
  return (
    <FormField label={label} error={p.errorOf(field)}>
      <select value={String(p.values[field])} onChange={(e) => p.set(field, e.target.value as ListingFormValues[K])}>
        {options.map((o) => (
          <option key={o} value={o}>
            {l(labels[o])}
          </option>
        ))}
      </select>
    </FormField>
  );
}

export function Text({
  p,
  field,
  label,
  hint,
  max,
  multiline,
  required,
}: {
  p: FieldsProps;
  field:
    | 'title'
    | 'titleEn'
    | 'summary'
    | 'description'
    | 'keywords'
    | 'ipNumbers'
    | 'askingPrice'
    | 'region'
    | 'contactName'
    | 'contactPhone'
    | 'contactEmail'
    | 'confidentialDetails';
  label: string;
  hint?: ReactNode;
  max?: number;
  multiline?: number;
  required?: boolean;
}) {
  const common = { value: p.values[field], onBlur: () => p.touch(field), required, maxLength: max };
  return (
    <FormField label={label} hint={hint} error={p.errorOf(field)}>
      {multiline ? (
        <textarea rows={multiline} {...common} onChange={(e) => p.set(field, e.target.value)} />
      ) : (
        <input
          type="text"
          {...common}
          onChange={(e) => p.set(field, e.target.value)}
          inputMode={field === 'askingPrice' ? 'decimal' : undefined}
        />
      )}
    </FormField>
  );
}

export function TrlSelect({ p }: { p: FieldsProps }) {
  const { t, label } = useT();
  return (
    <FormField label={t('listing.trlLabel')} error={p.errorOf('trl')}>
      <select
        value={p.values.trl}
        required
        onBlur={() => p.touch('trl')}
        onChange={(e) => p.set('trl', e.target.value)}
      >
        <option value="">{t('listingForm.choose')}</option>
        {TRL_LABELS.map((l, i) => (
          <option key={i} value={i + 1}>{`${i + 1} · ${label(l)}`}</option>
        ))}
      </select>
    </FormField>
  );
}
