import { FormField } from '../components/FormField.js';
import { useT } from '../i18n/I18nProvider.js';
import type { FieldSpec, SpecValue, SpecValues } from './specForm.js';

/** Draws a form described by FieldSpecs; errors are already translated by the caller. */
export function SpecFields({
  specs,
  values,
  set,
  errorOf,
}: {
  specs: FieldSpec[];
  values: SpecValues;
  set(name: string, value: SpecValue): void;
  errorOf(name: string): string | null;
}) {
  const { t, label } = useT();
  return (
    <>
      {specs.map((spec) => {
        const value = values[spec.name];
        const common = { label: t(spec.label), hint: spec.hint && t(spec.hint), error: errorOf(spec.name) };
        switch (spec.kind) {
          case 'checkbox':
            return (
              <label key={spec.name} className="checkbox">
                <input type="checkbox" checked={value === true} onChange={(e) => set(spec.name, e.target.checked)} />
                {t(spec.label)}
              </label>
            );
          case 'multi': {
            const chosen = value as string[];
            return (
              <fieldset key={spec.name} className={common.error ? 'has-error' : undefined}>
                <legend>{common.label}</legend>
                {spec.options.map((o) => (
                  <label key={o} className="checkbox">
                    <input
                      type="checkbox"
                      checked={chosen.includes(o)}
                      onChange={() =>
                        set(
                          spec.name,
                          chosen.includes(o)
                            ? chosen.filter((c) => c !== o)
                            : spec.options.filter((x) => x === o || chosen.includes(x)),
                        )
                      }
                    />
                    {label(spec.labels[o])}
                  </label>
                ))}
                {common.error && <p className="field-error">{common.error}</p>}
              </fieldset>
            );
          }
          case 'select':
            return (
              <FormField key={spec.name} {...common}>
                <select value={String(value)} onChange={(e) => set(spec.name, e.target.value)}>
                  {spec.options.map((o) => (
                    <option key={o} value={o}>
                      {label(spec.labels[o])}
                    </option>
                  ))}
                </select>
              </FormField>
            );
          case 'textarea':
          case 'list':
            return (
              <FormField key={spec.name} {...common}>
                <textarea
                  rows={spec.kind === 'list' ? 3 : 6}
                  value={String(value ?? '')}
                  onChange={(e) => set(spec.name, e.target.value)}
                />
              </FormField>
            );
          default:
            return (
              <FormField key={spec.name} {...common}>
                <input
                  type={spec.kind === 'date' ? 'date' : 'text'}
                  inputMode={spec.kind === 'yuan' ? 'decimal' : spec.kind === 'integer' ? 'numeric' : undefined}
                  maxLength={spec.kind === 'text' ? spec.max : undefined}
                  value={String(value ?? '')}
                  onChange={(e) => set(spec.name, e.target.value)}
                />
              </FormField>
            );
        }
      })}
    </>
  );
}
