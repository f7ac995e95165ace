import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/index.js';
import type { AppNotification } from '../api/types.js';
import { RequireAuth } from '../auth/RequireAuth.js';
import { CursorListView } from '../components/CursorListView.js';
import { notificationsChanged } from '../components/NotificationBell.js';
import { usePageTitle } from '../components/usePageTitle.js';
import { useT } from '../i18n/I18nProvider.js';
import { useCursorList } from '../lib/useCursorList.js';

// Only links into this app are followed: a notification's link is data, not a place to send the reader blindly.
const internal = (link: string | null) => (link && link.startsWith('/') && !link.startsWith('//') ? link : null);

function Item({ n, read, onRead }: { n: AppNotification; read: boolean; onRead(): void }) {
  const { locale, date, t } = useT();
  const title = locale === 'en' && n.titleEn ? n.titleEn : n.title;
  const href = internal(n.link);
  const markRead = () => {
    if (!read) {
      onRead();
      void api.markNotificationRead(n.id).then(notificationsChanged, () => undefined);
    }
  };
  return (
    <article className={`card notification${read ? '' : ' is-unread'}`}>
      <h2 className="card-title">
        {!read && <span className="visually-hidden">{t('notifications.unread')}: </span>}
        {href ? (
          <Link to={href} onClick={markRead}>
            {title}
          </Link>
        ) : (
          title
        )}
      </h2>
      {n.body && <p className="card-summary">{n.body}</p>}
      <p className="card-meta">
        <time dateTime={n.createdAt}>{date(n.createdAt, true)}</time>
        {!read && (
          <button type="button" className="link-button" onClick={markRead}>
            {t('notifications.markRead')}
          </button>
        )}
      </p>
    </article>
  );
}

function List() {
  const { t } = useT();
  const list = useCursorList((cursor, signal) => api.notifications({ limit: 20, cursor }, signal));
  // Reads done here, so that rows change at once without reloading the list.
  const [readNow, setReadNow] = useState<Set<string> | 'all'>(new Set());
  const isRead = (n: AppNotification) => n.readAt !== null || readNow === 'all' || readNow.has(n.id);
  const readAll = async () => {
    await api.markAllNotificationsRead();
    setReadNow('all');
    notificationsChanged();
  };
  return (
    <>
      <div className="toolbar">
        <button type="button" className="button button-secondary" onClick={() => void readAll()}>
          {t('notifications.readAll')}
        </button>
      </div>
      <CursorListView list={list} empty={t('notifications.none')}>
        {(n) => (
          <Item
            n={n}
            read={isRead(n)}
            onRead={() => setReadNow((cur) => (cur === 'all' ? cur : new Set(cur).add(n.id)))}
          />
        )}
      </CursorListView>
    </>
  );
}

export default function Notifications() {
  const { t } = useT();
  usePageTitle(t('notifications.title'));
  return (
    <div className="container narrow-wide">
      <h1>{t('notifications.title')}</h1>
      <RequireAuth>
        <List />
      </RequireAuth>
    </div>
  );
}
