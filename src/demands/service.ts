import { and, desc, eq, gte, ilike, lt, lte, or, type SQL } from 'drizzle-orm';
import { containsPattern } from '../content/shared.js';
import { organizations, type OrganizationType } from '../db/schema/accounts.js';
import { demands } from '../db/schema/listings.js';
import type { AuthUser } from '../platform/auth.js';
import { audit } from '../platform/audit.js';
import type { AppContext } from '../platform/context.js';
import type { DbOrTx } from '../platform/db.js';
import { AppError, notFound, validationFailed } from '../platform/errors.js';
import { pageOf } from '../platform/http.js';
import { newId } from '../platform/ids.js';
import { enqueue } from '../platform/outbox.js';
import { notify } from '../notifications/service.js';
import { matchDemand } from './matching.js';
import type { DemandInput, DemandPatch, ListDemandsInput } from './schemas.js';
import { notificationText } from '../notifications/texts.js';

type DemandRow = typeof demands.$inferSelect;

async function view(db: DbOrTx, rows: DemandRow[]) {
  const orgs = new Map<string, { id: string; name: string; type: OrganizationType }>();
  for (const r of rows) {
    if (orgs.has(r.organizationId)) continue;
    const [o] = await db
      .select({ id: organizations.id, name: organizations.name, type: organizations.type })
      .from(organizations)
      .where(eq(organizations.id, r.organizationId));
    orgs.set(r.organizationId, o);
  }
  return rows.map(({ organizationId, createdBy: _c, ...r }) => ({ ...r, organization: orgs.get(organizationId)! }));
}

// Demands are posted to be seen: open demands are public so that sellers can answer them, and closed ones
// stay readable on the board's "closed" filter (a record of what was sought); only open ones take answers.
export async function loadDemand(db: DbOrTx, id: string): Promise<DemandRow> {
  const [row] = await db.select().from(demands).where(eq(demands.id, id));
  if (!row) throw notFound('Demand');
  return row;
}

export async function createDemand(ctx: AppContext, caller: AuthUser, input: DemandInput) {
  return ctx.db.transaction(async (tx) => {
    const id = newId('dmd');
    const [row] = await tx
      .insert(demands)
      .values({ ...input, id, organizationId: caller.organizationId, createdBy: caller.id })
      .returning();
    await audit(tx, { id: caller.id, role: caller.role }, 'demand.created', 'demand', id, { title: row.title });
    await enqueue(tx, 'demand.posted', { id });
    return (await view(tx, [row]))[0];
  });
}

export async function updateDemand(ctx: AppContext, caller: AuthUser, id: string, patch: DemandPatch) {
  return ctx.db.transaction(async (tx) => {
    const row = await loadDemand(tx, id);
    if (row.organizationId !== caller.organizationId)
      throw new AppError('FORBIDDEN', "Only the demand's organization may change it");
    if (row.status !== 'open') throw new AppError('INVALID_TRANSITION', 'A closed demand cannot be edited');
    const [updated] = await tx
      .update(demands)
      .set({ ...patch, updatedAt: ctx.clock.now().toISOString() })
      .where(eq(demands.id, id))
      .returning();
    await audit(tx, { id: caller.id, role: caller.role }, 'demand.updated', 'demand', id, {
      fields: Object.keys(patch),
    });
    return (await view(tx, [updated]))[0];
  });
}

export async function closeDemand(ctx: AppContext, caller: AuthUser, id: string) {
  return ctx.db.transaction(async (tx) => {
    const row = await loadDemand(tx, id);
    if (row.organizationId !== caller.organizationId)
      throw new AppError('FORBIDDEN', "Only the demand's organization may close it");
    if (row.status !== 'open') throw new AppError('INVALID_TRANSITION', 'The demand is already closed');
    const [closed] = await tx
      .update(demands)
      .set({ status: 'closed', updatedAt: ctx.clock.now().toISOString() })
      .where(eq(demands.id, id))
      .returning();
    await audit(tx, { id: caller.id, role: caller.role }, 'demand.closed', 'demand', id);
    return (await view(tx, [closed]))[0];
  });
}

export async function getDemand(ctx: AppContext, id: string) {
  return (await view(ctx.db, [await loadDemand(ctx.db, id)]))[0];
}

export async function listDemands(ctx: AppContext, caller: AuthUser | null, q: ListDemandsInput) {
  if (q.budgetMin !== undefined && q.budgetMax !== undefined && q.budgetMin > q.budgetMax)
    throw validationFailed([{ path: '/budgetMin', message: 'must not exceed budgetMax' }]);
  const conds: SQL[] = [];
  if (q.mine) {
    if (!caller) throw new AppError('UNAUTHENTICATED', 'Log in to see your demands');
    conds.push(eq(demands.organizationId, caller.organizationId));
  }
  // The board shows open demands unless asked otherwise; "mine" lists every status by default.
  const status = q.status ?? (q.mine ? 'all' : 'open');
  if (status !== 'all') conds.push(eq(demands.status, status));
  if (q.field) conds.push(eq(demands.field, q.field));
  if (q.region?.trim()) conds.push(ilike(demands.region, containsPattern(q.region.trim())));
  // Every word must be found, in the title or the description (the board's search box, not the ranking).
  for (const word of (q.q ?? '').split(/\s+/).filter(Boolean).slice(0, 10))
    conds.push(or(ilike(demands.title, containsPattern(word)), ilike(demands.description, containsPattern(word)))!);
  if (q.budgetMin !== undefined) conds.push(gte(demands.budget, q.budgetMin));
  if (q.budgetMax !== undefined) conds.push(lte(demands.budget, q.budgetMax));
  if (q.cursor) conds.push(lt(demands.id, q.cursor));
  const rows = await ctx.db
    .select()
    .from(demands)
    .where(and(...conds))
    .orderBy(desc(demands.id))
    .limit(q.limit + 1);
  const page = pageOf(rows, q.limit);
  return { items: await view(ctx.db, page.items), nextCursor: page.nextCursor };
}

export async function demandMatches(ctx: AppContext, id: string, limit = 20) {
  const row = await loadDemand(ctx.db, id);
  return { demandId: id, items: await matchDemand(ctx, row, limit) };
}

/** Outbox consumer for `demand.posted`: tells the organizations of the best-matching listings. */
export async function notifyMatchedSellers(ctx: AppContext, payload: { id: string }) {
  const [row] = await ctx.db.select().from(demands).where(eq(demands.id, payload.id));
  if (!row || row.status !== 'open') return;
  const matches = (await matchDemand(ctx, row, 10)).filter((m) => m.score >= 40);
  for (const m of matches) {
    if (m.listing.organization.id === row.organizationId) continue;
    await notify(
      ctx.db,
      { organizationId: m.listing.organization.id },
      {
        ...notificationText('demand.matched', { demand: row.title }),
        body: m.listing.title,
        link: `/demands/${row.id}`,
        dedupeKey: `demand.matched:${row.id}:${m.listing.id}`,
        data: { demandId: row.id, listingId: m.listing.id, score: m.score },
      },
    );
  }
}
