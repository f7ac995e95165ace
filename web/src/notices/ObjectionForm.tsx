import { useState, type FormEvent } from 'react';
import { api } from '../api/index.js';
import { isApiError } from '../api/errors.js';
import type { NoticeObjection } from '../api/types.js';
import { FormField } from '../components/FormField.js';
import { useT } from '../i18n/I18nProvider.js';

const REASON_MAX = 1000;

/** Anyone signed in objects to an open notice, with reasons (the objector is never shown on the board). */
export function ObjectionForm({ noticeId, onFiled }: { noticeId: string; onFiled(o: NoticeObjection): void }) {
  const { t } = useT();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    if (reason.trim() === '') {
      setProblem(t('notices.reasonRequired'));
      return;
    }
    setProblem(null);
    setSending(true);
    try {
      const filed = await api.objectToNotice(noticeId, reason.trim());
      setReason('');
      setDone(true);
      onFiled(filed);
    } catch (err) {
      if (isApiError(err, 'RATE_LIMITED')) setFormError(t('notices.tooMany'));
      else if (isApiError(err, 'INVALID_TRANSITION')) setFormError(t('notices.closed'));
      else setFormError(isApiError(err) ? err.detail : t('state.error'));
    } finally {
      setSending(false);
    }
  };

  return (
    <form className="form objection-form" noValidate onSubmit={submit} aria-label={t('notices.object')}>
      <FormField label={t('notices.reason')} hint={t('notices.reasonHint')} error={problem}>
        <textarea rows={3} maxLength={REASON_MAX} value={reason} onChange={(e) => setReason(e.target.value)} />
      </FormField>
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
      {done && (
        <p className="muted" role="status">
          {t('notices.filed')}
        </p>
      )}
      <button type="submit" className="button" disabled={sending}>
        {t('notices.submit')}
      </button>
    </form>
  );
}
