import { useState, type ReactNode } from 'react';
import { isApiError } from '../api/errors.js';
import { api } from '../api/index.js';
import type { Attachment, ReviewItem } from '../api/types.js';
import { formatFen } from '../i18n/format.js';
import { Facts } from '../components/Facts.js';
import { useT } from '../i18n/I18nProvider.js';
import {
  CATEGORY_LABELS,
  DEAL_FORM_LABELS,
  FORM_LABELS,
  FUNDING_SOURCE_LABELS,
  IP_TYPE_LABELS,
  LEVEL_LABELS,
  STAGE_LABELS,
  fieldLabel,
  labelOf,
  regionOf,
  trlLabel,
} from '../i18n/labels.js';
import type { MessageKey } from '../i18n/zh-CN.js';
import { formatBytes, saveBlob } from '../lib/download.js';

/** Every field of the registration form, as the reviewer checks it against the attachments. */
function RegistrationFacts({ item }: { item: ReviewItem }) {
  const { t, label, date } = useT();
  const rows: Array<[MessageKey, ReactNode]> = [
    ['listing.organization', item.organization.name],
    ['review.submittedAt', item.submittedAt && date(item.submittedAt, true)],
    ['listing.category', label(labelOf(CATEGORY_LABELS, item.category))],
    ['listing.field', label(fieldLabel(item.field))],
    ['listing.form', label(labelOf(FORM_LABELS, item.form))],
    ['listing.trlLabel', `${t('listing.trl', { trl: item.trl })} · ${label(trlLabel(item.trl))}`],
    ['listing.stage', label(labelOf(STAGE_LABELS, item.stage))],
    ['listing.level', label(labelOf(LEVEL_LABELS, item.level))],
    ['listing.ipType', label(labelOf(IP_TYPE_LABELS, item.ipType))],
    ['listing.ipNumbers', item.ipNumbers.join('、')],
    ['listing.dealTypes', item.dealTypes.map((d) => label(labelOf(DEAL_FORM_LABELS, d))).join('、')],
    ['listing.price', item.askingPrice === null ? t('listing.negotiable') : formatFen(item.askingPrice)],
    ['listing.fundingSource', label(labelOf(FUNDING_SOURCE_LABELS, item.fundingSource))],
    ['listing.region', item.region && label(regionOf(item.region) ?? { zh: item.region, en: item.region })],
    ['listing.inventors', item.inventors.map((p) => (p.title ? `${p.name}（${p.title}）` : p.name)).join('、')],
    [
      'listing.contact',
      item.contact && [item.contact.name, item.contact.phone, item.contact.email].filter(Boolean).join(' · '),
    ],
    ['listing.keywords', item.keywords.join('、')],
    ['listing.description', item.description],
    ['listing.confidential', item.confidentialDetails],
  ];
  return <Facts rows={rows} />;
}

/** The attachments, each a download fetched with the reviewer's token (confidential ones included). */
function AttachmentList({ item }: { item: ReviewItem }) {
  const { t, locale, date } = useT();
  const [problem, setProblem] = useState<string | null>(null);
  const download = async (a: Attachment) => {
    try {
      saveBlob(await api.attachmentFile(item.id, a.id), a.filename);
    } catch (err) {
      setProblem(isApiError(err) ? err.detail : t('state.error'));
    }
  };
  if (item.attachments.length === 0) return <p className="muted">{t('review.noAttachments')}</p>;
  return (
    <>
      <ul className="link-list">
        {item.attachments.map((a) => (
          <li key={a.id} className="attachment-row">
            <button
              type="button"
              className="link-button"
              aria-label={t('review.download', { name: a.filename })}
              onClick={() => void download(a)}
            >
              {a.filename}
            </button>
            <span className="muted">
              {formatBytes(a.size, locale)} ·{' '}
              {t(a.visibility === 'public' ? 'attachments.public' : 'attachments.confidential')} · {date(a.createdAt)}
            </span>
          </li>
        ))}
      </ul>
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
    </>
  );
}

/** What the reviewer reads before deciding: the registration, its files, and what the bureau said before. */
export function ReviewEvidence({ item, idBase }: { item: ReviewItem; idBase: string }) {
  const { t, date } = useT();
  return (
    <div className="review-evidence">
      <section aria-labelledby={`${idBase}-facts`}>
        <h4 id={`${idBase}-facts`}>{t('review.evidence')}</h4>
        <RegistrationFacts item={item} />
      </section>
      <section aria-labelledby={`${idBase}-files`}>
        <h4 id={`${idBase}-files`}>{t('review.attachments')}</h4>
        <AttachmentList item={item} />
      </section>
      <section aria-labelledby={`${idBase}-history`}>
        <h4 id={`${idBase}-history`}>{t('review.history')}</h4>
        {item.rejections.length === 0 ? (
          <p className="muted">{t('review.noHistory')}</p>
        ) : (
          <ol className="review-history">
            {item.rejections.map((r) => (
              <li key={r.at}>
                <time dateTime={r.at}>{t('review.returnedOn', { date: date(r.at, true) })}</time>
                <p className="prose">{r.reason}</p>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
