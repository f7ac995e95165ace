import { loadDealFor } from '../deals/parties.js';
import { dealContextOf } from '../deals/engine.js';
import type { AuthUser } from '../platform/auth.js';
import type { AppContext } from '../platform/context.js';
import type { DealContext } from '../deals/machines/index.js';
import { contractValue } from '../shared/terms.js';
import { offeringRecordOf, type OfferingRecord } from '../offerings/confirmation.js';
import { noticesOfDeal } from './notices.js';
import type { NoticeView } from './schemas.js';

// The pricing dossier (DOMAIN.md "Pricing routes"): how a deal's price was formed, kept for the record that exempts
// a public institution's leaders from liability for a later change in value (Law Art. 18; 国发〔2016〕16号).

export type PricingRoute = 'agreed_with_notice' | 'agreed_pending_notice' | 'negotiated' | 'listed_trading';

export interface Dossier {
  deal: { id: string; form: string; state: string; createdAt: string; updatedAt: string };
  listing: { title: string; registrationNo: string | null };
  seller: { name: string; type: string };
  buyer: { name: string; type: string };
  publicInstitution: boolean;
  route: PricingRoute;
  agreedPrice: number | null;
  proposals: Array<{ seq: number; by: string; at: string; status: string; value: number }>;
  decision: DealContext['pricingDecision'];
  appraisals: Array<{ appraiser: string; reportNo: string; appraisedValue: number; outcome: string; at: string }>;
  notices: NoticeView[];
  /** Listed trading: the offering whose sale priced the deal, with its registrations and bids. */
  offering: OfferingRecord | null;
}

function routeOf(context: DealContext, notices: NoticeView[]): PricingRoute {
  if (context.marketPriced) return 'listed_trading';
  if (!context.publicInstitutionSeller) return 'negotiated';
  return notices.some((n) => n.outcome === 'passed') ? 'agreed_with_notice' : 'agreed_pending_notice';
}

/** The dossier of a deal, for its parties and the admin (anyone else: 404). */
export async function dealDossier(ctx: AppContext, caller: AuthUser, dealId: string): Promise<Dossier> {
  const { deal, names } = await loadDealFor(ctx.db, dealId, caller);
  const context = dealContextOf(deal.snapshot);
  const notices = await noticesOfDeal(ctx.db, deal.id);
  const listing = deal.listingCopy as { title?: string; registrationNo?: string | null };
  const org = (id: string) => names.org.get(id) ?? { name: id, type: '' };
  return {
    deal: { id: deal.id, form: deal.type, state: deal.state, createdAt: deal.createdAt, updatedAt: deal.updatedAt },
    listing: { title: String(listing.title ?? ''), registrationNo: listing.registrationNo ?? null },
    seller: org(deal.sellerOrgId),
    buyer: org(deal.buyerOrgId),
    publicInstitution: context.publicInstitutionSeller,
    route: routeOf(context, notices),
    agreedPrice: context.agreedTerms ? contractValue(deal.type, context.agreedTerms) : null,
    proposals: context.proposals.map((p) => ({
      seq: p.seq,
      by: p.by,
      at: p.at,
      status: p.status,
      value: contractValue(deal.type, p.terms),
    })),
    decision: context.pricingDecision ?? null,
    appraisals: (context.equity?.appraisals ?? []).map((a) => ({
      appraiser: a.appraiser,
      reportNo: a.reportNo,
      appraisedValue: a.appraisedValue,
      outcome: a.outcome,
      at: a.submittedAt,
    })),
    notices,
    offering: context.marketPriced ? await offeringRecordOf(ctx.db, context.marketPriced.offeringId) : null,
  };
}
