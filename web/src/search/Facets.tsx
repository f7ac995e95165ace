import type { FacetCounts, FacetName } from '../api/types.js';
import { RegionSelect } from '../components/RegionSelect.js';
import { useT } from '../i18n/I18nProvider.js';
import { DEAL_FORM_LABELS, FIELD_LABELS, IP_TYPE_LABELS, TRL_LABELS, type Label } from '../i18n/labels.js';
import type { MessageKey } from '../i18n/zh-CN.js';
import { FACET_KEYS, FACET_VALUES, TRLS, refine, toggleFacet, type FacetKey, type SearchState } from './searchState.js';

const TITLES: Record<FacetKey, MessageKey> = {
  field: 'search.facet.field',
  dealType: 'search.facet.dealType',
  ipType: 'search.facet.ipType',
};

const VALUE_LABELS: Record<FacetKey, Record<string, Label>> = {
  field: FIELD_LABELS,
  dealType: DEAL_FORM_LABELS,
  ipType: IP_TYPE_LABELS,
};

type FacetCountsByName = Partial<Record<FacetName, FacetCounts>> | undefined;

/** Readiness as a range (the API filters TRL from..to); each level shows how many results it has. */
function TrlRange({
  state,
  counts,
  onChange,
}: {
  state: SearchState;
  counts: FacetCountsByName;
  onChange(next: SearchState): void;
}) {
  const { t, label } = useT();
  const option = (trl: number) => {
    const count = counts?.trl?.[String(trl)];
    const text = `${t('listing.trl', { trl })} ${label(TRL_LABELS[trl - 1])}`;
    return (
      <option key={trl} value={trl}>
        {count === undefined ? text : `${text} (${count})`}
      </option>
    );
  };
  // Moving one end past the other drags the other along, so the range is never empty.
  const setMin = (trlMin: number) => onChange(refine(state, { trlMin, trlMax: Math.max(trlMin, state.trlMax) }));
  const setMax = (trlMax: number) => onChange(refine(state, { trlMax, trlMin: Math.min(trlMax, state.trlMin) }));
  return (
    <fieldset className="facet trl-range">
      <legend>{t('search.facet.trl')}</legend>
      <label htmlFor="search-trl-min">{t('search.trlMin')}</label>
      <select id="search-trl-min" value={state.trlMin} onChange={(e) => setMin(Number(e.target.value))}>
        {TRLS.map(option)}
      </select>
      <label htmlFor="search-trl-max">{t('search.trlMax')}</label>
      <select id="search-trl-max" value={state.trlMax} onChange={(e) => setMax(Number(e.target.value))}>
        {TRLS.map(option)}
      </select>
    </fieldset>
  );
}

/** One region from the closed set, with how many results each has (a disjunctive facet like the others). */
function RegionFilter({
  state,
  counts,
  onChange,
}: {
  state: SearchState;
  counts: FacetCountsByName;
  onChange(next: SearchState): void;
}) {
  const { t } = useT();
  return (
    <div className="facet region-filter">
      <label htmlFor="search-region">{t('search.region')}</label>
      <RegionSelect
        id="search-region"
        value={state.region}
        empty={t('search.regionAny')}
        counts={counts?.region}
        onChange={(region) => onChange(refine(state, { region }))}
      />
    </div>
  );
}

/** Every facet value is listed (with its count in the current results) so the panel does not reflow. */
export function Facets({
  id,
  state,
  counts,
  onChange,
}: {
  id: string;
  state: SearchState;
  counts: FacetCountsByName;
  onChange(next: SearchState): void;
}) {
  const { t, label } = useT();
  return (
    <div className="facets" id={id}>
      {FACET_KEYS.map((key) => (
        <fieldset key={key} className="facet">
          <legend>{t(TITLES[key])}</legend>
          {(FACET_VALUES[key] as readonly string[]).map((value) => {
            const checked = (state[key] as readonly string[]).includes(value);
            const count = counts?.[key]?.[value] ?? 0;
            return (
              <label key={value} className={`facet-option${count === 0 && !checked ? ' is-zero' : ''}`}>
                <input type="checkbox" checked={checked} onChange={() => onChange(toggleFacet(state, key, value))} />
                <span className="facet-label">{label(VALUE_LABELS[key][value])}</span>
                {counts && <span className="facet-count">{count}</span>}
              </label>
            );
          })}
        </fieldset>
      ))}
      <TrlRange state={state} counts={counts} onChange={onChange} />
      <RegionFilter state={state} counts={counts} onChange={onChange} />
    </div>
  );
}
