import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useT } from '../i18n/I18nProvider.js';
import '../deals/deal-room.css';

/**
 * A modal confirmation for a step that commits the caller (a deal event, registering with a deposit, a bid): the
 * question, what it commits to, and Confirm / Cancel. Cancel (or Escape) sends nothing.
 */
export function ConfirmDialog({
  title,
  children,
  sending,
  ready = true,
  onConfirm,
  onCancel,
}: {
  title: string;
  children?: ReactNode;
  sending: boolean;
  /** False while what is shown is not there yet (a text loading): confirming is then not offered. */
  ready?: boolean;
  onConfirm(): void;
  onCancel(): void;
}) {
  const { t } = useT();
  const titleId = useId();
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  return (
    <div className="confirm-backdrop">
      <div
        className="card confirm-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={(e) => e.key === 'Escape' && onCancel()}
      >
        <h3 id={titleId}>{title}</h3>
        {children}
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
