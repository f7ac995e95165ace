import { RegionSelect } from '../components/RegionSelect.js';
import { FormField } from '../components/FormField.js';
import { useT } from '../i18n/I18nProvider.js';
import {
  CATEGORY_LABELS,
  DEAL_FORM_LABELS,
  FIELD_LABELS,
  FORM_LABELS,
  FUNDING_SOURCE_LABELS,
  IP_TYPE_LABELS,
  LEVEL_LABELS,
  STAGE_LABELS,
} from '../i18n/labels.js';
import {
  CATEGORIES,
  DEAL_FORMS,
  FIELDS,
  FORMS,
  FUNDING_SOURCES,
  IP_TYPES,
  LEVELS,
  STAGES,
  type PersonRow,
} from './listingForm.js';
import { Select, Text, TrlSelect, type FieldsProps } from './ListingInputs.js';

// The sections of the listing editor: basics, IP and deal types, people and contact, confidential details.

export function BasicFields({ p }: { p: FieldsProps }) {
  const { t } = useT();
  return (
    <fieldset className="form-section">
      <legend>{t('listingForm.basics')}</legend>
      <Text p={p} field="title" label={t('listingForm.title')} hint={t('listingForm.titleHint')} max={200} required />
      <Text p={p} field="titleEn" label={t('listingForm.titleEn')} max={300} />
      <Text
        p={p}
        field="summary"
        label={t('listingForm.summary')}
        hint={t('listingForm.summaryHint')}
        max={2000}
        multiline={5}
        required
      />
      <Text p={p} field="description" label={t('listingForm.description')} max={20_000} multiline={8} />
      <Text p={p} field="keywords" label={t('listingForm.keywords')} hint={t('listingForm.keywordsHint')} />
      <div className="form-grid">
        <Select p={p} field="category" label={t('listing.category')} options={CATEGORIES} labels={CATEGORY_LABELS} />
        <Select p={p} field="field" label={t('listing.field')} options={FIELDS} labels={FIELD_LABELS} />
        <Select p={p} field="form" label={t('listing.form')} options={FORMS} labels={FORM_LABELS} />
        <Select p={p} field="stage" label={t('listing.stage')} options={STAGES} labels={STAGE_LABELS} />
        <Select p={p} field="level" label={t('listing.level')} options={LEVELS} labels={LEVEL_LABELS} />
        <TrlSelect p={p} />
      </div>
    </fieldset>
  );
}

export function TransferFields({ p }: { p: FieldsProps }) {
  const { t, label } = useT();
  const toggle = (d: (typeof DEAL_FORMS)[number]) =>
    p.set(
      'dealTypes',
      DEAL_FORMS.filter((v) => (v === d ? !p.values.dealTypes.includes(d) : p.values.dealTypes.includes(v))),
    );
  const dealError = p.errorOf('dealTypes');
  return (
    <fieldset className="form-section">
      <legend>{t('listingForm.ipAndDeals')}</legend>
      <div className="form-grid">
        <Select p={p} field="ipType" label={t('listing.ipType')} options={IP_TYPES} labels={IP_TYPE_LABELS} />
        <Select
          p={p}
          field="fundingSource"
          label={t('listing.fundingSource')}
          options={FUNDING_SOURCES}
          labels={FUNDING_SOURCE_LABELS}
        />
      </div>
      <Text
        p={p}
        field="ipNumbers"
        label={t('listing.ipNumbers')}
        hint={t('listingForm.ipNumbersHint')}
        multiline={3}
      />
      <fieldset
        className={dealError ? 'has-error' : undefined}
        aria-describedby={dealError ? 'deal-types-error' : undefined}
      >
        <legend>{t('listing.dealTypes')}</legend>
        {DEAL_FORMS.map((d) => (
          <label key={d} className="checkbox">
            <input
              type="checkbox"
              checked={p.values.dealTypes.includes(d)}
              onChange={() => {
                toggle(d);
                p.touch('dealTypes');
              }}
            />
            {label(DEAL_FORM_LABELS[d])}
          </label>
        ))}
        {dealError && (
          <p id="deal-types-error" className="field-error">
            {dealError}
          </p>
        )}
      </fieldset>
      <div className="form-grid">
        <Text p={p} field="askingPrice" label={t('listingForm.askingPrice')} hint={t('listingForm.askingPriceHint')} />
        <FormField label={t('listing.region')} error={p.errorOf('region')}>
          <RegionSelect value={p.values.region} empty={t('region.none')} onChange={(code) => p.set('region', code)} />
        </FormField>
      </div>
    </fieldset>
  );
}

export function PeopleFields({ p }: { p: FieldsProps }) {
  const { t } = useT();
  const rows = p.values.inventors;
  const change = (i: number, patch: Partial<PersonRow>) =>
    p.set(
      'inventors',
      rows.map((r, j) => (j === i ? { ...r, ...patch } : r)),
    );
  return (
    <fieldset className="form-section">
      <legend>{t('listingForm.people')}</legend>
      <ol className="row-list">
        {rows.map((row, i) => (
          <li key={i} className="row-item">
            <FormField label={t('listingForm.inventorName', { n: i + 1 })} error={p.errorOf(`inventors.${i}.name`)}>
              <input
                type="text"
                maxLength={50}
                value={row.name}
                onBlur={() => p.touch(`inventors.${i}.name`)}
                onChange={(e) => change(i, { name: e.target.value })}
              />
            </FormField>
            <FormField label={t('listingForm.inventorTitle')} error={p.errorOf(`inventors.${i}.title`)}>
              <input
                type="text"
                maxLength={50}
                value={row.title}
                onChange={(e) => change(i, { title: e.target.value })}
              />
            </FormField>
            <button
              type="button"
              className="button button-quiet"
              onClick={() =>
                p.set(
                  'inventors',
                  rows.filter((_, j) => j !== i),
                )
              }
            >
              {t('common.remove')}
            </button>
          </li>
        ))}
      </ol>
      {p.errorOf('inventors') && <p className="field-error">{p.errorOf('inventors')}</p>}
      <button
        type="button"
        className="button button-secondary"
        disabled={rows.length >= 50}
        onClick={() => p.set('inventors', [...rows, { name: '', title: '' }])}
      >
        {t('listingForm.addInventor')}
      </button>
      <div className="form-grid">
        <Text p={p} field="contactName" label={t('listingForm.contactName')} max={50} />
        <Text p={p} field="contactPhone" label={t('listingForm.contactPhone')} max={20} />
        <Text p={p} field="contactEmail" label={t('listingForm.contactEmail')} max={254} />
      </div>
    </fieldset>
  );
}

export function ConfidentialFields({ p }: { p: FieldsProps }) {
  const { t } = useT();
  return (
    <fieldset className="form-section">
      <legend>{t('listingForm.confidentialSection')}</legend>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={p.values.ndaRequired}
          onChange={(e) => p.set('ndaRequired', e.target.checked)}
        />
        {t('listingForm.ndaRequired')}
      </label>
      <Text
        p={p}
        field="confidentialDetails"
        label={t('listing.confidential')}
        hint={t('listingForm.confidentialHint')}
        max={20_000}
        multiline={5}
      />
    </fieldset>
  );
}
