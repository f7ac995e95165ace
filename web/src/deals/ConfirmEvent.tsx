import { useEffect, useId, useRef, type ReactNode } from 'react';
import type { Deal } from '../api/deal-types.js';
import { useT } from '../i18n/I18nProvider.js';
import type { MessageKey } from '../i18n/zh-CN.js';
import { TermsView } from './TermsView.js';

/** Events that commit the caller: each asks once more, showing what is committed to, before anything is sent. */
export const CONFIRMED_EVENTS: Readonly<Record<string, MessageKey>> = {
  ACCEPT_TERMS: 'confirm.acceptTerms',
  SIGN_CONTRACT: 'confirm.signContract',
  SIGN_NDA: 'confirm.signNda',
};

/**
 * A modal confirmation: the question, what it commits to (the terms, or the NDA text given as `children`), and
 * Confirm / Cancel. Cancel (or Escape) sends nothing; Confirm hands the payload back to the caller to send.
 */
export function ConfirmEvent({
  type,
  deal,
  sending,
  ready = true,
  children,
  onConfirm,
  onCancel,
}: {
  type: string;
  deal: Deal;
  sending: boolean;
  /** False while what is shown is not there yet (the NDA text loading): confirming is then not offered. */
  ready?: boolean;
  children?: ReactNode;
  onConfirm(): void;
  onCancel(): void;
}) {
  const { t } = useT();
  const titleId = useId();
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  const terms = type === 'SIGN_CONTRACT' ? (deal.agreedTerms ?? deal.currentTerms) : deal.currentTerms;
  return (
    <div className="confirm-backdrop">
      <div
        className="card confirm-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={(e) => e.key === 'Escape' && onCancel()}
      >
        <h3 id={titleId}>{t(CONFIRMED_EVENTS[type] ?? 'confirm.acceptTerms')}</h3>
        {children ?? (terms ? <TermsView terms={terms} /> : null)}
        <p className="muted">{t('confirm.hint')}</p>
        <div className="form-actions">
          <button type="button" className="button" disabled={sending || !ready} onClick={onConfirm}>
            {sending ? t('common.saving') : t('confirm.confirm')}
          </button>
          <button ref={cancel} type="button" className="button button-quiet" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </div>
    </div>
  );
}
