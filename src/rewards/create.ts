import { eq } from 'drizzle-orm';
import { organizations } from '../db/schema/accounts.js';
import { deals } from '../db/schema/deals.js';
import type { InvoiceKindValue } from '../db/schema/invoices.js';
import { listings } from '../db/schema/listings.js';
import { inventorRewards } from '../db/schema/rewards.js';
import type { RecordedPayment } from '../invoices/events.js';
import { notificationText } from '../notifications/texts.js';
import { notify } from '../notifications/service.js';
import { SYSTEM_ACTOR, audit } from '../platform/audit.js';
import type { AppContext } from '../platform/context.js';
import type { Tx } from '../platform/db.js';
import { newId } from '../platform/ids.js';
import { chinaDate } from '../shared/china-time.js';
import type { DealForm } from '../shared/listing.js';
import {
  REWARD_PUBLICITY_DAYS,
  inventorShares,
  isPublicInstitution,
  rewardOf,
  splitReward,
} from '../shared/rewards.js';

// Licence and transfer income (Law Art. 45(1)): the seller's invoices of a licence (upfront fee, royalties,
// milestones) and of a transfer (instalments of the price). Commissions, development fees and equity are not.
const INCOME_KINDS: ReadonlySet<InvoiceKindValue> = new Set(['upfront_fee', 'royalty', 'milestone', 'instalment']);
const INCOME_FORMS: ReadonlySet<DealForm> = new Set(['license', 'transfer']);
const DAY_MS = 86_400_000;

/** The rewards one payment owes, or null when it owes none. */
async function owedOn(tx: Tx, payment: RecordedPayment) {
  const { invoice } = payment;
  if (!invoice.dealId || !INCOME_KINDS.has(invoice.kind)) return null;
  const [row] = await tx
    .select({
      deal: { id: deals.id, type: deals.type, sellerOrgId: deals.sellerOrgId },
      seller: { type: organizations.type, rewardRateBp: organizations.rewardRateBp },
      listing: { title: listings.title, inventors: listings.inventors },
    })
    .from(deals)
    .innerJoin(organizations, eq(organizations.id, deals.sellerOrgId))
    .innerJoin(listings, eq(listings.id, deals.listingId))
    .where(eq(deals.id, invoice.dealId));
  if (!row || !INCOME_FORMS.has(row.deal.type) || row.deal.sellerOrgId !== invoice.issuerOrganizationId) return null;
  if (!isPublicInstitution(row.seller.type) || row.listing.inventors.length === 0) return null;
  return row;
}

/**
 * The payment hook: for a public-institution seller, each payment of licence or transfer income owes every
 * inventor of the listing a reward at the unit's rate, split by their shares. Runs inside the transaction that
 * records the payment, once per payment row; the unique (payment, position) index refuses a second run. The
 * rewards are published within the unit for 15 days from now, and its members are told.
 */
export async function onPaymentRecorded(ctx: AppContext, tx: Tx, payment: RecordedPayment): Promise<void> {
  const owed = await owedOn(tx, payment);
  if (!owed) return;
  const now = ctx.clock.now();
  const publicUntil = new Date(now.getTime() + REWARD_PUBLICITY_DAYS * DAY_MS).toISOString();
  const total = rewardOf(payment.amount, owed.seller.rewardRateBp);
  const { inventors } = owed.listing;
  const shares = inventorShares(inventors);
  const amounts = splitReward(total, shares);
  const rows = inventors.map((inventor, position) => ({
    id: newId('rwd'),
    organizationId: owed.deal.sellerOrgId,
    dealId: owed.deal.id,
    invoiceId: payment.invoice.id,
    paymentId: payment.id,
    position,
    inventorName: inventor.name,
    shareBp: shares[position],
    income: payment.amount,
    rateBp: owed.seller.rewardRateBp,
    amount: amounts[position],
    publicFrom: now.toISOString(),
    publicUntil,
    // The app's clock, not the database's: the half-year reports count rewards by when they were owed.
    createdAt: now.toISOString(),
  }));
  await tx.insert(inventorRewards).values(rows);
  await audit(tx, SYSTEM_ACTOR, 'reward.owed', 'deal', owed.deal.id, {
    paymentId: payment.id,
    income: payment.amount,
    rateBp: owed.seller.rewardRateBp,
    total,
    rewardIds: rows.map((r) => r.id),
  });
  await notify(
    tx,
    { organizationId: owed.deal.sellerOrgId },
    {
      ...notificationText('reward.published', { listing: owed.listing.title, total, until: chinaDate(publicUntil) }),
      link: `/deals/${owed.deal.id}`,
      dedupeKey: `reward.published:${payment.id}`,
      data: { dealId: owed.deal.id, invoiceId: payment.invoice.id },
    },
  );
}
