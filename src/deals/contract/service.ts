import { maySignFor } from '../../accounts/team.js';
import type { AuthUser } from '../../platform/auth.js';
import type { AppContext } from '../../platform/context.js';
import type { DbOrTx } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { chinaDate } from '../../shared/china-time.js';
import { dealContextOf, type ActorRole } from '../machines/index.js';
import { loadDealFor, type DealRow } from '../parties.js';
import { keepSignedText, lastSignedText, sha256Text } from '../signed-texts.js';
import { listingNameOf, partyNamesOf } from '../store/index.js';
import { renderContractPdf } from './pdf.js';
import { renderContract } from './template.js';

export const contractFilename = (role: string) => `技术合同-contract-${role}.txt`;
const SIGNING_ROLES = ['seller', 'buyer'] as const;

/**
 * The contract text of this deal's agreed terms, with its hash; null before agreement. The hash is of the
 * canonical text (UTF-8), not of the PDF: the text is what is signed and kept, the PDF only lays it out (and is
 * reproducible too, see pdf.ts).
 *
 * Once a party has signed, the text is the one it signed, not a new rendering: a rename of a party or an edit of
 * the listing between the two signatures would otherwise give the second signer another text than the first's,
 * and a contract is one text both signatures name (DOMAIN.md "Contract document"). The parties stay the same
 * legal persons after a rename (identified by their credit codes), so the text offered to the first signer stays
 * the agreement; terms cannot change in contracting (the machines offer no proposal there).
 */
export async function currentContract(ctx: AppContext, db: DbOrTx, deal: DealRow) {
  const context = dealContextOf(deal.snapshot);
  if (!context.agreedTerms) return null;
  const accepted = context.proposals.filter((p) => p.status === 'accepted').at(-1);
  // A deal whose price was fixed elsewhere (a bidding round) has no accepted proposal: it was agreed when opened.
  const agreedAt = accepted ? (accepted.closedAt ?? accepted.at) : deal.createdAt;
  const signer = SIGNING_ROLES.find((role) => context.contract[role]);
  const signed = signer ? await lastSignedText(ctx, db, deal.id, contractFilename(signer)) : null;
  if (signed) return { text: signed, sha256: sha256Text(signed), agreedAt };
  const [names, listing] = await Promise.all([partyNamesOf(db, [deal]), listingNameOf(db, deal.listingId)]);
  const text = renderContract({
    dealId: deal.id,
    form: deal.type,
    terms: context.agreedTerms,
    seller: names.org.get(deal.sellerOrgId)!.name,
    buyer: names.org.get(deal.buyerOrgId)!.name,
    listingTitle: listing.title,
    registrationNo: listing.registrationNo,
    ipType: listing.ipType,
    ipNumbers: listing.ipNumbers,
    agreedOn: chinaDate(agreedAt),
  });
  return { text, sha256: sha256Text(text), agreedAt };
}

/** GET /api/deals/:id/contract: the PDF of the current text and the text's sha256 (parties and admin). */
export async function contractPdfOf(ctx: AppContext, caller: AuthUser, dealId: string) {
  const { deal } = await loadDealFor(ctx.db, dealId, caller);
  const contract = await currentContract(ctx, ctx.db, deal);
  if (!contract)
    throw new AppError('CONFLICT', 'The deal has no agreed terms yet: its contract is drawn up after agreement');
  const pdf = await renderContractPdf(contract.text, contract.agreedAt, contract.sha256);
  return { dealId, sha256: contract.sha256, pdf };
}

/**
 * Before SIGN_CONTRACT, refused before anything is written: only a member the organization authorised to sign
 * (签约授权, DOMAIN.md "Contract document"; API.md: `signatory: true`) may sign for it (403), and the text the
 * signer was shown must be the text rendered now (409 CONTRACT_CHANGED). A request without a hash signs the
 * current text, as SIGN_NDA does (deal-events.ts); the hash signed is written into the event either way, so the
 * deal's history names it. Null when the machine will refuse the event anyway (not a signing party, no terms).
 */
export async function contractToSign(
  ctx: AppContext,
  db: DbOrTx,
  deal: DealRow,
  role: ActorRole,
  caller: AuthUser,
  shown: unknown,
) {
  if (role !== 'buyer' && role !== 'seller') return null;
  const orgId = role === 'buyer' ? deal.buyerOrgId : deal.sellerOrgId;
  if (!(await maySignFor({ db }, caller.id, orgId, db)))
    throw new AppError(
      'FORBIDDEN',
      'Only a member your organization authorised to sign (签约授权) may sign its contracts',
    );
  const contract = await currentContract(ctx, db, deal);
  if (!contract) return null;
  if (shown !== undefined && shown !== contract.sha256)
    throw new AppError('CONTRACT_CHANGED', 'The contract text has changed since it was shown; read it again and sign', {
      sha256: contract.sha256,
    });
  return contract;
}

/** After an accepted SIGN_CONTRACT, in its transaction: the signed text is kept with the deal's documents. */
export const keepSignedContract = (
  ctx: AppContext,
  tx: DbOrTx,
  deal: DealRow,
  caller: AuthUser,
  role: string,
  text: string,
) => keepSignedText(ctx, tx, deal.id, caller, contractFilename(role), text);
