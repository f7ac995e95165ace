import { and, eq, ne, sql } from 'drizzle-orm';
import { deals } from '../db/schema/deals.js';
import { listings } from '../db/schema/listings.js';
import type { DbOrTx } from '../platform/db.js';
import { AppError } from '../platform/errors.js';
import type { LicenseTerms } from '../shared/terms.js';
import { currentTerms, dealContextOf } from './machines/index.js';
import type { DealRow } from './store/index.js';

// Exclusivity (SPC Interpretation on Technology Contract Disputes, Art. 25; DOMAIN.md "Exclusivity"): while an
// exclusive licence (独占) is in force for a territory and field, no other licence of the same listing may overlap
// it — not even the licensor's own use, which is the licensor's affair, not another deal; a sole licence (排他)
// excludes other licensees (the licensor keeps its own use); ordinary licences (普通) coexist. So a new licence
// conflicts with one in force when they overlap and either of them is exclusive or sole.

/** Words that mean "everywhere" or "every field": such a territory or field overlaps any other. */
const UNBOUNDED = [
  '全国',
  '中国',
  '中华人民共和国',
  '全球',
  '世界',
  '不限',
  '全部',
  '所有',
  'worldwide',
  'global',
  'china',
  'all',
  'any',
  'unlimited',
];

const norm = (text: string) => text.toLowerCase().replace(/[\s,.;:·、，。；：()（）"'“”‘’-]+/g, '');

/**
 * Territories and fields of use are free text, so overlap is judged conservatively (the choice recorded here):
 * the same text, one text inside the other ("新疆" in "新疆生产建设兵团"), or an unbounded term on either side. Two
 * grants of the same exclusive right breach the first contract, so where in doubt the platform refuses and names
 * the licence in force; parties who mean disjoint scopes write them disjointly.
 */
export function scopesOverlap(a: string, b: string): boolean {
  const [x, y] = [norm(a), norm(b)];
  if (x === '' || y === '') return true;
  if (UNBOUNDED.some((w) => x.includes(w) || y.includes(w))) return true;
  return x.includes(y) || y.includes(x);
}

const restrictive = (t: LicenseTerms) => t.licenseType === 'exclusive' || t.licenseType === 'sole';

export function licencesConflict(a: LicenseTerms, b: LicenseTerms): boolean {
  return (
    (restrictive(a) || restrictive(b)) &&
    scopesOverlap(a.territory, b.territory) &&
    scopesOverlap(a.fieldOfUse, b.fieldOfUse)
  );
}

/** The events by which a licence's terms become binding: agreeing to them and signing the contract. */
const BINDING_EVENTS = new Set(['ACCEPT_TERMS', 'SIGN_CONTRACT']);

/**
 * Refuses (409 CONFLICT, naming the licence in force) an acceptance or signature of licence terms that conflict
 * with a licence of the same listing in force. Run inside the event's transaction: the listing row is locked
 * first, so two deals on one listing cannot both pass this check and sign at once.
 */
export async function checkExclusivity(tx: DbOrTx, deal: DealRow, eventType: string): Promise<void> {
  if (deal.type !== 'license' || !BINDING_EVENTS.has(eventType)) return;
  const terms = currentTerms(dealContextOf(deal.snapshot)) as LicenseTerms | null;
  if (!terms) return;
  await refuseConflictingLicence(tx, deal.listingId, terms, deal.id);
}

/**
 * Refuses (409 CONFLICT, naming the licence in force) licence terms for a listing that conflict with a licence of
 * it in force (another deal than `exceptDealId`). The listing row is locked first, so two deals or offerings on one
 * listing cannot both pass this check at once.
 */
export async function refuseConflictingLicence(
  tx: DbOrTx,
  listingId: string,
  terms: LicenseTerms,
  exceptDealId: string | null,
): Promise<void> {
  await tx.execute(sql`select 1 from ${listings} where ${listings.id} = ${listingId} for update`);
  const inForce = await tx
    .select({ id: deals.id, snapshot: deals.snapshot })
    .from(deals)
    .where(
      and(
        eq(deals.listingId, listingId),
        eq(deals.type, 'license'),
        eq(deals.state, 'active'),
        ...(exceptDealId ? [ne(deals.id, exceptDealId)] : []),
      ),
    );
  for (const other of inForce) {
    const otherTerms = dealContextOf(other.snapshot).agreedTerms as LicenseTerms | null;
    if (otherTerms && licencesConflict(terms, otherTerms)) {
      throw new AppError(
        'CONFLICT',
        `A ${otherTerms.licenseType} licence of this listing is in force for ${otherTerms.territory} / ` +
          `${otherTerms.fieldOfUse} (deal ${other.id}); these terms overlap it`,
        { conflictingDealId: other.id },
      );
    }
  }
}

/** Whether an event on this deal needs the exclusivity check (and so a transaction around it). */
export const needsExclusivityCheck = (deal: DealRow, eventType: string) =>
  deal.type === 'license' && BINDING_EVENTS.has(eventType);
