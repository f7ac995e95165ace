import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { FIELDS } from '../../../src/shared/listing.ts';
import { api } from '../api/index.js';
import { ListingCard } from '../components/ListingCard.js';
import { ResourceView } from '../components/ResourceView.js';
import { usePageTitle } from '../components/usePageTitle.js';
import { useT } from '../i18n/I18nProvider.js';
import { FIELD_LABELS, fieldLabel } from '../i18n/labels.js';
import { useResource } from '../lib/useResource.js';
import { EMPTY_SEARCH, refine, toSearchParams } from '../search/searchState.js';

const searchHref = (patch: Parameters<typeof refine>[1]) => `/search?${toSearchParams(refine(EMPTY_SEARCH, patch))}`;

function SearchHero() {
  const { t } = useT();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void navigate(searchHref({ q: q.trim() }));
  };
  return (
    <section className="hero">
      <div className="container">
        <h1>{t('home.title')}</h1>
        <p className="hero-lead">{t('home.lead')}</p>
        <form className="hero-search" role="search" onSubmit={submit}>
          <label htmlFor="home-q" className="visually-hidden">
            {t('home.searchLabel')}
          </label>
          <input
            id="home-q"
            type="search"
            value={q}
            maxLength={200}
            placeholder={t('home.searchPlaceholder')}
            onChange={(e) => setQ(e.target.value)}
          />
          <button type="submit" className="button">
            {t('home.search')}
          </button>
        </form>
      </div>
    </section>
  );
}

function FieldTiles() {
  const { t, label } = useT();
  return (
    <section className="section" aria-labelledby="home-fields">
      <h2 id="home-fields">{t('home.fields')}</h2>
      <ul className="field-tiles">
        {FIELDS.map((field) => (
          <li key={field}>
            <Link className="field-tile" to={searchHref({ field: [field] })}>
              {label(FIELD_LABELS[field])}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

function SectionHeading({ id, title, to }: { id: string; title: string; to: string }) {
  const { t } = useT();
  return (
    <div className="section-heading">
      <h2 id={id}>{title}</h2>
      <Link to={to}>{t('home.viewAll')}</Link>
    </div>
  );
}

function LatestListings() {
  const { t } = useT();
  const latest = useResource(
    (signal) => api.searchListings(new URLSearchParams({ sort: 'newest', limit: '6' }), signal),
    [],
  );
  return (
    <section className="section" aria-labelledby="home-latest">
      <SectionHeading id="home-latest" title={t('home.latest')} to={searchHref({ sort: 'newest' })} />
      <ResourceView resource={latest} minHeight="18rem" isEmpty={(r) => r.hits.length === 0}>
        {(r) => (
          <div className="card-grid">
            {r.hits.map((hit) => (
              <ListingCard key={hit.id} hit={hit} />
            ))}
          </div>
        )}
      </ResourceView>
    </section>
  );
}

function Packages() {
  const { t, label } = useT();
  const packages = useResource((signal) => api.listPackages({ limit: 6 }, signal), []);
  return (
    <section className="section" aria-labelledby="home-packages">
      <SectionHeading id="home-packages" title={t('home.packages')} to="/packages" />
      <ResourceView resource={packages} minHeight="8rem" isEmpty={(p) => p.items.length === 0}>
        {(p) => (
          <ul className="link-list">
            {p.items.map((pkg) => (
              <li key={pkg.id}>
                <Link to={`/packages/${encodeURIComponent(pkg.id)}`}>{pkg.title}</Link>
                {pkg.field && <span className="muted"> · {label(fieldLabel(pkg.field))}</span>}
              </li>
            ))}
          </ul>
        )}
      </ResourceView>
    </section>
  );
}

function Policies() {
  const { t, date } = useT();
  const policies = useResource((signal) => api.listPolicies({ limit: 5 }, signal), []);
  return (
    <section className="section" aria-labelledby="home-policies">
      <SectionHeading id="home-policies" title={t('home.policies')} to="/policies" />
      <ResourceView resource={policies} minHeight="8rem" isEmpty={(p) => p.items.length === 0}>
        {(p) => (
          <ul className="link-list">
            {p.items.map((policy) => (
              <li key={policy.id}>
                <span>{policy.title}</span>
                {policy.issuedOn && (
                  <time className="muted" dateTime={policy.issuedOn}>
                    {' '}
                    · {date(policy.issuedOn)}
                  </time>
                )}
              </li>
            ))}
          </ul>
        )}
      </ResourceView>
    </section>
  );
}

export default function Home() {
  usePageTitle(undefined);
  return (
    <>
      <SearchHero />
      <div className="container">
        <FieldTiles />
        <LatestListings />
        <div className="two-columns">
          <Packages />
          <Policies />
        </div>
      </div>
    </>
  );
}
