import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../api/index.js';
import type { Notice, NoticeStatus } from '../api/types.js';
import { CursorListView } from '../components/CursorListView.js';
import { usePageTitle } from '../components/usePageTitle.js';
import { useT } from '../i18n/I18nProvider.js';
import { useCursorList } from '../lib/useCursorList.js';
import { NoticeCard } from '../notices/NoticeCard.js';

const STATUSES: Array<NoticeStatus | ''> = ['', 'open', 'ended'];

// One list per filter (keyed by it): a new filter starts a new list from its first page.
function NoticeList({ status, q }: { status: NoticeStatus | ''; q: string }) {
  const [changed, setChanged] = useState<Record<string, Notice>>({});
  const list = useCursorList((cursor, signal) =>
    api.listNotices({ limit: 20, cursor, ...(status ? { status } : {}), ...(q ? { q } : {}) }, signal),
  );
  const now = Date.now();
  return (
    <CursorListView list={list}>
      {(notice) => (
        <NoticeCard
          notice={changed[notice.id] ?? notice}
          now={now}
          onChange={(n) => setChanged((c) => ({ ...c, [n.id]: n }))}
        />
      )}
    </CursorListView>
  );
}

/** The public notice board (公示): every public institution's agreed price, open and ended, searchable. */
export default function Notices() {
  const { t } = useT();
  usePageTitle(t('notices.title'));
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') ?? '') as NoticeStatus | '';
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);

  const search = (e: FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams(params);
    if (text.trim()) next.set('q', text.trim());
    else next.delete('q');
    setParams(next);
  };
  const setStatus = (value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set('status', value);
    else next.delete('status');
    setParams(next);
  };

  return (
    <div className="container">
      <h1>{t('notices.title')}</h1>
      <p className="muted">{t('notices.intro')}</p>
      <form className="toolbar" role="search" onSubmit={search}>
        <label>
          <span className="visually-hidden">{t('notices.search')}</span>
          <input
            type="search"
            placeholder={t('notices.search')}
            aria-label={t('notices.search')}
            maxLength={100}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </label>
        <button type="submit" className="button">
          {t('notices.searchSubmit')}
        </button>
        <label>
          {t('notices.status')}{' '}
          <select value={status} onChange={(e) => setStatus(e.target.value)}>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(s ? `notices.status.${s}` : 'notices.status.all')}
              </option>
            ))}
          </select>
        </label>
      </form>
      <NoticeList key={`${status}|${q}`} status={status} q={q} />
    </div>
  );
}
