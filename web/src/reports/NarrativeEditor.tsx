import { useEffect, useState, type FormEvent } from 'react';
import { isApiError } from '../api/errors.js';
import { api } from '../api/index.js';
import { NARRATIVE_MAX, type HalfYearReport, type ReportPeriod } from '../api/types.js';
import { FormField } from '../components/FormField.js';
import { errorMessageKey } from '../components/states.js';
import { useT } from '../i18n/I18nProvider.js';

/**
 * The organization's part of a draft report: the narrative, saved as often as the writer likes, then submitted
 * once. Submitting sends what the server holds, so unsaved text is saved first. A submitted report no longer
 * changes (the server answers 409), and the page then shows what was filed.
 */
export function NarrativeEditor({
  report,
  period,
  periodName,
  onReport,
  onConflict,
  onDirty,
}: {
  report: HalfYearReport;
  period: ReportPeriod;
  periodName: string;
  onReport(next: HalfYearReport, notice?: string): void;
  onConflict(): void;
  onDirty(dirty: boolean): void;
}) {
  const { t, locale } = useT();
  const [text, setText] = useState(report.narrative);
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const dirty = text !== report.narrative;
  useEffect(() => onDirty(dirty), [dirty, onDirty]);
  // Tell the page the editor is gone, so that leaving a submitted report asks nothing.
  useEffect(() => () => onDirty(false), [onDirty]);

  const fail = (err: unknown, action: 'save' | 'submit') => {
    if (isApiError(err, 'CONFLICT')) onConflict();
    else if (isApiError(err, 'VALIDATION_FAILED'))
      setFieldError(action === 'submit' ? t('myReport.narrativeRequired') : err.detail);
    // A 4xx detail says what the server refused; failures without an answer get the app's own words.
    else setError(isApiError(err) && err.status >= 400 && err.status < 500 ? err.detail : t(errorMessageKey(err)));
  };

  const run = async (action: 'save' | 'submit') => {
    setError(null);
    setFieldError(null);
    setSaved(false);
    if (action === 'submit') {
      if (!text.trim()) {
        setFieldError(t('myReport.narrativeRequired'));
        return;
      }
      if (!window.confirm(t('myReport.confirmSubmit', { period: periodName }))) return;
    }
    setBusy(action);
    try {
      if (dirty) {
        onReport(await api.saveReportNarrative(period, text));
        if (action === 'save') setSaved(true);
      }
      if (action === 'submit') onReport(await api.submitHalfYearReport(period), t('myReport.submitted'));
    } catch (err) {
      fail(err, action);
    } finally {
      setBusy(null);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run('save');
  };
  const counter = t('myReport.counter', {
    count: new Intl.NumberFormat(locale).format(text.length),
    max: new Intl.NumberFormat(locale).format(NARRATIVE_MAX),
  });

  return (
    <form className="form card" noValidate onSubmit={submit}>
      <FormField
        label={t('myReport.narrative')}
        hint={
          <>
            {t('myReport.narrativeHint')} <span className="counter">{counter}</span>
          </>
        }
        error={fieldError}
      >
        <textarea
          rows={12}
          maxLength={NARRATIVE_MAX}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setSaved(false);
          }}
        />
      </FormField>
      <div className="form-actions">
        <button type="submit" className="button button-secondary" disabled={busy !== null || !dirty}>
          {busy === 'save' ? t('common.saving') : t('common.save')}
        </button>
        <button type="button" className="button" disabled={busy !== null} onClick={() => void run('submit')}>
          {busy === 'submit' ? t('myReport.submitting') : t('myReport.submit')}
        </button>
        <span role="status" className={saved ? 'form-ok' : 'muted'}>
          {saved ? t('myReport.saved') : dirty ? t('myReport.unsaved') : ''}
        </span>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
