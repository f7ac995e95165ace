import { useState, type FormEvent } from 'react';
import { isApiError } from '../api/errors.js';
import { api } from '../api/index.js';
import type { DealMessage } from '../api/deal-types.js';
import { ErrorState, Loading } from '../components/states.js';
import { useT } from '../i18n/I18nProvider.js';
import { useLive } from '../lib/useLive.js';
import { PARTY_LABELS } from './labels.js';

/** The deal room's conversation, oldest first, and a box to write in. Closed deals keep theirs readable. */
export function Messages({ dealId, version }: { dealId: string; version: number }) {
  const { t, label, date } = useT();
  // Reloaded whenever the deal moves: the other side's messages often come with their actions.
  const messages = useLive((signal) => api.dealMessages(dealId, signal), [dealId, version]);
  const [body, setBody] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const send = async (e: FormEvent) => {
    e.preventDefault();
    const text = body.trim();
    if (!text) {
      setError(t('form.required'));
      return;
    }
    setSending(true);
    setError(null);
    try {
      const posted = await api.postDealMessage(dealId, text);
      messages.set({ items: [...(messages.data?.items ?? []), posted], nextCursor: null });
      setBody('');
    } catch (err) {
      setError(isApiError(err) ? err.detail : t('state.error'));
    } finally {
      setSending(false);
    }
  };

  const items: DealMessage[] = messages.data?.items ?? [];
  return (
    <div className="messages">
      {messages.data === undefined && messages.status === 'loading' && <Loading minHeight="6rem" />}
      {messages.status === 'error' && <ErrorState error={messages.error} onRetry={messages.reload} minHeight="4rem" />}
      {messages.data && items.length === 0 && <p className="muted">{t('messages.none')}</p>}
      <ol className="message-list" aria-live="polite">
        {items.map((m) => (
          <li key={m.id} className={`message message-${m.author.role}`}>
            <p className="message-meta">
              <strong>{m.author.name}</strong> ·{' '}
              {label(PARTY_LABELS[m.author.role] ?? { zh: m.author.role, en: m.author.role })} ·{' '}
              <time dateTime={m.createdAt}>{date(m.createdAt, true)}</time>
            </p>
            <p className="prose">{m.body}</p>
          </li>
        ))}
      </ol>
      <form className="form message-form" onSubmit={send} noValidate>
        <div className="form-field">
          <label htmlFor="message-body">{t('messages.write')}</label>
          <textarea
            id="message-body"
            rows={3}
            maxLength={5000}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            aria-invalid={error ? true : undefined}
          />
        </div>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button button-secondary" disabled={sending}>
          {sending ? t('common.saving') : t('messages.send')}
        </button>
      </form>
    </div>
  );
}
