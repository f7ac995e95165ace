import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { isApiError } from '../api/errors.js';
import { api } from '../api/index.js';
import { FormField } from '../components/FormField.js';
import { useT } from '../i18n/I18nProvider.js';
import { serverProblems } from '../lib/problems.js';
import { emptyPricing, parsePricing, type OfferingErrors, type PricingValues } from './offeringForm.js';
import { PricingFields } from './PricingFields.js';
import { formatChinaDateTime } from './time.js';
import type { OfferingView, Registration } from './types.js';

const errorText = (err: unknown, fallback: string) => (isApiError(err) ? err.detail : fallback);

function DepositCell({ offeringId, r, onDone }: { offeringId: string; r: Registration; onDone(): void }) {
  const { t, locale } = useT();
  const [open, setOpen] = useState(false);
  const [reference, setReference] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  if (r.depositReceivedAt)
    return (
      <>
        {t('offerings.deposit.received', {
          at: formatChinaDateTime(r.depositReceivedAt, locale),
          ref: r.depositReference ?? '—',
        })}
        {r.refundDue && ` · ${t('offerings.deposit.refundDue')}`}
      </>
    );
  if (!open)
    return (
      <button type="button" className="button button-secondary" onClick={() => setOpen(true)}>
        {t('offerings.seller.recordDeposit')}
      </button>
    );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!reference.trim()) return setError(t('form.required'));
    setSending(true);
    try {
      await api.recordDeposit(offeringId, r.id, reference.trim());
      onDone();
    } catch (err) {
      setError(errorText(err, t('state.error')));
    } finally {
      setSending(false);
    }
  };
  return (
    <form className="form inline-form" noValidate onSubmit={submit} aria-label={t('offerings.seller.recordDeposit')}>
      <FormField label={t('offerings.seller.depositReference')} error={error}>
        <input maxLength={200} value={reference} onChange={(e) => setReference(e.target.value)} />
      </FormField>
      <button type="submit" className="button" disabled={sending}>
        {t('offerings.seller.save')}
      </button>
    </form>
  );
}

function CancelForm({ offering, onDone }: { offering: OfferingView; onDone(next: OfferingView): void }) {
  const { t } = useT();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) return setError(t('form.required'));
    try {
      onDone(await api.cancelOffering(offering.id, reason.trim()));
    } catch (err) {
      setError(errorText(err, t('state.error')));
    }
  };
  return (
    <form className="form" noValidate onSubmit={submit} aria-label={t('offerings.seller.cancel')}>
      <FormField label={t('offerings.seller.cancelReason')} error={error}>
        <textarea rows={2} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />
      </FormField>
      <button type="submit" className="button button-quiet">
        {t('offerings.seller.cancel')}
      </button>
    </form>
  );
}

function RelistForm({ offering }: { offering: OfferingView }) {
  const { t } = useT();
  const navigate = useNavigate();
  const [values, setValues] = useState<PricingValues>(emptyPricing);
  const [errors, setErrors] = useState<OfferingErrors | Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const { input, errors: found } = parsePricing(values);
    setErrors(found);
    if (!input) return;
    try {
      const next = await api.relistOffering(offering.id, input);
      void navigate(`/offerings/${encodeURIComponent(next.id)}`);
    } catch (err) {
      if (isApiError(err) && err.errors.length) {
        const { fields, other } = serverProblems(err.errors, 'body.');
        setErrors(fields);
        setFormError(other.join('；') || null);
      } else setFormError(errorText(err, t('state.error')));
    }
  };
  return (
    <form className="form" noValidate onSubmit={submit} aria-label={t('offerings.seller.relist')}>
      <p className="muted">{t('offerings.seller.relistHint')}</p>
      <PricingFields values={values} errors={errors} set={(k, v) => setValues((s) => ({ ...s, [k]: v }))} />
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
      <button type="submit" className="button">
        {t('offerings.seller.relist')}
      </button>
    </form>
  );
}

/**
 * The seller's (and the admin's) side of an offering: who registered, with names, and each deposit to record
 * as received; withdrawing while listed; relisting at a new base price once lapsed.
 */
export function SellerPanel({
  offering,
  refresh,
  set,
}: {
  offering: OfferingView;
  refresh(): Promise<OfferingView | undefined>;
  set(next: OfferingView): void;
}) {
  const { t, locale } = useT();
  const registrations = offering.registrations ?? [];
  return (
    <section className="offering-section" aria-labelledby="offering-registrations">
      <h2 id="offering-registrations">{t('offerings.seller.registrations')}</h2>
      {registrations.length === 0 ? (
        <p className="muted">{t('offerings.seller.noRegistrations')}</p>
      ) : (
        <table className="table offering-registrations">
          <thead>
            <tr>
              <th scope="col">{t('offerings.bid.bidder')}</th>
              <th scope="col">{t('offerings.seller.buyer')}</th>
              <th scope="col">{t('offerings.seller.registeredAt')}</th>
              <th scope="col">{t('offerings.seller.depositStatus')}</th>
            </tr>
          </thead>
          <tbody>
            {registrations.map((r) => (
              <tr key={r.id}>
                <td>{t('offerings.bidderNo', { n: r.bidderNo })}</td>
                <td>{r.buyer.name}</td>
                <td>{formatChinaDateTime(r.registeredAt, locale)}</td>
                <td>
                  <DepositCell offeringId={offering.id} r={r} onDone={() => void refresh()} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {offering.status === 'listed' && <CancelForm offering={offering} onDone={set} />}
      {offering.status === 'lapsed' && <RelistForm offering={offering} />}
    </section>
  );
}
