import { useRef, useState } from 'react';
import { isApiError } from '../api/errors.js';
import { api } from '../api/index.js';
import { newIdempotencyKey } from '../api/http.js';
import type { Deal, DealTerms } from '../api/deal-types.js';
import { useT } from '../i18n/I18nProvider.js';
import { serverProblems } from '../lib/problems.js';
import { CONFIRMED_EVENTS, ConfirmEvent } from './ConfirmEvent.js';
import { EventForm } from './EventForm.js';
import { ContractConfirm } from './Contract.js';
import { NdaConfirm } from './Nda.js';
import { needsForm } from './eventForms.js';
import { eventLabel } from './labels.js';
import { TermsForm } from './TermsForm.js';
import { isPublicInstitution } from '../../../src/shared/rewards.ts';

// Events that end or refuse something: drawn apart from the ones that move the deal forward.
// Signatures whose confirmation shows the text signed and sends its hash.
const SIGNED_TEXTS = new Set(['SIGN_NDA', 'SIGN_CONTRACT']);
const QUIET = new Set(['DECLINE', 'WITHDRAW', 'REJECT_TERMS', 'TERMINATE', 'RECORD_OBJECTION', 'REQUEST_CHANGES']);

/**
 * The events the caller may send now (the server's nextEvents, from the machine), as buttons. An event with
 * fields opens its form first. Every send carries the version the reader saw: if the deal moved meanwhile the
 * server answers 409, and the room says so and reloads.
 */
export function Actions({ deal, onDeal, onConflict }: { deal: Deal; onDeal(next: Deal): void; onConflict(): void }) {
  const { t, label } = useT();
  const [open, setOpen] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  // The text to sign changed since it was shown (409 NDA_CHANGED / CONTRACT_CHANGED): it is shown again.
  const [textChanged, setTextChanged] = useState(false);
  // One key per attempt at an action: a retry after a network failure is recognised by the server.
  const key = useRef<string>('');

  const start = (type: string) => {
    key.current = newIdempotencyKey();
    setTextChanged(false);
    setError(null);
    setFieldErrors({});
    if (needsForm(type) || CONFIRMED_EVENTS[type]) setOpen(type);
    else void send(type, {});
  };

  const send = async (type: string, payload: Record<string, unknown>) => {
    setSending(true);
    setError(null);
    try {
      const next = await api.sendDealEvent(deal.id, deal.version, { type, ...payload }, key.current);
      setOpen(null);
      onDeal(next);
    } catch (err) {
      if (isApiError(err, 'NDA_CHANGED') || isApiError(err, 'CONTRACT_CHANGED')) {
        // The text changed since it was shown: show the new one, with a new key for the new attempt.
        key.current = newIdempotencyKey();
        setTextChanged(true);
      } else if (isApiError(err, 'VERSION_CONFLICT') || isApiError(err, 'INVALID_TRANSITION')) {
        setOpen(null);
        onConflict();
      } else if (isApiError(err, 'FORBIDDEN')) setError(t('dealRoom.forbidden'));
      else if (isApiError(err, 'VALIDATION_FAILED')) {
        const { fields, other } = serverProblems(err.errors, type === 'PROPOSE_TERMS' ? 'body.terms.' : 'body.');
        setFieldErrors(fields);
        setError(other.length ? other.join('; ') : t('form.fixErrors'));
      } else setError(isApiError(err) ? err.detail : t('state.error'));
    } finally {
      setSending(false);
    }
  };

  if (deal.nextEvents.length === 0)
    // The room names who is awaited (DealWait); the generic line is for a deal that awaits no one else.
    return deal.awaiting.some((a) => a !== deal.role) ? null : <p className="muted">{t('dealRoom.nothingToDo')}</p>;
  const latest = deal.proposals.at(-1)?.terms ?? null;
  return (
    <div className="deal-actions">
      <div className="action-buttons" role="group" aria-label={t('dealRoom.actions')}>
        {deal.nextEvents.map((type) => (
          <button
            key={type}
            type="button"
            className={`button${QUIET.has(type) ? ' button-secondary' : ''}`}
            aria-expanded={needsForm(type) || CONFIRMED_EVENTS[type] ? open === type : undefined}
            disabled={sending}
            onClick={() => start(type)}
          >
            {type === 'PROPOSE_TERMS' && deal.currentTerms ? t('dealRoom.counterOffer') : label(eventLabel(type))}
          </button>
        ))}
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {open === 'PROPOSE_TERMS' && (
        <div className="card">
          <h3>{deal.currentTerms ? t('dealRoom.counterOffer') : label(eventLabel('PROPOSE_TERMS'))}</h3>
          <TermsForm
            form={deal.type}
            publicInstitutionSeller={isPublicInstitution(deal.seller.organization.type)}
            initial={(deal.currentTerms ?? latest) as DealTerms | null}
            serverErrors={fieldErrors}
            sending={sending}
            onSubmit={(terms) => void send('PROPOSE_TERMS', { terms })}
            onCancel={() => setOpen(null)}
          />
        </div>
      )}
      {open === 'SIGN_NDA' && (
        <NdaConfirm
          deal={deal}
          sending={sending}
          changed={textChanged}
          onConfirm={(payload) => void send('SIGN_NDA', payload)}
          onCancel={() => setOpen(null)}
        />
      )}
      {open === 'SIGN_CONTRACT' && (
        <ContractConfirm
          deal={deal}
          sending={sending}
          changed={textChanged}
          onConfirm={(payload) => void send('SIGN_CONTRACT', payload)}
          onCancel={() => setOpen(null)}
        />
      )}
      {open && !SIGNED_TEXTS.has(open) && CONFIRMED_EVENTS[open] && (
        <ConfirmEvent
          type={open}
          deal={deal}
          sending={sending}
          onConfirm={() => void send(open, {})}
          onCancel={() => setOpen(null)}
        />
      )}
      {open && open !== 'PROPOSE_TERMS' && !CONFIRMED_EVENTS[open] && (
        <EventForm
          type={open}
          deal={deal}
          sending={sending}
          serverErrors={fieldErrors}
          onSubmit={(payload) => void send(open, payload)}
          onCancel={() => setOpen(null)}
        />
      )}
    </div>
  );
}
