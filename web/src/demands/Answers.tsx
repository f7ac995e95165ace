import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { isApiError } from '../api/errors.js';
import { api } from '../api/index.js';
import type { Demand, DemandResponse, User } from '../api/types.js';
import { CursorListView } from '../components/CursorListView.js';
import { FormField } from '../components/FormField.js';
import { ResourceView } from '../components/ResourceView.js';
import { formatFen } from '../i18n/format.js';
import { useT } from '../i18n/I18nProvider.js';
import { ROLE_LABELS, fieldLabel } from '../i18n/labels.js';
import { titleIn } from '../public/titles.js';
import { useCursorList } from '../lib/useCursorList.js';
import { useResource } from '../lib/useResource.js';

interface Option {
  id: string;
  title: string;
  titleEn?: string | null;
}

// A seller offers its own published listings; a broker any published listing (the search engine's list).
async function offerable(user: User, signal: AbortSignal): Promise<Option[]> {
  if (user.role === 'seller') {
    const mine = await api.myListings({ limit: 100 }, signal);
    return mine.items.filter((l) => l.status === 'published');
  }
  return (await api.searchListings(new URLSearchParams({ limit: '50' }), signal)).hits;
}

/** The answer form of a seller or a broker: one listing and an optional note. */
export function AnswerForm({ demand, user, onSent }: { demand: Demand; user: User; onSent(): void }) {
  const { t, locale } = useT();
  const options = useResource((signal) => offerable(user, signal), [user.id]);
  const [listingId, setListingId] = useState('');
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const [sending, setSending] = useState(false);

  const submit = async (e: FormEvent, first: string) => {
    e.preventDefault();
    setSending(true);
    setError(null);
    try {
      await api.answerDemand(demand.id, listingId || first, message.trim() || undefined);
      setSent(true);
      setMessage('');
      onSent();
    } catch (err) {
      if (isApiError(err, 'CONFLICT')) setError(t('demand.answerTaken'));
      else if (isApiError(err, 'DEMAND_CLOSED')) setError(t('demand.answerClosed'));
      else setError(isApiError(err) ? err.detail : t('state.error'));
    } finally {
      setSending(false);
    }
  };

  return (
    <section className="section" aria-labelledby="answer-heading">
      <h2 id="answer-heading">{t('demand.answer')}</h2>
      <ResourceView resource={options} minHeight="6rem" isEmpty={(o) => o.length === 0} empty={t('demand.noListings')}>
        {(o) => (
          <form className="card form" noValidate onSubmit={(e) => void submit(e, o[0].id)}>
            <FormField label={t('demand.answerListing')}>
              <select value={listingId || o[0].id} onChange={(e) => setListingId(e.target.value)}>
                {o.map((l) => (
                  <option key={l.id} value={l.id}>
                    {titleIn(locale, l)}
                  </option>
                ))}
              </select>
            </FormField>
            <FormField label={t('demand.answerMessage')}>
              <textarea rows={3} maxLength={2000} value={message} onChange={(e) => setMessage(e.target.value)} />
            </FormField>
            {error && (
              <p className="form-error" role="alert">
                {error}
              </p>
            )}
            {sent && !error && <p role="status">{t('demand.answerSent')}</p>}
            <button type="submit" className="button" disabled={sending}>
              {t('demand.answerSubmit')}
            </button>
          </form>
        )}
      </ResourceView>
    </section>
  );
}

function AnswerItem({ answer }: { answer: DemandResponse }) {
  const { t, label, locale, date } = useT();
  const l = answer.listing;
  return (
    <article className="card">
      <h3 className="card-title">
        <Link to={`/listings/${encodeURIComponent(l.id)}`}>{titleIn(locale, l)}</Link>
      </h3>
      <p className="card-meta">
        <span>
          {t('demand.answeredBy', {
            name: answer.responder.organization.name,
            role: label(ROLE_LABELS[answer.responder.role]),
          })}
        </span>
        <span>{label(fieldLabel(l.field))}</span>
        {l.askingPrice !== null && <span>{formatFen(l.askingPrice)}</span>}
        <time dateTime={answer.createdAt}>{date(answer.createdAt)}</time>
      </p>
      {answer.message && <p className="prose">{answer.message}</p>}
    </article>
  );
}

/** The answers the caller may read: all of them for the demand's organization, its own for a responder. */
export function AnswerList({ demandId, owner }: { demandId: string; owner: boolean }) {
  const { t } = useT();
  const list = useCursorList((cursor, signal) => api.demandResponses(demandId, { limit: 20, cursor }, signal));
  return (
    <section className="section" aria-labelledby="answers-heading">
      <h2 id="answers-heading">{owner ? t('demand.answers') : t('demand.myAnswers')}</h2>
      <CursorListView list={list} minHeight="4rem" empty={t('demand.noAnswers')}>
        {(answer) => <AnswerItem answer={answer} />}
      </CursorListView>
    </section>
  );
}
