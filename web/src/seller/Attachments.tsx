import { useRef, useState, type FormEvent } from 'react';
import { isApiError } from '../api/errors.js';
import { api } from '../api/index.js';
import type { Attachment, AttachmentVisibility } from '../api/types.js';
import { FormField } from '../components/FormField.js';
import { useT } from '../i18n/I18nProvider.js';
import { saveBlob, formatBytes } from '../lib/download.js';

// The API types uploads by their bytes (PDF, images, Office) and refuses the rest; the picker offers the same.
const ACCEPT = '.pdf,.png,.jpg,.jpeg,.gif,.webp,.doc,.docx,.xls,.xlsx,.ppt,.pptx';
const MAX_BYTES = 20 * 1024 * 1024;

export function Attachments({ listingId, initial }: { listingId: string; initial: Attachment[] }) {
  const { t, date, locale } = useT();
  const [items, setItems] = useState(initial);
  const [visibility, setVisibility] = useState<AttachmentVisibility>('public');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const upload = async (e: FormEvent) => {
    e.preventDefault();
    const file = fileInput.current?.files?.[0];
    setError(null);
    if (!file) {
      setError(t('attachments.chooseFile'));
      return;
    }
    if (file.size > MAX_BYTES) {
      setError(t('attachments.tooLarge'));
      return;
    }
    setBusy(true);
    try {
      const added = await api.uploadAttachment(listingId, file, visibility);
      setItems((cur) => [...cur, added]);
      if (fileInput.current) fileInput.current.value = '';
    } catch (err) {
      if (isApiError(err, 'UNSUPPORTED_MEDIA_TYPE')) setError(t('attachments.badType'));
      else if (isApiError(err, 'PAYLOAD_TOO_LARGE')) setError(t('attachments.tooLarge'));
      else setError(isApiError(err) ? err.detail : t('state.error'));
    } finally {
      setBusy(false);
    }
  };

  const remove = async (a: Attachment) => {
    if (!window.confirm(t('attachments.confirmRemove', { name: a.filename }))) return;
    try {
      await api.deleteAttachment(listingId, a.id);
      setItems((cur) => cur.filter((x) => x.id !== a.id));
    } catch (err) {
      setError(isApiError(err) ? err.detail : t('state.error'));
    }
  };

  const download = async (a: Attachment) => {
    try {
      saveBlob(await api.attachmentFile(listingId, a.id), a.filename);
    } catch (err) {
      setError(isApiError(err) ? err.detail : t('state.error'));
    }
  };

  return (
    <section className="card form-section" aria-labelledby="attachments-heading">
      <h2 id="attachments-heading">{t('attachments.title')}</h2>
      {items.length === 0 ? (
        <p className="muted">{t('attachments.none')}</p>
      ) : (
        <ul className="link-list">
          {items.map((a) => (
            <li key={a.id} className="attachment-row">
              <button type="button" className="link-button" onClick={() => void download(a)}>
                {a.filename}
              </button>
              <span className="muted">
                {formatBytes(a.size, locale)} ·{' '}
                {t(a.visibility === 'public' ? 'attachments.public' : 'attachments.confidential')} · {date(a.createdAt)}
              </span>
              <button type="button" className="button button-quiet" onClick={() => void remove(a)}>
                {t('common.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="form attachment-form" onSubmit={upload}>
        <FormField label={t('attachments.file')} hint={t('attachments.hint')}>
          <input ref={fileInput} type="file" accept={ACCEPT} />
        </FormField>
        <FormField label={t('attachments.visibility')}>
          <select value={visibility} onChange={(e) => setVisibility(e.target.value as AttachmentVisibility)}>
            <option value="public">{t('attachments.public')}</option>
            <option value="confidential">{t('attachments.confidential')}</option>
          </select>
        </FormField>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button button-secondary" disabled={busy}>
          {busy ? t('attachments.uploading') : t('attachments.upload')}
        </button>
      </form>
    </section>
  );
}
