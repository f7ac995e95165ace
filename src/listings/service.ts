import { and, desc, eq, lt } from 'drizzle-orm';
import { listings, type ListingStatus } from '../db/schema/listings.js';
import type { AuthUser } from '../platform/auth.js';
import { audit } from '../platform/audit.js';
import type { AppContext } from '../platform/context.js';
import type { DbOrTx, Tx } from '../platform/db.js';
import { AppError, validationFailed, type FieldError } from '../platform/errors.js';
import { inventorShareErrors } from '../shared/rewards.js';
import { pageOf } from '../platform/http.js';
import { newId } from '../platform/ids.js';
import { enqueue } from '../platform/outbox.js';
import { notify } from '../notifications/service.js';
import type { IpType } from '../shared/listing.js';
import { ipNumberProblem } from '../shared/ip-numbers.js';
import { nextRegistrationNo } from './registration.js';
import type { ListingInput, ListingPatch } from './schemas.js';
import { listingSummaries, listingView } from './view.js';
import { isListingOwner, loadVisibleListing, type ListingRow } from './visibility.js';
import { notificationText } from '../notifications/texts.js';

const actorOf = (u: AuthUser) => ({ id: u.id, role: u.role });

/** Cross-field rules the schema cannot say: IP numbers must fit the IP form; inventors' shares add up. */
function crossFieldProblems(l: {
  ipType: IpType;
  ipNumbers?: string[];
  ndaRequired?: boolean;
  confidentialDetails?: string | null;
  inventors?: { share?: number }[];
}): FieldError[] {
  const problems: FieldError[] = inventorShareErrors(l.inventors ?? [], 'body.inventors');
  (l.ipNumbers ?? []).forEach((n, i) => {
    const p = ipNumberProblem(l.ipType, n);
    if (p) problems.push({ path: `body.ipNumbers.${i}`, message: p });
  });
  if ((l.ipType === 'invention_patent' || l.ipType === 'utility_model') && !(l.ipNumbers ?? []).length) {
    problems.push({ path: 'body.ipNumbers', message: 'at least one patent number is required for a patented listing' });
  }
  return problems;
}

/** Index or de-index after commit: the relay reads the listing's state then, so a stale order cannot win. */
const reindexLater = (tx: DbOrTx, id: string) => enqueue(tx, 'listing.index', { id });

export async function createListing(ctx: AppContext, caller: AuthUser, input: ListingInput) {
  const problems = crossFieldProblems(input);
  if (problems.length) throw validationFailed(problems);
  return ctx.db.transaction(async (tx) => {
    const id = newId('lst');
    const [row] = await tx
      .insert(listings)
      .values({ ...normalize(input), id, organizationId: caller.organizationId, createdBy: caller.id, status: 'draft' })
      .returning();
    await audit(tx, actorOf(caller), 'listing.created', 'listing', id, { title: row.title });
    return listingView(tx, row, caller);
  });
}

function normalize<T extends Partial<ListingInput>>(input: T) {
  return {
    ...input,
    ...(input.keywords ? { keywords: input.keywords.map((k) => k.trim()).filter(Boolean) } : {}),
    ...(input.title ? { title: input.title.trim() } : {}),
  };
}

async function loadOwned(tx: Tx, id: string, caller: AuthUser): Promise<ListingRow> {
  const row = await loadVisibleListing(tx, id, caller, true);
  if (!isListingOwner(row, caller)) throw new AppError('FORBIDDEN', "Only the listing's organization may change it");
  return row;
}

function requireStatus(row: ListingRow, allowed: ListingStatus[], action: string) {
  if (!allowed.includes(row.status)) {
    throw new AppError(
      'INVALID_TRANSITION',
      `Cannot ${action} a listing that is ${row.status} (allowed from: ${allowed.join(', ')})`,
    );
  }
}

export async function updateListing(ctx: AppContext, caller: AuthUser, id: string, patch: ListingPatch) {
  return ctx.db.transaction(async (tx) => {
    const row = await loadOwned(tx, id, caller);
    requireStatus(row, ['draft', 'rejected'], 'edit');
    const merged = {
      ipType: patch.ipType ?? row.ipType,
      ipNumbers: patch.ipNumbers ?? row.ipNumbers,
      inventors: patch.inventors,
    };
    const problems = crossFieldProblems(merged);
    if (problems.length) throw validationFailed(problems);
    const [updated] = await tx
      .update(listings)
      .set({ ...normalize(patch), updatedAt: ctx.clock.now().toISOString() })
      .where(eq(listings.id, id))
      .returning();
    await audit(tx, actorOf(caller), 'listing.updated', 'listing', id, { fields: Object.keys(patch) });
    return listingView(tx, updated, caller);
  });
}

/** Publication assigns the registration number (gapless per year) and queues indexing and saved-search alerts. */
async function publish(tx: Tx, ctx: AppContext, row: ListingRow, actor: { id: string | null; role: string }) {
  const now = ctx.clock.now();
  const registrationNo = row.registrationNo ?? (await nextRegistrationNo(tx, row.category, now));
  const [published] = await tx
    .update(listings)
    .set({
      status: 'published',
      registrationNo,
      publishedAt: now.toISOString(),
      rejectionReason: null,
      updatedAt: now.toISOString(),
      reviewedBy: actor.id,
    })
    .where(eq(listings.id, row.id))
    .returning();
  await audit(tx, actor, 'listing.published', 'listing', row.id, { registrationNo });
  await reindexLater(tx, row.id);
  await enqueue(tx, 'listing.published', { id: row.id });
  await notify(
    tx,
    { organizationId: row.organizationId },
    {
      ...notificationText('listing.published', { title: row.title, titleEn: row.titleEn }),
      link: `/listings/${row.id}`,
      dedupeKey: `listing.published:${row.id}`,
      data: { listingId: row.id, registrationNo },
    },
  );
  return published;
}

export async function submitListing(ctx: AppContext, caller: AuthUser, id: string) {
  return ctx.db.transaction(async (tx) => {
    const row = await loadOwned(tx, id, caller);
    requireStatus(row, ['draft', 'rejected'], 'submit');
    const now = ctx.clock.now().toISOString();
    let [submitted] = await tx
      .update(listings)
      .set({ status: 'submitted', submittedAt: now, updatedAt: now })
      .where(eq(listings.id, id))
      .returning();
    await audit(tx, actorOf(caller), 'listing.submitted', 'listing', id);
    // LISTING_REVIEW=off: the bureau has chosen to publish registrations without review.
    if (ctx.config.LISTING_REVIEW === 'off')
      submitted = await publish(tx, ctx, submitted, { id: null, role: 'system' });
    return listingView(tx, submitted, caller);
  });
}

export async function reviewListing(
  ctx: AppContext,
  admin: AuthUser,
  id: string,
  decision: 'approve' | 'reject',
  reason?: string,
) {
  if (decision === 'reject' && !reason?.trim())
    throw validationFailed([{ path: 'body.reason', message: 'a reason is required to reject' }]);
  return ctx.db.transaction(async (tx) => {
    const row = await loadVisibleListing(tx, id, admin, true);
    requireStatus(row, ['submitted'], 'review');
    if (decision === 'approve') return listingView(tx, await publish(tx, ctx, row, actorOf(admin)), admin);
    const now = ctx.clock.now().toISOString();
    const [rejected] = await tx
      .update(listings)
      .set({ status: 'rejected', rejectionReason: reason!.trim(), reviewedBy: admin.id, updatedAt: now })
      .where(eq(listings.id, id))
      .returning();
    await audit(tx, actorOf(admin), 'listing.rejected', 'listing', id, { reason: reason! });
    await notify(
      tx,
      { organizationId: row.organizationId },
      {
        ...notificationText('listing.rejected', { title: row.title, titleEn: row.titleEn }),
        body: reason,
        link: `/seller/listings/${id}`,
        dedupeKey: `listing.rejected:${id}:${now}`,
        data: { listingId: id },
      },
    );
    return listingView(tx, rejected, admin);
  });
}

export async function withdrawListing(ctx: AppContext, caller: AuthUser, id: string) {
  return ctx.db.transaction(async (tx) => {
    const row = await loadOwned(tx, id, caller);
    requireStatus(row, ['draft', 'submitted', 'published', 'rejected'], 'withdraw');
    const now = ctx.clock.now().toISOString();
    const [withdrawn] = await tx
      .update(listings)
      .set({ status: 'withdrawn', withdrawnAt: now, updatedAt: now })
      .where(eq(listings.id, id))
      .returning();
    await audit(tx, actorOf(caller), 'listing.withdrawn', 'listing', id, { from: row.status });
    if (row.status === 'published') await reindexLater(tx, id);
    return listingView(tx, withdrawn, caller);
  });
}

export async function getListing(ctx: AppContext, caller: AuthUser | null, id: string) {
  return listingView(ctx.db, await loadVisibleListing(ctx.db, id, caller), caller);
}

/**
 * Lists: `mine` → the caller's organization in every status; an admin may filter by any status; everyone
 * else sees published listings (optionally one organization's catalogue). Newest first, cursor by id.
 */
export async function listListings(
  ctx: AppContext,
  caller: AuthUser | null,
  q: { mine?: boolean; status?: ListingStatus; organizationId?: string; limit: number; cursor?: string },
) {
  const conds = [];
  if (q.mine) {
    if (!caller) throw new AppError('UNAUTHENTICATED', 'Log in to see your listings');
    conds.push(eq(listings.organizationId, caller.organizationId));
    if (q.status) conds.push(eq(listings.status, q.status));
  } else if (caller?.role === 'admin' && q.status) {
    conds.push(eq(listings.status, q.status));
  } else {
    conds.push(eq(listings.status, 'published'));
  }
  if (q.organizationId) conds.push(eq(listings.organizationId, q.organizationId));
  if (q.cursor) conds.push(lt(listings.id, q.cursor));
  const rows = await ctx.db
    .select()
    .from(listings)
    .where(and(...conds))
    .orderBy(desc(listings.id))
    .limit(q.limit + 1);
  const page = pageOf(rows, q.limit);
  return { items: await listingSummaries(ctx.db, page.items, caller), nextCursor: page.nextCursor };
}

/** The listing rules beyond the schema (IP numbers fit the IP form), for callers that validate a batch row by row. */
export function listingInputProblems(input: ListingInput): FieldError[] {
  return crossFieldProblems(input);
}

/**
 * The bureau's batch import (数据汇交 with the national system): registers a listing for an organization and
 * publishes it at once, in the caller's transaction, through the same rules, registration numbering, indexing
 * and notices as an approved registration. The importing admin is recorded as its creator and reviewer.
 */
export async function createPublishedListing(
  ctx: AppContext,
  tx: Tx,
  admin: AuthUser,
  organizationId: string,
  input: ListingInput,
): Promise<ListingRow> {
  const problems = crossFieldProblems(input);
  if (problems.length) throw validationFailed(problems);
  const now = ctx.clock.now().toISOString();
  const id = newId('lst');
  const [row] = await tx
    .insert(listings)
    .values({ ...normalize(input), id, organizationId, createdBy: admin.id, status: 'submitted', submittedAt: now })
    .returning();
  await audit(tx, actorOf(admin), 'listing.created', 'listing', id, {
    title: row.title,
    organizationId,
    via: 'import',
  });
  return publish(tx, ctx, row, actorOf(admin));
}
