import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { api } from '../api/index.js';
import type { DealSummary } from '../api/deal-types.js';
import { CursorListView } from '../components/CursorListView.js';
import { StatusChip } from '../components/StatusChip.js';
import { formatFen } from '../i18n/format.js';
import { useT } from '../i18n/I18nProvider.js';
import { DEAL_FORM_LABELS, labelOf } from '../i18n/labels.js';
import { useCursorList } from '../lib/useCursorList.js';
import { PARTY_LABELS, stateText } from './labels.js';
import { DealWait } from './DealWait.js';

function DealRow({ deal }: { deal: DealSummary }) {
  const { t, label, date } = useT();
  const state = stateText(deal.state);
  // The organization on the other side of the table, as the caller reads the deal.
  const counterpart =
    deal.role === 'buyer'
      ? deal.seller.organization.name
      : deal.role === 'seller'
        ? deal.buyer.organization.name
        : `${deal.buyer.organization.name} ⇄ ${deal.seller.organization.name}`;
  return (
    <article className="card deal-row">
      <div className="row-heading">
        <h3 className="card-title">
          <Link to={`/deals/${encodeURIComponent(deal.id)}`}>{deal.listing.title}</Link>
        </h3>
        <StatusChip label={state.label} tone={state.tone} />
      </div>
      <p className="card-meta">
        <span className="tag tag-deal">{label(labelOf(DEAL_FORM_LABELS, deal.type))}</span>
        <span>
          {t('deals.myRole')}: {label(PARTY_LABELS[deal.role] ?? { zh: deal.role, en: deal.role })}
        </span>
        <span>
          {t('deals.counterpart')}: {counterpart}
        </span>
        {deal.contractValue !== null && (
          <span>
            {t('deals.contractValue')}: {formatFen(deal.contractValue)}
          </span>
        )}
        <span>
          {t('deals.updated')}: <time dateTime={deal.updatedAt}>{date(deal.updatedAt, true)}</time>
        </span>
      </p>
      <DealWait deal={deal} />
    </article>
  );
}

/** The caller's deals, newest first (a broker's: those assigned; an admin's: all). */
export function DealList({ limit = 20, state, empty }: { limit?: number; state?: string; empty?: ReactNode }) {
  const list = useCursorList((cursor, signal) => api.listDeals({ limit, cursor, state }, signal));
  return (
    <CursorListView list={list} minHeight="10rem" empty={empty}>
      {(deal) => <DealRow deal={deal} />}
    </CursorListView>
  );
}
