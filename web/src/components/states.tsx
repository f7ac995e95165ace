import type { ReactNode } from 'react';
import { isApiError } from '../api/errors.js';
import { useT } from '../i18n/I18nProvider.js';
import type { MessageKey } from '../i18n/zh-CN.js';

// The three states every block that loads data can be in, drawn the same way everywhere. Each keeps a
// minimum height (set per block by `minHeight`) so that the page does not jump when content arrives.

export function Loading({ minHeight = '6rem', label }: { minHeight?: string; label?: string }) {
  const { t } = useT();
  return (
    <div className="state state-loading" style={{ minHeight }} role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label ?? t('state.loading')}</span>
    </div>
  );
}

export function Empty({ children, minHeight = '6rem' }: { children?: ReactNode; minHeight?: string }) {
  const { t } = useT();
  return (
    <div className="state state-empty" style={{ minHeight }}>
      {children ?? t('state.empty')}
    </div>
  );
}

/** The message for a failed load: quiet and specific (offline, unavailable), never the server's internals. */
export function errorMessageKey(error: unknown): MessageKey {
  if (isApiError(error, 'NETWORK_ERROR')) return 'state.offline';
  if (isApiError(error, 'UNAVAILABLE')) return 'state.unavailable';
  return 'state.error';
}

export function ErrorState({
  error,
  onRetry,
  minHeight = '6rem',
  message,
}: {
  error: unknown;
  onRetry?: () => void;
  minHeight?: string;
  message?: string;
}) {
  const { t } = useT();
  return (
    <div className="state state-error" style={{ minHeight }} role="alert">
      <span>{message ?? t(errorMessageKey(error))}</span>
      {onRetry && (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          {t('state.retry')}
        </button>
      )}
    </div>
  );
}
