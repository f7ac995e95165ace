import { and, asc, eq, inArray } from 'drizzle-orm';
import { dealDocuments } from '../../db/schema/deals.js';
import type { AuthUser } from '../../platform/auth.js';
import type { AppContext } from '../../platform/context.js';
import type { DbOrTx } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { documentView } from '../documents.js';
import { loadDealFor, type DealRow } from '../parties.js';
import { keepSignedText, sha256Text as sha256 } from '../signed-texts.js';
import { listingNameOf, partyNamesOf } from '../store/index.js';
import { renderNda } from './template.js';

export const ndaFilename = (role: string) => `保密协议-NDA-${role}.txt`;

/** The NDA text the server renders now for this deal, with its hash. */
export async function currentNda(db: DbOrTx, deal: DealRow) {
  const [names, listing] = await Promise.all([partyNamesOf(db, [deal]), listingNameOf(db, deal.listingId)]);
  const text = renderNda({
    seller: names.org.get(deal.sellerOrgId)!.name,
    buyer: names.org.get(deal.buyerOrgId)!.name,
    listingTitle: listing.title,
    registrationNo: listing.registrationNo,
    openedAt: deal.createdAt,
  });
  return { text, sha256: sha256(text) };
}

/** GET /api/deals/:id/nda: the text to be signed, its hash, and the signed copies kept in the deal's documents. */
export async function ndaOf(ctx: AppContext, caller: AuthUser, dealId: string) {
  const { deal } = await loadDealFor(ctx.db, dealId, caller);
  const { text, sha256: hash } = await currentNda(ctx.db, deal);
  const docs = await ctx.db
    .select()
    .from(dealDocuments)
    .where(
      and(
        eq(dealDocuments.dealId, dealId),
        inArray(dealDocuments.filename, [ndaFilename('buyer'), ndaFilename('seller')]),
      ),
    )
    .orderBy(asc(dealDocuments.id));
  return { text, sha256: hash, signed: docs.map(documentView) };
}

/**
 * Before SIGN_NDA: the text the signer was shown must be the text rendered now. A request without a hash signs
 * the current text (API.md's SIGN_NDA has no payload; see deal-events.ts). Refused before anything is written.
 */
export async function ndaToSign(db: DbOrTx, deal: DealRow, shown: unknown) {
  const nda = await currentNda(db, deal);
  if (shown !== undefined && shown !== nda.sha256)
    throw new AppError('NDA_CHANGED', 'The NDA text has changed since it was shown; read the new text and sign again', {
      sha256: nda.sha256,
    });
  return nda;
}

/** After an accepted SIGN_NDA, in its transaction: the signed text is kept with the deal's documents. */
export const keepSignedNda = (
  ctx: AppContext,
  tx: DbOrTx,
  deal: DealRow,
  caller: AuthUser,
  role: string,
  text: string,
) => keepSignedText(ctx, tx, deal.id, caller, ndaFilename(role), text);
