import { Link } from 'react-router';
import type { Demand } from '../api/types.js';
import { formatFen } from '../i18n/format.js';
import { useT } from '../i18n/I18nProvider.js';
import { DEAL_FORM_LABELS, fieldLabel, labelOf } from '../i18n/labels.js';

/** What the board and a demand's page say about a demand besides its description. */
export function DemandFacts({ demand }: { demand: Demand }) {
  const { t, label, date } = useT();
  return (
    <>
      <ul className="tags">
        <li className="tag">{label(fieldLabel(demand.field))}</li>
        {demand.dealTypes.map((d) => (
          <li key={d} className="tag tag-deal">
            {label(labelOf(DEAL_FORM_LABELS, d))}
          </li>
        ))}
      </ul>
      <p className="card-meta">
        <span>{demand.organization.name}</span>
        {demand.region && <span>{demand.region}</span>}
        <span>
          {t('board.budget')}: {demand.budget === null ? t('board.noBudget') : formatFen(demand.budget)}
        </span>
        {demand.deadline && (
          <span>
            {t('board.deadline')}: <time dateTime={demand.deadline}>{date(demand.deadline)}</time>
          </span>
        )}
      </p>
    </>
  );
}

export function DemandStatus({ demand }: { demand: Demand }) {
  const { t } = useT();
  // The chip of StatusChip, worded from the board's own status filter.
  const open = demand.status === 'open';
  return (
    <span className={`chip ${open ? 'chip-progress' : 'chip-neutral'}`}>
      {t(open ? 'board.status.open' : 'board.status.closed')}
    </span>
  );
}

export function DemandCard({ demand }: { demand: Demand }) {
  return (
    <article className="card">
      <h2 className="card-title">
        <Link to={`/demands/${encodeURIComponent(demand.id)}`}>{demand.title}</Link> <DemandStatus demand={demand} />
      </h2>
      <p className="card-summary">{demand.description}</p>
      <DemandFacts demand={demand} />
    </article>
  );
}
