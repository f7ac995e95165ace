import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { SearchResult } from '../api/types.js';
import { ListingCard } from '../components/ListingCard.js';
import { Pagination } from '../components/Pagination.js';
import { Empty, ErrorState, Loading } from '../components/states.js';
import { usePageTitle } from '../components/usePageTitle.js';
import { api } from '../api/index.js';
import { isApiError } from '../api/errors.js';
import { useT } from '../i18n/I18nProvider.js';
import { useResource } from '../lib/useResource.js';
import { Facets } from '../search/Facets.js';
import { SaveSearch } from '../search/SaveSearch.js';
import {
  EMPTY_SEARCH,
  SORTS,
  activeFilterCount,
  pageCount,
  parseSearchParams,
  refine,
  toApiQuery,
  toSearchParams,
  type SearchState,
  type Sort,
} from '../search/searchState.js';

function QueryForm({ state, onChange }: { state: SearchState; onChange(next: SearchState): void }) {
  const { t } = useT();
  const [q, setQ] = useState(state.q);
  // The URL is the truth: going back to an earlier search puts its words back in the box.
  useEffect(() => setQ(state.q), [state.q]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onChange(refine(state, { q: q.trim() }));
  };
  return (
    <form className="search-bar" role="search" onSubmit={submit}>
      <label htmlFor="search-q" className="visually-hidden">
        {t('search.qLabel')}
      </label>
      <input
        id="search-q"
        type="search"
        value={q}
        maxLength={200}
        placeholder={t('home.searchPlaceholder')}
        onChange={(e) => setQ(e.target.value)}
      />
      <button type="submit" className="button">
        {t('search.submit')}
      </button>
    </form>
  );
}

function SortSelect({ state, onChange }: { state: SearchState; onChange(next: SearchState): void }) {
  const { t } = useT();
  return (
    <div className="sort-select">
      <label htmlFor="search-sort">{t('search.sort')}</label>
      <select
        id="search-sort"
        value={state.sort}
        onChange={(e) => onChange(refine(state, { sort: e.target.value as Sort }))}
      >
        {SORTS.map((sort) => (
          <option key={sort} value={sort}>
            {t(`search.sort.${sort}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

function Results({ state, result }: { state: SearchState; result: SearchResult }) {
  const { t } = useT();
  if (result.hits.length === 0) return <Empty minHeight="20rem">{t('search.none')}</Empty>;
  return (
    <>
      <ol className="result-list">
        {result.hits.map((hit) => (
          <li key={hit.id}>
            <ListingCard hit={hit} />
          </li>
        ))}
      </ol>
      <Pagination
        page={state.page}
        pages={pageCount(result.total)}
        hrefFor={(page) => `?${toSearchParams({ ...state, page })}`}
      />
    </>
  );
}

export default function Search() {
  const { t } = useT();
  usePageTitle(t('search.title'));
  const [params, setParams] = useSearchParams();
  const state = parseSearchParams(params);
  const apiQuery = toApiQuery(state);
  const search = useResource((signal) => api.searchListings(apiQuery, signal), [apiQuery.toString()]);

  // Facet counts and totals stay on screen while the next answer loads, so the panel does not flicker.
  const lastResult = useRef<SearchResult | null>(null);
  if (search.status === 'ready') lastResult.current = search.data;
  const shown = lastResult.current;

  // Each change is a new history entry: the back button returns to the previous search.
  const go = (next: SearchState) => setParams(toSearchParams(next));
  const activeFilters = activeFilterCount(state);
  const [filtersOpen, setFiltersOpen] = useState(false);

  return (
    <div className="container search-page">
      <h1>{t('search.title')}</h1>
      <QueryForm state={state} onChange={go} />
      <div className="search-layout">
        <aside className={`search-filters${filtersOpen ? ' is-open' : ''}`} aria-labelledby="filters-heading">
          <div className="section-heading">
            <h2 id="filters-heading">{t('search.filters')}</h2>
            {activeFilters > 0 && (
              <Link
                className="clear-filters"
                to={`?${toSearchParams(refine(EMPTY_SEARCH, { q: state.q, sort: state.sort }))}`}
              >
                {t('search.clear')}
              </Link>
            )}
          </div>
          <button
            type="button"
            className="button button-secondary filters-toggle"
            aria-expanded={filtersOpen}
            aria-controls="search-facets"
            onClick={() => setFiltersOpen((o) => !o)}
          >
            {t(filtersOpen ? 'search.hideFilters' : 'search.showFilters', { count: activeFilters })}
          </button>
          <Facets id="search-facets" state={state} counts={shown?.facets} onChange={go} />
        </aside>
        <section className="search-results" aria-labelledby="results-heading" aria-busy={search.status === 'loading'}>
          <div className="results-toolbar">
            <h2 id="results-heading" className="visually-hidden">
              {t('search.results')}
            </h2>
            <p className="results-count" aria-live="polite">
              {shown && t('search.total', { total: shown.total })}
              {shown && <span className="muted"> · {t('search.time', { ms: shown.processingTimeMs })}</span>}
            </p>
            <SortSelect state={state} onChange={go} />
          </div>
          <SaveSearch key={params.toString()} state={state} />
          {search.status === 'loading' && <Loading minHeight="20rem" />}
          {search.status === 'error' && (
            <ErrorState
              error={search.error}
              onRetry={search.reload}
              minHeight="20rem"
              message={isApiError(search.error, 'UNAVAILABLE') ? t('search.unavailable') : undefined}
            />
          )}
          {search.status === 'ready' && <Results state={state} result={search.data} />}
        </section>
      </div>
    </div>
  );
}
