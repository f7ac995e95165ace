import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { isApiError } from '../../api/errors.js';
import { api } from '../../api/index.js';
import type { ReviewItem as ReviewEntry } from '../../api/types.js';
import { ReviewEvidence } from '../../admin/ReviewEvidence.js';
import { CursorListView } from '../../components/CursorListView.js';
import { FormField } from '../../components/FormField.js';
import { usePageTitle } from '../../components/usePageTitle.js';
import { formatFen } from '../../i18n/format.js';
import { useT } from '../../i18n/I18nProvider.js';
import { DEAL_FORM_LABELS, fieldLabel, labelOf } from '../../i18n/labels.js';
import { useCursorList } from '../../lib/useCursorList.js';

type Outcome = { decision: 'approve' | 'reject'; registrationNo?: string | null };

function ReviewItem({ item, onDone }: { item: ReviewEntry; onDone(outcome: Outcome): void }) {
  const { t, label, date } = useT();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const decide = async (decision: 'approve' | 'reject') => {
    // The API refuses a rejection without a reason: the seller must learn what to fix.
    if (decision === 'reject' && !reason.trim()) {
      setProblem(t('review.reasonRequired'));
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const listing = await api.reviewListing(item.id, decision, decision === 'reject' ? reason.trim() : undefined);
      onDone({ decision, registrationNo: listing.registrationNo });
    } catch (err) {
      setProblem(isApiError(err) ? err.detail : t('state.error'));
      setBusy(false);
    }
  };
  const submitReject = (e: FormEvent) => {
    e.preventDefault();
    void decide('reject');
  };

  return (
    <article className="card review-item">
      <h3 className="card-title">
        <Link to={`/listings/${encodeURIComponent(item.id)}`}>{item.title}</Link>
      </h3>
      <p className="card-summary">{item.summary}</p>
      <p className="card-meta">
        <span>{item.organization.name}</span>
        <span>{label(fieldLabel(item.field))}</span>
        <span>{t('listing.trl', { trl: item.trl })}</span>
        <span>{item.dealTypes.map((d) => label(labelOf(DEAL_FORM_LABELS, d))).join('、')}</span>
        <span>
          {t('listing.price')}: {item.askingPrice === null ? t('listing.negotiable') : formatFen(item.askingPrice)}
        </span>
        <span>
          {t('seller.updatedAt')}: {date(item.updatedAt)}
        </span>
      </p>
      <ReviewEvidence item={item} idBase={`review-${item.id}`} />
      <div className="row-actions">
        <button type="button" className="button" disabled={busy} onClick={() => void decide('approve')}>
          {t('review.approve')}
        </button>
        <button
          type="button"
          className="button button-secondary"
          disabled={busy}
          aria-expanded={rejecting}
          onClick={() => setRejecting((r) => !r)}
        >
          {t('review.reject')}
        </button>
      </div>
      {rejecting && (
        <form className="form" onSubmit={submitReject} noValidate>
          <FormField label={t('review.reason')} error={problem}>
            <textarea rows={3} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
          </FormField>
          <button type="submit" className="button button-secondary" disabled={busy}>
            {t('review.sendBack')}
          </button>
        </form>
      )}
      {!rejecting && problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
    </article>
  );
}

/** Submitted registrations, oldest first: the bureau approves (publishes) or sends each back with a reason. */
export default function ReviewQueue() {
  const { t } = useT();
  usePageTitle(t('admin.review'));
  const list = useCursorList((cursor, signal) => api.reviewQueue({ limit: 20, cursor }, signal));
  const [done, setDone] = useState<Record<string, Outcome>>({});
  return (
    <section aria-labelledby="review-title">
      <h2 id="review-title">{t('admin.review')}</h2>
      <p className="muted">{t('review.intro')}</p>
      <CursorListView list={list} minHeight="16rem" empty={t('review.empty')}>
        {(item) =>
          done[item.id] ? (
            <p className="notice" role="status">
              {done[item.id].decision === 'approve'
                ? t('review.approved', { title: item.title, no: done[item.id].registrationNo ?? '' })
                : t('review.rejected', { title: item.title })}
            </p>
          ) : (
            <ReviewItem item={item} onDone={(o) => setDone((d) => ({ ...d, [item.id]: o }))} />
          )
        }
      </CursorListView>
    </section>
  );
}
