import { useState } from 'react';
import { isApiError } from '../api/errors.js';
import { api } from '../api/index.js';
import type { Attachment } from '../api/types.js';
import { useT } from '../i18n/I18nProvider.js';
import { formatBytes, saveBlob } from '../lib/download.js';

// The kinds of file the server accepts (src/listings/file-types.ts), as readers name them.
const KINDS: Array<[RegExp, string]> = [
  [/pdf$/, 'PDF'],
  [/^image\/png$/, 'PNG'],
  [/^image\/jpeg$/, 'JPEG'],
  [/^image\/gif$/, 'GIF'],
  [/^image\/webp$/, 'WebP'],
  [/wordprocessingml|msword/, 'Word'],
  [/spreadsheetml|ms-excel/, 'Excel'],
  [/presentationml|ms-powerpoint/, 'PowerPoint'],
];

/** A file's type as a reader names it, from its MIME type; the MIME type itself when it is none of these. */
export const fileKind = (mimeType: string) => KINDS.find(([re]) => re.test(mimeType))?.[1] ?? mimeType;

/**
 * The listing's files the API let this reader see. Public files are plain links (they need no token, so they
 * also work opened in a new tab); a confidential one, shown only after an NDA, is fetched with the token.
 */
export function ListingAttachments({ listingId, files }: { listingId: string; files: Attachment[] }) {
  const { t, locale } = useT();
  const [error, setError] = useState<string | null>(null);
  if (files.length === 0) return null;
  const download = async (a: Attachment) => {
    setError(null);
    try {
      saveBlob(await api.attachmentFile(listingId, a.id), a.filename);
    } catch (err) {
      setError(isApiError(err) ? err.detail : t('state.error'));
    }
  };
  const href = (a: Attachment) =>
    `/api/listings/${encodeURIComponent(listingId)}/attachments/${encodeURIComponent(a.id)}`;
  return (
    <section aria-labelledby="attachments-heading">
      <h2 id="attachments-heading">{t('attachments.title')}</h2>
      <ul className="link-list">
        {files.map((a) => (
          <li key={a.id} className="attachment-row">
            {a.visibility === 'public' ? (
              <a href={href(a)} download={a.filename}>
                {a.filename}
              </a>
            ) : (
              <button type="button" className="link-button" onClick={() => void download(a)}>
                {a.filename}
              </button>
            )}
            <span className="muted">
              {fileKind(a.mimeType)} · {formatBytes(a.size, locale)}
              {a.visibility === 'confidential' ? ` · ${t('attachments.confidential')}` : ''}
            </span>
          </li>
        ))}
      </ul>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
