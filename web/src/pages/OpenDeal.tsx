import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { isApiError } from '../api/errors.js';
import { api } from '../api/index.js';
import type { DealForm, Listing } from '../api/types.js';
import { useAuth } from '../auth/AuthProvider.js';
import { useT } from '../i18n/I18nProvider.js';
import { DEAL_FORM_LABELS } from '../i18n/labels.js';

/** A buyer picks one of the listing's deal forms and sends an inquiry: POST /api/deals, then the deal room. */
export function OpenDeal({ listing }: { listing: Listing }) {
  const { t, label } = useT();
  const { status, user } = useAuth();
  const navigate = useNavigate();
  const [type, setType] = useState<DealForm>(listing.dealTypes[0]);
  const [message, setMessage] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (status === 'loading') return null;
  if (!user) {
    const next = encodeURIComponent(`/listings/${listing.id}`);
    return (
      <p className="notice">
        <Link to={`/login?next=${next}`}>{t('deal.loginFirst')}</Link>
      </p>
    );
  }
  if (user.role !== 'buyer') return <p className="notice">{t('deal.buyersOnly')}</p>;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSending(true);
    setError(null);
    try {
      const deal = await api.openDeal(listing.id, type, message.trim() || undefined);
      void navigate(`/deals/${encodeURIComponent(deal.id)}`);
    } catch (err) {
      setError(t('deal.failed', { detail: isApiError(err) ? err.detail : String(err) }));
      setSending(false);
    }
  };

  return (
    <form className="card open-deal" onSubmit={submit} aria-labelledby="open-deal-heading">
      <h2 id="open-deal-heading">{t('deal.open')}</h2>
      <fieldset>
        <legend>{t('deal.type')}</legend>
        {listing.dealTypes.map((d) => (
          <label key={d} className="radio">
            <input type="radio" name="dealType" value={d} checked={type === d} onChange={() => setType(d)} />
            {label(DEAL_FORM_LABELS[d])}
          </label>
        ))}
      </fieldset>
      <div className="form-field">
        <label htmlFor="deal-message">{t('deal.message')}</label>
        <textarea
          id="deal-message"
          rows={4}
          maxLength={2000}
          value={message}
          onChange={(e) => setMessage(e.target.value)}
        />
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button" disabled={sending}>
        {sending ? t('deal.submitting') : t('deal.submit')}
      </button>
    </form>
  );
}
