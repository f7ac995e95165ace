import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api/index.js';
import type { CaseSummary } from '../api/types.js';
import { CursorListView } from '../components/CursorListView.js';
import { usePageTitle } from '../components/usePageTitle.js';
import { formatFen } from '../i18n/format.js';
import { useT } from '../i18n/I18nProvider.js';
import { DEAL_FORM_LABELS, fieldLabel, labelOf } from '../i18n/labels.js';
import { useCursorList } from '../lib/useCursorList.js';

/** One success story in the list: what was transferred, how, by whom, for how much. */
export function CaseCard({ item }: { item: CaseSummary }) {
  const { t, label } = useT();
  return (
    <article className="card">
      <h2 className="card-title">
        <Link to={`/cases/${encodeURIComponent(item.id)}`}>{item.title}</Link>
      </h2>
      <p className="card-summary">{item.summary}</p>
      <ul className="tags">
        <li className="tag">{label(fieldLabel(item.field))}</li>
        <li className="tag tag-deal">{label(labelOf(DEAL_FORM_LABELS, item.dealType))}</li>
        <li className="tag">{t('cases.year', { year: item.year })}</li>
      </ul>
      <p className="card-meta">
        {item.organizations.length > 0 && <span>{item.organizations.map((o) => o.name).join('、')}</span>}
        {item.value !== null && (
          <span>
            {t('cases.value')}: {formatFen(item.value)}
          </span>
        )}
      </p>
    </article>
  );
}

function CaseList({ q }: { q: string }) {
  const list = useCursorList((cursor, signal) => api.publicCases({ limit: 20, cursor, ...(q ? { q } : {}) }, signal));
  return <CursorListView list={list}>{(item) => <CaseCard item={item} />}</CursorListView>;
}

export default function Cases() {
  const { t } = useT();
  usePageTitle(t('cases.title'));
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setParams(text.trim() ? { q: text.trim() } : {});
  };
  return (
    <div className="container">
      <h1>{t('cases.title')}</h1>
      <p className="lead">{t('cases.intro')}</p>
      <form className="search-bar" role="search" onSubmit={submit}>
        <input
          type="search"
          aria-label={t('cases.search')}
          placeholder={t('cases.search')}
          maxLength={100}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" className="button">
          {t('cases.searchSubmit')}
        </button>
      </form>
      {/* A new query starts the list afresh. */}
      <CaseList key={q} q={q} />
    </div>
  );
}
