import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../api/index.js';
import type { Deal, DealTerms } from '../api/deal-types.js';
import { contractValue } from '../../../src/shared/terms.ts';
import { RequireAuth } from '../auth/RequireAuth.js';
import { MISSING_BY_ID } from '../components/ResourceView.js';
import { StatusChip } from '../components/StatusChip.js';
import { Empty, ErrorState, Loading } from '../components/states.js';
import { usePageTitle } from '../components/usePageTitle.js';
import { Actions } from '../deals/Actions.js';
import { DealDocuments } from '../deals/DealDocuments.js';
import { DealInvoices } from '../deals/DealInvoices.js';
import { DealWait } from '../deals/DealWait.js';
import { ContractDocuments } from '../deals/Contract.js';
import { SignedNda } from '../deals/Nda.js';
import { PricingRecord } from '../deals/PricingRecord.js';
import { PARTY_LABELS, stateText } from '../deals/labels.js';
import { Messages } from '../deals/Messages.js';
import { isPublicInstitution } from '../../../src/shared/rewards.ts';
import { DealRewards } from '../deals/DealRewards.js';
import { Progress } from '../deals/Progress.js';
import { Proposals } from '../deals/Proposals.js';
import { TermsView } from '../deals/TermsView.js';
import { Timeline } from '../deals/Timeline.js';
import { isApiError } from '../api/errors.js';
import { formatFen } from '../i18n/format.js';
import { useT } from '../i18n/I18nProvider.js';
import { DEAL_FORM_LABELS, labelOf } from '../i18n/labels.js';
import { useLive } from '../lib/useLive.js';
import '../deals/deal-room.css';

function Section({
  id,
  title,
  children,
  className = '',
}: {
  id: string;
  title: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <section className={`card deal-section ${className}`} aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function Header({ deal }: { deal: Deal }) {
  const { t, label } = useT();
  const state = stateText(deal.state);
  // The contract value as the commission counts it (shared contractValue): agreed, else the proposal on the table.
  const value =
    deal.contractValue ?? (deal.currentTerms ? contractValue(deal.type, deal.currentTerms as DealTerms) : null);
  return (
    <header className="deal-header">
      <p className="breadcrumb">
        <Link to="/deals">{t('deals.title')}</Link>
      </p>
      <h1>
        <Link to={`/listings/${encodeURIComponent(deal.listing.id)}`}>{deal.listing.title}</Link>
      </h1>
      <p className="deal-chips">
        <span className="tag tag-deal">{label(labelOf(DEAL_FORM_LABELS, deal.type))}</span>
        <StatusChip label={state.label} tone={state.tone} />
        <span className="muted">
          {t('deals.myRole')}: {label(PARTY_LABELS[deal.role])}
        </span>
      </p>
      <dl className="parties">
        <div>
          <dt>{label(PARTY_LABELS.buyer)}</dt>
          <dd>
            {deal.buyer.organization.name}（{deal.buyer.user.name}）
          </dd>
        </div>
        <div>
          <dt>{label(PARTY_LABELS.seller)}</dt>
          <dd>{deal.seller.organization.name}</dd>
        </div>
        {deal.broker && (
          <div>
            <dt>{label(PARTY_LABELS.broker)}</dt>
            <dd>
              {deal.broker.name}
              {deal.broker.commissionRateBp !== null &&
                ` · ${t('deals.commission', { rate: deal.broker.commissionRateBp / 100 })}`}
            </dd>
          </div>
        )}
        {value !== null && (
          <div>
            <dt title={t('deals.contractValueHint')}>{t('deals.contractValue')}</dt>
            <dd>{formatFen(value)}</dd>
          </div>
        )}
      </dl>
    </header>
  );
}

function Room({ id }: { id: string }) {
  const { t, label, date } = useT();
  const deal = useLive((signal) => api.getDeal(id, signal), [id]);
  const version = deal.data?.version ?? -1;
  const history = useLive((signal) => api.dealHistory(id, signal), [id, version]);
  const [conflict, setConflict] = useState(false);
  usePageTitle(deal.data?.listing.title ?? t('deals.title'));

  if (!deal.data) {
    if (deal.status === 'loading') return <Loading minHeight="60vh" />;
    if (MISSING_BY_ID.some((c) => isApiError(deal.error, c)))
      return <Empty minHeight="40vh">{t('dealRoom.notFound')}</Empty>;
    return <ErrorState error={deal.error} onRetry={deal.reload} minHeight="40vh" />;
  }
  const d = deal.data;
  const state = stateText(d.state);
  // Once agreed, the terms on the table are the agreement; before, the latest proposal.
  const terms = d.agreedTerms ?? d.currentTerms;
  const signedOrClosed = d.contract.signedAt !== null || d.closure !== null || d.progress !== null;
  return (
    <>
      <Header deal={d} />
      {conflict && (
        <div className="notice notice-warning" role="alert">
          {t('dealRoom.conflict')}
          <button type="button" className="button button-quiet" onClick={() => setConflict(false)}>
            {t('common.close')}
          </button>
        </div>
      )}
      <div className="deal-layout">
        <div className="deal-main">
          <Section id="now" title={t('dealRoom.now')} className="deal-now">
            <p className="deal-state">
              <strong>{label(state.label)}</strong>
            </p>
            <p>{label(state.next)}</p>
            <DealWait deal={d} />
            {d.publicNotice && d.state === 'publicNotice' && (
              <p className="muted">{t('dealRoom.noticeEnds', { date: date(d.publicNotice.endsAt, true) })}</p>
            )}
            <Actions
              deal={d}
              onDeal={(next) => {
                setConflict(false);
                deal.set(next);
              }}
              onConflict={() => {
                setConflict(true);
                deal.reload();
              }}
            />
          </Section>
          <Section id="terms" title={d.agreedTerms ? t('dealRoom.agreedTerms') : t('dealRoom.currentTerms')}>
            {terms ? <TermsView terms={terms} /> : <p className="muted">{t('dealRoom.noTerms')}</p>}
          </Section>
          <Section id="proposals" title={t('proposals.title')}>
            <Proposals deal={d} />
          </Section>
          {signedOrClosed && (
            <Section id="progress" title={t('progress.title')}>
              <Progress deal={d} />
            </Section>
          )}
          <Section id="messages" title={t('messages.title')}>
            <Messages dealId={d.id} version={d.version} />
          </Section>
        </div>
        <aside className="deal-side">
          <Section id="invoices" title={t('invoices.title')}>
            <DealInvoices dealId={d.id} version={d.version} />
          </Section>
          {signedOrClosed &&
            (d.role === 'seller' || d.role === 'admin') &&
            isPublicInstitution(d.seller.organization.type) && (
              <Section id="rewards" title={t('rewards.title')}>
                <DealRewards deal={d} />
              </Section>
            )}
          <Section id="pricing" title={t('pricing.title')}>
            <PricingRecord deal={d} />
          </Section>
          <Section id="documents" title={t('dealRoom.documents')}>
            <SignedNda deal={d} />
            <ContractDocuments deal={d} />
            <DealDocuments listingId={d.listing.id} version={d.version} />
          </Section>
          <Section id="history" title={t('dealRoom.history')}>
            {history.data ? (
              <Timeline history={history.data} />
            ) : history.status === 'error' ? (
              <ErrorState error={history.error} onRetry={history.reload} minHeight="4rem" />
            ) : (
              <Loading minHeight="6rem" />
            )}
          </Section>
        </aside>
      </div>
    </>
  );
}

export default function DealRoom() {
  const { id = '' } = useParams();
  return (
    <div className="container deal-room">
      <RequireAuth>
        <Room key={id} id={id} />
      </RequireAuth>
    </div>
  );
}
