import { useState, type FormEvent } from 'react';
import type { Deal } from '../api/deal-types.js';
import { FormField, type ControlAria } from '../components/FormField.js';
import { useT } from '../i18n/I18nProvider.js';
import type { Problem } from '../lib/problems.js';
import { BrokerSelect } from './BrokerSelect.js';
import type { MessageKey } from '../i18n/zh-CN.js';
import { EVENT_FORMS, milestoneOptions, openObjections, parseEventPayload, type EventField } from './eventForms.js';
import { eventLabel } from './labels.js';

// FormField gives its child the label's id and the described-by ids: Control passes them to the element the
// reader actually focuses.
function Control({
  field,
  value,
  onChange,
  deal,
  type,
  ...aria
}: ControlAria & { field: EventField; value: string; onChange(v: string): void; deal: Deal; type: string }) {
  const { t, label, date } = useT();
  if (field.kind === 'objection' || field.kind === 'choice') {
    const options =
      field.kind === 'objection'
        ? openObjections(deal).map((o) => ({ value: o.id, text: `${date(o.at, true)} · ${o.reason.slice(0, 60)}` }))
        : (field.options ?? []).map((o) => ({
            value: o.value,
            text: typeof o.label === 'string' ? t(o.label as MessageKey) : label(o.label),
          }));
    return (
      <select {...aria} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('listingForm.choose')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.text}
          </option>
        ))}
      </select>
    );
  }
  if (field.kind === 'reason')
    return (
      <textarea {...aria} rows={3} maxLength={field.max} value={value} onChange={(e) => onChange(e.target.value)} />
    );
  if (field.kind === 'date')
    return <input {...aria} type="date" value={value} onChange={(e) => onChange(e.target.value)} />;
  if (field.kind === 'broker') return <BrokerSelect {...aria} value={value} onChange={onChange} />;
  if (field.kind === 'milestone') {
    return (
      <select {...aria} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('listingForm.choose')}</option>
        {milestoneOptions(type, deal).map((o) => (
          <option key={o.index} value={o.index}>{`#${o.index + 1} ${o.label}`}</option>
        ))}
      </select>
    );
  }
  const numeric = field.kind === 'yuan' || field.kind === 'percent';
  return (
    <input
      {...aria}
      type="text"
      inputMode={numeric ? 'decimal' : undefined}
      maxLength={field.max}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

/** The small form an event opens (a reason, a registration number, a milestone…), checked as the API checks it. */
export function EventForm({
  type,
  deal,
  sending,
  serverErrors,
  onSubmit,
  onCancel,
}: {
  type: string;
  deal: Deal;
  sending: boolean;
  serverErrors: Record<string, string>;
  onSubmit(payload: Record<string, unknown>): void;
  onCancel(): void;
}) {
  const { t, label } = useT();
  const fields = EVENT_FORMS[type] ?? [];
  const [values, setValues] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, Problem>>({});

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseEventPayload(type, values, deal);
    setErrors(parsed.errors);
    if (parsed.payload) onSubmit(parsed.payload);
  };
  const errorOf = (name: string) =>
    errors[name] ? t(errors[name].key, errors[name].vars) : (serverErrors[name] ?? null);

  return (
    <form className="form event-form card" noValidate onSubmit={submit} aria-label={label(eventLabel(type))}>
      <h3>{label(eventLabel(type))}</h3>
      {fields.map((field) => (
        <FormField
          key={field.name}
          label={t(field.label)}
          hint={field.hint && t(field.hint)}
          error={errorOf(field.name)}
        >
          <Control
            field={field}
            deal={deal}
            type={type}
            value={values[field.name] ?? ''}
            onChange={(v) => setValues((cur) => ({ ...cur, [field.name]: v }))}
          />
        </FormField>
      ))}
      <div className="form-actions">
        <button type="submit" className="button" disabled={sending}>
          {sending ? t('common.saving') : label(eventLabel(type))}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
