import { FormField } from '../components/FormField.js';
import { useT } from '../i18n/I18nProvider.js';
import type { MessageKey } from '../i18n/zh-CN.js';

// The inputs TermsForm builds its deal forms from: a text or date field, a choice, and an editable schedule.

type Rows = Array<Record<string, string>>;
/** What a field needs from the form: the typed values, a setter, and the problem to show at a path. */
export interface Ctx {
  values: Record<string, unknown>;
  set(key: string, value: unknown): void;
  error(path: string): string | null;
}

export function Input({
  c,
  name,
  label,
  hint,
  inputMode,
  type = 'text',
}: {
  c: Ctx;
  name: string;
  label: MessageKey;
  hint?: MessageKey;
  inputMode?: 'decimal' | 'numeric';
  type?: 'text' | 'date';
}) {
  const { t } = useT();
  return (
    <FormField label={t(label)} hint={hint && t(hint)} error={c.error(name)}>
      <input
        type={type}
        inputMode={inputMode}
        value={String(c.values[name] ?? '')}
        onChange={(e) => c.set(name, e.target.value)}
      />
    </FormField>
  );
}

export function Choice({
  c,
  name,
  label,
  options,
  labels,
}: {
  c: Ctx;
  name: string;
  label: MessageKey;
  options: readonly string[];
  labels: Record<string, { zh: string; en: string }>;
}) {
  const { t, label: l } = useT();
  return (
    <FormField label={t(label)} error={c.error(name)}>
      <select value={String(c.values[name])} onChange={(e) => c.set(name, e.target.value)}>
        {options.map((o) => (
          <option key={o} value={o}>
            {l(labels[o])}
          </option>
        ))}
      </select>
    </FormField>
  );
}

/** An editable schedule (milestones, instalments): one row per item, with add and remove. */
export function RowsEditor({
  c,
  name,
  title,
  columns,
  blank,
  add,
}: {
  c: Ctx;
  name: string;
  title: MessageKey;
  blank: Record<string, string>;
  add: MessageKey;
  columns: Array<{ key: string; label: MessageKey; inputMode?: 'decimal' | 'numeric'; type?: 'date'; wide?: boolean }>;
}) {
  const { t } = useT();
  const rows = c.values[name] as Rows;
  const change = (i: number, key: string, value: string) =>
    c.set(
      name,
      rows.map((r, j) => (j === i ? { ...r, [key]: value } : r)),
    );
  return (
    <fieldset className="rows-editor">
      <legend>{t(title)}</legend>
      <ol className="row-list">
        {rows.map((row, i) => (
          <li key={i} className="row-item">
            {columns.map((col) => (
              <FormField key={col.key} label={`${t(col.label)} #${i + 1}`} error={c.error(`${name}.${i}.${col.key}`)}>
                <input
                  type={col.type ?? 'text'}
                  inputMode={col.inputMode}
                  className={col.wide ? 'wide' : undefined}
                  value={row[col.key]}
                  onChange={(e) => change(i, col.key, e.target.value)}
                />
              </FormField>
            ))}
            <button
              type="button"
              className="button button-quiet"
              onClick={() =>
                c.set(
                  name,
                  rows.filter((_, j) => j !== i),
                )
              }
            >
              {t('common.remove')}
            </button>
          </li>
        ))}
      </ol>
      {c.error(name) && (
        <p className="field-error" role="alert">
          {c.error(name)}
        </p>
      )}
      <button type="button" className="button button-secondary" onClick={() => c.set(name, [...rows, { ...blank }])}>
        {t(add)}
      </button>
    </fieldset>
  );
}
