import { useEffect, useState, type FormEvent } from 'react';
import { isApiError } from '../api/errors.js';
import { api } from '../api/index.js';
import { FormField } from '../components/FormField.js';
import { formatFen, parseYuan } from '../i18n/format.js';
import { useT } from '../i18n/I18nProvider.js';
import { MAX_FEN } from '../../../src/shared/deal.ts';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import type { OfferingView } from './types.js';

const toYuan = (fen: number) => formatFen(fen).slice(1).replace(/,/g, '');

/**
 * A bid, typed in yuan and sent as integer fen, prefilled with the minimum the server accepts (minNextBid).
 * When another bid got in first (BID_TOO_LOW) the offering is fetched again and the new minimum shown.
 */
export function BidForm({
  offering,
  refresh,
}: {
  offering: OfferingView;
  refresh(): Promise<OfferingView | undefined>;
}) {
  const { t } = useT();
  const min = offering.minNextBid ?? offering.basePrice;
  const [text, setText] = useState(() => toYuan(min));
  const [touched, setTouched] = useState(false);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [placed, setPlaced] = useState<string | null>(null);
  const [pending, setPending] = useState<number | null>(null);
  const [sending, setSending] = useState(false);

  // Until the bidder types, the field follows the minimum as other bids arrive.
  useEffect(() => {
    if (!touched) setText(toYuan(min));
  }, [min, touched]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    setPlaced(null);
    const fen = parseYuan(text);
    if (fen === null || fen > MAX_FEN) return setFieldError(t('offerings.amountInvalid'));
    if (fen < min) return setFieldError(t('offerings.amountMin', { min: formatFen(min) }));
    setFieldError(null);
    setPending(fen);
  };

  const confirm = async () => {
    if (pending === null) return;
    setSending(true);
    try {
      await api.placeBid(offering.id, pending);
      setPlaced(t('offerings.bidPlaced', { amount: formatFen(pending) }));
      setTouched(false);
      await refresh();
    } catch (err) {
      if (isApiError(err, 'BID_TOO_LOW')) {
        const next = await refresh();
        const nextMin = next?.minNextBid ?? min;
        setTouched(false);
        setText(toYuan(nextMin));
        setFormError(t('offerings.bidTooLow', { min: formatFen(nextMin) }));
      } else if (isApiError(err, 'INVALID_TRANSITION')) {
        setFormError(t('offerings.bidClosed'));
        void refresh();
      } else setFormError(isApiError(err) ? err.detail : t('state.error'));
    } finally {
      setSending(false);
      setPending(null);
    }
  };

  return (
    <form className="form bid-form" noValidate onSubmit={submit} aria-label={t('offerings.placeBid')}>
      <FormField
        label={t('offerings.bidAmount')}
        hint={t('offerings.bidHint', { min: formatFen(min) })}
        error={fieldError}
      >
        <input
          inputMode="decimal"
          value={text}
          onChange={(e) => {
            setTouched(true);
            setText(e.target.value);
          }}
        />
      </FormField>
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
      {placed && (
        <p className="muted" role="status">
          {placed}
        </p>
      )}
      <button type="submit" className="button" disabled={sending}>
        {t('offerings.placeBid')}
      </button>
      {pending !== null && (
        <ConfirmDialog
          title={t('offerings.placeBid')}
          sending={sending}
          onConfirm={() => void confirm()}
          onCancel={() => setPending(null)}
        >
          <p>{t('offerings.bidConfirm', { amount: formatFen(pending) })}</p>
        </ConfirmDialog>
      )}
    </form>
  );
}
