import { and, desc, eq, inArray, isNull, lt } from 'drizzle-orm';
import { technologyPackages } from '../../db/schema/content.js';
import { listings } from '../../db/schema/listings.js';
import { listingSummaries } from '../../listings/view.js';
import type { AuthUser } from '../../platform/auth.js';
import { audit } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import type { DbOrTx } from '../../platform/db.js';
import { notFound, validationFailed } from '../../platform/errors.js';
import { pageOf } from '../../platform/http.js';
import { newId } from '../../platform/ids.js';
import { actorOf, type AdminAct } from '../shared.js';
import type { ListPackagesInput, PackageInput, PackagePatch } from './schemas.js';

type PackageRow = typeof technologyPackages.$inferSelect;

async function publishedAmong(db: DbOrTx, ids: string[]) {
  if (!ids.length) return [];
  return db
    .select()
    .from(listings)
    .where(and(inArray(listings.id, ids), eq(listings.status, 'published')));
}

const summary = (row: PackageRow, published: Set<string>) => ({
  id: row.id,
  title: row.title,
  description: row.description,
  field: row.field,
  published: row.published,
  listingCount: row.listingIds.filter((id) => published.has(id)).length,
  updatedAt: row.updatedAt,
});

/**
 * A package as the caller sees it: only the listings that are published now, in the curated order (one that
 * was withdrawn since curation drops out by itself). Admins also get the full curated list, to edit it.
 */
async function packageView(db: DbOrTx, row: PackageRow, caller: AuthUser | null) {
  const rows = await publishedAmong(db, row.listingIds);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const ordered = row.listingIds.flatMap((id) => byId.get(id) ?? []);
  const shown = (await listingSummaries(db, ordered, null)).map(({ status: _s, updatedAt: _u, ...l }) => l);
  return {
    ...summary(row, new Set(byId.keys())),
    listings: shown,
    ...(caller?.role === 'admin' ? { listingIds: row.listingIds } : {}),
    createdAt: row.createdAt,
  };
}

/** A package is curated from what the market offers now: every listing must be published when it is added. */
async function checkListings(db: DbOrTx, ids: string[]) {
  const published = new Set((await publishedAmong(db, ids)).map((r) => r.id));
  const problems = ids.flatMap((id, i) =>
    published.has(id) ? [] : [{ path: `body.listingIds.${i}`, message: 'is not a published listing' }],
  );
  if (problems.length) throw validationFailed(problems);
}

export async function createPackage(ctx: AppContext, act: AdminAct, input: PackageInput) {
  return ctx.db.transaction(async (tx) => {
    await checkListings(tx, input.listingIds);
    const id = newId('pkg');
    const [row] = await tx
      .insert(technologyPackages)
      .values({ ...input, title: input.title.trim(), id, createdBy: act.admin.id })
      .returning();
    await audit(
      tx,
      actorOf(act.admin),
      'package.created',
      'package',
      id,
      { title: row.title, listingIds: row.listingIds, published: row.published },
      act.requestId,
    );
    return packageView(tx, row, act.admin);
  });
}

async function loadLive(tx: DbOrTx, id: string): Promise<PackageRow> {
  const [row] = await tx
    .select()
    .from(technologyPackages)
    .where(and(eq(technologyPackages.id, id), isNull(technologyPackages.deletedAt)))
    .for('update');
  if (!row) throw notFound('Package');
  return row;
}

export async function updatePackage(ctx: AppContext, act: AdminAct, id: string, patch: PackagePatch) {
  return ctx.db.transaction(async (tx) => {
    await loadLive(tx, id);
    if (patch.listingIds) await checkListings(tx, patch.listingIds);
    const [row] = await tx
      .update(technologyPackages)
      .set({
        ...patch,
        ...(patch.title ? { title: patch.title.trim() } : {}),
        updatedAt: ctx.clock.now().toISOString(),
      })
      .where(eq(technologyPackages.id, id))
      .returning();
    await audit(
      tx,
      actorOf(act.admin),
      'package.updated',
      'package',
      id,
      { fields: Object.keys(patch), ...(patch.listingIds ? { listingIds: patch.listingIds } : {}) },
      act.requestId,
    );
    return packageView(tx, row, act.admin);
  });
}

export async function deletePackage(ctx: AppContext, act: AdminAct, id: string) {
  await ctx.db.transaction(async (tx) => {
    const row = await loadLive(tx, id);
    const now = ctx.clock.now().toISOString();
    await tx.update(technologyPackages).set({ deletedAt: now, updatedAt: now }).where(eq(technologyPackages.id, id));
    await audit(tx, actorOf(act.admin), 'package.deleted', 'package', id, { title: row.title }, act.requestId);
  });
}

export async function getPackage(ctx: AppContext, caller: AuthUser | null, id: string) {
  const [row] = await ctx.db.select().from(technologyPackages).where(eq(technologyPackages.id, id));
  if (!row || row.deletedAt || (!row.published && caller?.role !== 'admin')) throw notFound('Package');
  return packageView(ctx.db, row, caller);
}

/** Published packages, newest first (admins: unpublished ones too). */
export async function listPackages(ctx: AppContext, caller: AuthUser | null, q: ListPackagesInput) {
  const conds = [isNull(technologyPackages.deletedAt)];
  if (caller?.role !== 'admin') conds.push(eq(technologyPackages.published, true));
  if (q.field) conds.push(eq(technologyPackages.field, q.field));
  if (q.cursor) conds.push(lt(technologyPackages.id, q.cursor));
  const rows = await ctx.db
    .select()
    .from(technologyPackages)
    .where(and(...conds))
    .orderBy(desc(technologyPackages.id))
    .limit(q.limit + 1);
  const page = pageOf(rows, q.limit);
  const published = new Set(
    (await publishedAmong(ctx.db, [...new Set(page.items.flatMap((r) => r.listingIds))])).map((r) => r.id),
  );
  return { items: page.items.map((r) => summary(r, published)), nextCursor: page.nextCursor };
}
