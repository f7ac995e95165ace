import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../api/index.js';
import { CursorListView } from '../components/CursorListView.js';
import { usePageTitle } from '../components/usePageTitle.js';
import { useT } from '../i18n/I18nProvider.js';
import { useCursorList } from '../lib/useCursorList.js';
import { OFFERING_STATUS_LABELS } from '../offerings/labels.js';
import { OfferingCard } from '../offerings/OfferingCard.js';
import { OFFERING_STATUSES, type OfferingStatus } from '../offerings/types.js';
import '../offerings/offerings.css';

const isStatus = (s: string | null): s is OfferingStatus => OFFERING_STATUSES.includes(s as OfferingStatus);

// One list per filter (keyed by it): a new filter starts a new list from its first page.
function OfferingList({ status, q }: { status: OfferingStatus | null; q: string }) {
  const { t } = useT();
  const list = useCursorList((cursor, signal) =>
    api.listOfferings({ limit: 20, cursor, ...(status ? { status } : {}), ...(q ? { q } : {}) }, signal),
  );
  return (
    <CursorListView list={list} empty={t('offerings.empty')}>
      {(offering) => <OfferingCard offering={offering} />}
    </CursorListView>
  );
}

/** The public list of listed offerings (挂牌项目): listed, in bidding, sold, lapsed; searchable. */
export default function Offerings() {
  const { t, label } = useT();
  usePageTitle(t('offerings.title'));
  const [params, setParams] = useSearchParams();
  const raw = params.get('status');
  const status = isStatus(raw) ? raw : null;
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);

  const update = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  const search = (e: FormEvent) => {
    e.preventDefault();
    update('q', text.trim());
  };

  return (
    <div className="container">
      <h1>{t('offerings.title')}</h1>
      <p className="muted">{t('offerings.intro')}</p>
      <form className="toolbar" role="search" onSubmit={search}>
        <input
          type="search"
          placeholder={t('offerings.search')}
          aria-label={t('offerings.search')}
          maxLength={100}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" className="button">
          {t('offerings.searchSubmit')}
        </button>
        <label>
          {t('offerings.status')}{' '}
          <select value={status ?? ''} onChange={(e) => update('status', e.target.value)}>
            <option value="">{t('offerings.status.all')}</option>
            {OFFERING_STATUSES.map((s) => (
              <option key={s} value={s}>
                {label(OFFERING_STATUS_LABELS[s])}
              </option>
            ))}
          </select>
        </label>
      </form>
      <OfferingList key={`${status ?? ''}|${q}`} status={status} q={q} />
    </div>
  );
}
