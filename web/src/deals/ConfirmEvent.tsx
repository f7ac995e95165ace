import type { ReactNode } from 'react';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
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
  const terms = type === 'SIGN_CONTRACT' ? (deal.agreedTerms ?? deal.currentTerms) : deal.currentTerms;
  return (
    <ConfirmDialog
      title={t(CONFIRMED_EVENTS[type] ?? 'confirm.acceptTerms')}
      sending={sending}
      ready={ready}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      {children ?? (terms ? <TermsView terms={terms} /> : null)}
      <p className="muted">{t('confirm.hint')}</p>
    </ConfirmDialog>
  );
}
