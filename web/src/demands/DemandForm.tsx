import { useState, type FormEvent } from 'react';
import { DEAL_FORMS, FIELDS, type DealForm, type Field } from '../../../src/shared/listing.ts';
import { isApiError } from '../api/errors.js';
import { api } from '../api/index.js';
import type { Demand, DemandInput } from '../api/types.js';
import { FormField } from '../components/FormField.js';
import { formatFen, parseYuan } from '../i18n/format.js';
import { useT } from '../i18n/I18nProvider.js';
import { DEAL_FORM_LABELS, FIELD_LABELS } from '../i18n/labels.js';
import type { MessageKey } from '../i18n/zh-CN.js';

type Problems = Partial<Record<'title' | 'description' | 'budget' | 'dealTypes', MessageKey>>;

// The API's bounds for a demand (src/demands/schemas.ts), checked before sending.
function lengthProblem(text: string, min: number, max: number, tooShortOrLong: MessageKey): MessageKey | undefined {
  const length = text.trim().length;
  if (length === 0) return 'form.required';
  return length < min || length > max ? tooShortOrLong : undefined;
}

// "1,500,000.50" for an amount in fen, the way the form reads it back.
const yuanText = (fen: number | null) => (fen === null ? '' : formatFen(fen).replace(/^[^\d-]+/, ''));

/** Posts a new demand, or edits `initial` (its owner): the same fields, the same checks. */
export function DemandForm({ initial, onSaved }: { initial?: Demand; onSaved(demand: Demand): void }) {
  const { t, label } = useT();
  const [title, setTitle] = useState(initial?.title ?? '');
  const [description, setDescription] = useState(initial?.description ?? '');
  const [field, setField] = useState<Field>(initial?.field ?? FIELDS[0]);
  const [budget, setBudget] = useState(initial ? yuanText(initial.budget) : '');
  const [region, setRegion] = useState(initial?.region ?? '');
  const [dealTypes, setDealTypes] = useState<DealForm[]>(initial?.dealTypes ?? []);
  const [problems, setProblems] = useState<Problems>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  const toggle = (d: DealForm) =>
    setDealTypes((cur) => DEAL_FORMS.filter((v) => (v === d ? !cur.includes(d) : cur.includes(v))));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const budgetFen = budget.trim() ? parseYuan(budget) : undefined;
    const found: Problems = {};
    found.title = lengthProblem(title, 2, 200, 'demands.titleLength');
    found.description = lengthProblem(description, 10, 5000, 'demands.descriptionLength');
    if (budgetFen === null) found.budget = 'demands.budgetInvalid';
    if (dealTypes.length === 0) found.dealTypes = 'demands.dealTypesRequired';
    setProblems(found);
    setFormError(null);
    if (Object.values(found).some(Boolean) || budgetFen === null) return;
    setSending(true);
    const input: DemandInput = {
      title: title.trim(),
      description: description.trim(),
      field,
      dealTypes,
      ...(budgetFen === undefined ? {} : { budget: budgetFen }),
      ...(region.trim() ? { region: region.trim() } : {}),
    };
    try {
      // An edit clears what the owner emptied: no budget, no region.
      const saved = initial
        ? await api.updateDemand(initial.id, { ...input, budget: budgetFen ?? null, region: region.trim() || null })
        : await api.postDemand(input);
      onSaved(saved);
    } catch (err) {
      setFormError(isApiError(err) ? err.detail : t('state.error'));
    } finally {
      setSending(false);
    }
  };

  const show = (key: keyof Problems) => (problems[key] ? t(problems[key]) : null);
  const heading = initial ? t('demand.edit') : t('demands.new');
  return (
    <form className="card form" noValidate onSubmit={submit} aria-label={heading}>
      <h2>{heading}</h2>
      <FormField label={t('demands.name')} error={show('title')}>
        <input type="text" required maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />
      </FormField>
      <FormField label={t('demands.description')} error={show('description')}>
        <textarea
          required
          rows={5}
          maxLength={5000}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
      </FormField>
      <FormField label={t('demands.field')}>
        <select value={field} onChange={(e) => setField(e.target.value as Field)}>
          {FIELDS.map((f) => (
            <option key={f} value={f}>
              {label(FIELD_LABELS[f])}
            </option>
          ))}
        </select>
      </FormField>
      <FormField label={t('demands.budget')} error={show('budget')}>
        <input type="text" inputMode="decimal" value={budget} onChange={(e) => setBudget(e.target.value)} />
      </FormField>
      <FormField label={t('board.region')}>
        <input type="text" maxLength={100} value={region} onChange={(e) => setRegion(e.target.value)} />
      </FormField>
      <fieldset className={problems.dealTypes ? 'has-error' : undefined}>
        <legend>{t('demands.dealTypes')}</legend>
        {DEAL_FORMS.map((d) => (
          <label key={d} className="checkbox">
            <input type="checkbox" checked={dealTypes.includes(d)} onChange={() => toggle(d)} />
            {label(DEAL_FORM_LABELS[d])}
          </label>
        ))}
        {problems.dealTypes && <p className="field-error">{t(problems.dealTypes)}</p>}
      </fieldset>
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
      <button type="submit" className="button" disabled={sending}>
        {sending ? t('demands.submitting') : initial ? t('demand.save') : t('demands.submit')}
      </button>
    </form>
  );
}
