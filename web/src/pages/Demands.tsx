import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { DEAL_FORMS, FIELDS, type DealForm, type Field } from '../../../src/shared/listing.ts';
import { isApiError } from '../api/errors.js';
import { api } from '../api/index.js';
import { useAuth } from '../auth/AuthProvider.js';
import { FormField } from '../components/FormField.js';
import { CursorListView } from '../components/CursorListView.js';
import { ListingCard } from '../components/ListingCard.js';
import { ResourceView } from '../components/ResourceView.js';
import { usePageTitle } from '../components/usePageTitle.js';
import { parseYuan } from '../i18n/format.js';
import { useT } from '../i18n/I18nProvider.js';
import { DEAL_FORM_LABELS, FIELD_LABELS, MATCH_REASON_LABELS, labelOf } from '../i18n/labels.js';
import type { MessageKey } from '../i18n/zh-CN.js';
import { useCursorList } from '../lib/useCursorList.js';
import { useResource } from '../lib/useResource.js';

type Problems = Partial<Record<'title' | 'description' | 'budget' | 'dealTypes', MessageKey>>;

// The API's bounds for a demand (src/demands/schemas.ts), checked before sending.
function lengthProblem(text: string, min: number, max: number, tooShortOrLong: MessageKey): MessageKey | undefined {
  const length = text.trim().length;
  if (length === 0) return 'form.required';
  return length < min || length > max ? tooShortOrLong : undefined;
}

function DemandForm({ onPosted }: { onPosted(id: string): void }) {
  const { t, label } = useT();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [field, setField] = useState<Field>(FIELDS[0]);
  const [budget, setBudget] = useState('');
  const [dealTypes, setDealTypes] = useState<DealForm[]>([]);
  const [problems, setProblems] = useState<Problems>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  const toggle = (d: DealForm) =>
    setDealTypes((cur) => DEAL_FORMS.filter((v) => (v === d ? !cur.includes(d) : cur.includes(v))));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const budgetFen = budget.trim() ? parseYuan(budget) : undefined;
    const found: Problems = {};
    found.title = lengthProblem(title, 2, 200, 'demands.titleLength');
    found.description = lengthProblem(description, 10, 5000, 'demands.descriptionLength');
    if (budgetFen === null) found.budget = 'demands.budgetInvalid';
    if (dealTypes.length === 0) found.dealTypes = 'demands.dealTypesRequired';
    setProblems(found);
    setFormError(null);
    if (Object.values(found).some(Boolean) || budgetFen === null) return;
    setSending(true);
    try {
      const demand = await api.postDemand({
        title: title.trim(),
        description: description.trim(),
        field,
        dealTypes,
        ...(budgetFen === undefined ? {} : { budget: budgetFen }),
      });
      onPosted(demand.id);
    } catch (err) {
      setFormError(isApiError(err) ? err.detail : t('state.error'));
    } finally {
      setSending(false);
    }
  };

  const show = (key: keyof Problems) => (problems[key] ? t(problems[key]) : null);
  return (
    <form className="card form" noValidate onSubmit={submit} aria-labelledby="demand-form-heading">
      <h2 id="demand-form-heading">{t('demands.new')}</h2>
      <FormField label={t('demands.name')} error={show('title')}>
        <input type="text" required maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />
      </FormField>
      <FormField label={t('demands.description')} error={show('description')}>
        <textarea
          required
          rows={5}
          maxLength={5000}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
      </FormField>
      <FormField label={t('demands.field')}>
        <select value={field} onChange={(e) => setField(e.target.value as Field)}>
          {FIELDS.map((f) => (
            <option key={f} value={f}>
              {label(FIELD_LABELS[f])}
            </option>
          ))}
        </select>
      </FormField>
      <FormField label={t('demands.budget')} error={show('budget')}>
        <input type="text" inputMode="decimal" value={budget} onChange={(e) => setBudget(e.target.value)} />
      </FormField>
      <fieldset className={problems.dealTypes ? 'has-error' : undefined}>
        <legend>{t('demands.dealTypes')}</legend>
        {DEAL_FORMS.map((d) => (
          <label key={d} className="checkbox">
            <input type="checkbox" checked={dealTypes.includes(d)} onChange={() => toggle(d)} />
            {label(DEAL_FORM_LABELS[d])}
          </label>
        ))}
        {problems.dealTypes && <p className="field-error">{t(problems.dealTypes)}</p>}
      </fieldset>
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
      <button type="submit" className="button" disabled={sending}>
        {sending ? t('demands.submitting') : t('demands.submit')}
      </button>
    </form>
  );
}

function Matches({ demandId }: { demandId: string }) {
  const { t, label, locale } = useT();
  const matches = useResource((signal) => api.demandMatches(demandId, signal), [demandId]);
  const score = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  return (
    <section className="section" aria-labelledby="matches-heading">
      <h2 id="matches-heading">{t('demands.matches')}</h2>
      <ResourceView resource={matches} minHeight="12rem" isEmpty={(m) => m.items.length === 0}>
        {(m) => (
          <ol className="result-list">
            {m.items.map((match) => (
              <li key={match.listing.id}>
                <p className="score">
                  {t('demands.score', { score: score.format(match.score) })}
                  {match.reasons.map((r) => (
                    <span key={r} className="tag">
                      {label(labelOf(MATCH_REASON_LABELS, r))}
                    </span>
                  ))}
                </p>
                <ListingCard hit={match.listing} />
              </li>
            ))}
          </ol>
        )}
      </ResourceView>
    </section>
  );
}

/** The buyer's own demands, each a link back to its matches. */
function MyDemands({ current }: { current: string | null }) {
  const { t, label, date } = useT();
  const list = useCursorList((cursor, signal) => api.myDemands({ limit: 10, cursor }, signal));
  return (
    <section className="section" aria-labelledby="my-demands-heading">
      <h2 id="my-demands-heading">{t('demands.mine')}</h2>
      <CursorListView list={list} minHeight="4rem" empty={t('demands.noneMine')}>
        {(d) => (
          <p className="card-meta">
            <Link to={`?demand=${encodeURIComponent(d.id)}`} aria-current={d.id === current ? 'true' : undefined}>
              {d.title}
            </Link>
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

export default function Demands() {
  const { t } = useT();
  usePageTitle(t('demands.title'));
  const { status, user } = useAuth();
  // The posted demand's id lives in the URL so that its matches survive a reload and the back button.
  const [params, setParams] = useSearchParams();
  const demandId = params.get('demand');

  let body;
  if (status === 'loading') body = null;
  else if (!user)
    body = (
      <p className="notice">
        <Link to="/login?next=%2Fdemands">{t('demands.loginFirst')}</Link>
      </p>
    );
  else if (user.role !== 'buyer') body = <p className="notice">{t('demands.buyersOnly')}</p>;
  else body = <DemandForm onPosted={(id) => setParams({ demand: id })} />;

  return (
    <div className="container narrow">
      <h1>{t('demands.title')}</h1>
      <p className="lead">{t('demands.intro')}</p>
      {body}
      {demandId && <Matches demandId={demandId} />}
      {user?.role === 'buyer' && <MyDemands key={demandId ?? ''} current={demandId} />}
    </div>
  );
}
