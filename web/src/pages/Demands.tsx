import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../api/index.js';
import { useAuth } from '../auth/AuthProvider.js';
import { CursorListView } from '../components/CursorListView.js';
import { usePageTitle } from '../components/usePageTitle.js';
import { BoardFilterForm } from '../demands/BoardFilterForm.js';
import { apiQueryOf, filtersFrom, paramsOf, type BoardFilters } from '../demands/boardQuery.js';
import { DemandCard } from '../demands/DemandCard.js';
import { DemandForm } from '../demands/DemandForm.js';
import { useT } from '../i18n/I18nProvider.js';
import { FIELD_LABELS } from '../i18n/labels.js';
import { useCursorList } from '../lib/useCursorList.js';
import '../public/public.css';

function Board({ filters }: { filters: BoardFilters }) {
  const { t } = useT();
  const list = useCursorList((cursor, signal) =>
    api.demandBoard({ ...apiQueryOf(filters), limit: 20, cursor }, signal),
  );
  return (
    <CursorListView list={list} empty={t('board.none')}>
      {(d) => <DemandCard demand={d} />}
    </CursorListView>
  );
}

/** The buyer's own demands, open and closed, each a link to its page. */
function MyDemands() {
  const { t, label, date } = useT();
  const list = useCursorList((cursor, signal) => api.myDemands({ limit: 10, cursor }, signal));
  return (
    <section className="section" aria-labelledby="my-demands-heading">
      <h2 id="my-demands-heading">{t('demands.mine')}</h2>
      <CursorListView list={list} minHeight="4rem" empty={t('demands.noneMine')}>
        {(d) => (
          <p className="card-meta">
            <Link to={`/demands/${encodeURIComponent(d.id)}`}>{d.title}</Link>
            <span>{label(FIELD_LABELS[d.field])}</span>
            <span>
              <time dateTime={d.createdAt}>{date(d.createdAt)}</time>
            </span>
          </p>
        )}
      </CursorListView>
    </section>
  );
}

/** What the visitor can do besides browsing: a buyer posts, a seller or broker answers, others log in. */
function Participation() {
  const { t } = useT();
  const { status, user } = useAuth();
  const navigate = useNavigate();
  const [posting, setPosting] = useState(false);
  if (status === 'loading') return null;
  if (!user)
    return (
      <p className="notice">
        <Link to="/login?next=%2Fdemands">{t('board.loginToPost')}</Link>
      </p>
    );
  if (user.role === 'seller' || user.role === 'broker') return <p className="notice">{t('board.answerHint')}</p>;
  if (user.role !== 'buyer') return null;
  return (
    <>
      {posting ? (
        <DemandForm onSaved={(d) => navigate(`/demands/${encodeURIComponent(d.id)}`)} />
      ) : (
        <p>
          <button type="button" className="button" onClick={() => setPosting(true)}>
            {t('board.post')}
          </button>
        </p>
      )}
      <MyDemands />
    </>
  );
}

export default function Demands() {
  const { t } = useT();
  usePageTitle(t('board.title'));
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const key = new URLSearchParams(paramsOf(filters)).toString();
  return (
    <div className="container">
      <h1>{t('board.title')}</h1>
      <p className="lead">{t('board.intro')}</p>
      <Participation />
      <BoardFilterForm key={`form-${key}`} value={filters} onApply={(f) => setParams(paramsOf(f))} />
      {/* New filters start the list afresh. */}
      <Board key={key} filters={filters} />
    </div>
  );
}
