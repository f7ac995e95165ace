import { useEffect, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { api } from '../api/index.js';
import { useT } from '../i18n/I18nProvider.js';

const POLL_MS = 60_000;

/**
 * The unread count beside the account name: read again on every navigation and every minute while the tab is
 * visible (a hidden tab does not poll). A failed read keeps the last count rather than flashing an error.
 */
export function NotificationBell() {
  const { t } = useT();
  const { pathname } = useLocation();
  const [unread, setUnread] = useState<number | null>(null);

  useEffect(() => {
    let controller = new AbortController();
    const load = () => {
      controller.abort();
      controller = new AbortController();
      api.notifications({ limit: 1 }, controller.signal).then(
        (page) => setUnread(page.unread),
        () => undefined,
      );
    };
    load();
    const timer = window.setInterval(() => {
      if (document.visibilityState !== 'hidden') load();
    }, POLL_MS);
    window.addEventListener('tte:notifications-changed', load);
    return () => {
      controller.abort();
      window.clearInterval(timer);
      window.removeEventListener('tte:notifications-changed', load);
    };
  }, [pathname]);

  const count = unread ?? 0;
  return (
    <Link
      className="bell"
      to="/notifications"
      aria-label={t('bell.label', { count })}
      title={t('bell.label', { count })}
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        width="20"
        height="20"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
      >
        <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
        <path d="M13.7 21a2 2 0 0 1-3.4 0" />
      </svg>
      <span className={`bell-count${count > 0 ? '' : ' is-zero'}`} aria-hidden="true">
        {count > 99 ? '99+' : count}
      </span>
    </Link>
  );
}

/** Tells the bell that notifications were read here, so that its count follows at once. */
export const notificationsChanged = () => window.dispatchEvent(new Event('tte:notifications-changed'));
