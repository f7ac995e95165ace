import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { policies } from '../../db/schema/content.js';
import type { AuthUser } from '../../platform/auth.js';
import { audit } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import type { DbOrTx } from '../../platform/db.js';
import { notFound, validationFailed } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { MAX_YEAR, MIN_YEAR } from '../../shared/content.js';
import { actorOf, keyCursor, parseKeyCursor, type AdminAct } from '../shared.js';
import { reindexPolicyLater, type PolicyRow } from './indexing.js';
import type { ListPoliciesInput, PolicyInput, PolicyPatch } from './schemas.js';
import { searchPolicies } from './search.js';
import { policySummary, policyView } from './view.js';

// A date the format check accepts can still be outside the years the library covers.
function checkIssuedOn(issuedOn: string | undefined) {
  if (issuedOn === undefined) return;
  const year = Number(issuedOn.slice(0, 4));
  if (year < MIN_YEAR || year > MAX_YEAR)
    throw validationFailed([{ path: 'body.issuedOn', message: `must be in ${MIN_YEAR}–${MAX_YEAR}` }]);
}

const tidy = <T extends Partial<PolicyInput>>(input: T) => ({
  ...input,
  ...(input.title ? { title: input.title.trim() } : {}),
  ...(input.documentNumber ? { documentNumber: input.documentNumber.trim() } : {}),
  ...(input.tags ? { tags: input.tags.map((t) => t.trim()).filter(Boolean) } : {}),
});

/** Adds a policy to the library; when published it reaches the search index through the outbox. */
export async function createPolicy(ctx: AppContext, act: AdminAct, input: PolicyInput) {
  checkIssuedOn(input.issuedOn);
  return ctx.db.transaction(async (tx) => {
    const id = newId('pol');
    const [row] = await tx
      .insert(policies)
      .values({ ...tidy(input), id, createdBy: act.admin.id })
      .returning();
    await audit(
      tx,
      actorOf(act.admin),
      'policy.created',
      'policy',
      id,
      { title: row.title, published: row.published },
      act.requestId,
    );
    await reindexPolicyLater(tx, id);
    return policyView(row);
  });
}

async function loadLive(tx: DbOrTx, id: string): Promise<PolicyRow> {
  const [row] = await tx
    .select()
    .from(policies)
    .where(and(eq(policies.id, id), isNull(policies.deletedAt)))
    .for('update');
  if (!row) throw notFound('Policy');
  return row;
}

export async function updatePolicy(ctx: AppContext, act: AdminAct, id: string, patch: PolicyPatch) {
  checkIssuedOn(patch.issuedOn);
  return ctx.db.transaction(async (tx) => {
    await loadLive(tx, id);
    const [row] = await tx
      .update(policies)
      .set({ ...tidy(patch), updatedAt: ctx.clock.now().toISOString() })
      .where(eq(policies.id, id))
      .returning();
    await audit(tx, actorOf(act.admin), 'policy.updated', 'policy', id, { fields: Object.keys(patch) }, act.requestId);
    await reindexPolicyLater(tx, id);
    return policyView(row);
  });
}

/** Deletion is soft: the row leaves every list and the index, and the audit log still resolves it. */
export async function deletePolicy(ctx: AppContext, act: AdminAct, id: string) {
  await ctx.db.transaction(async (tx) => {
    const row = await loadLive(tx, id);
    const now = ctx.clock.now().toISOString();
    await tx.update(policies).set({ deletedAt: now, updatedAt: now }).where(eq(policies.id, id));
    await audit(tx, actorOf(act.admin), 'policy.deleted', 'policy', id, { title: row.title }, act.requestId);
    await reindexPolicyLater(tx, id);
  });
}

/** A policy the caller may read: public ones for everyone, unpublished drafts for admins; deleted for nobody. */
export async function getPolicy(ctx: AppContext, caller: AuthUser | null, id: string) {
  const [row] = await ctx.db.select().from(policies).where(eq(policies.id, id));
  if (!row || row.deletedAt || (!row.published && caller?.role !== 'admin')) throw notFound('Policy');
  return policyView(row);
}

const ISSUED_ON = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The library: with query text or facets asked for, the search engine answers (503 when it is down); a plain
 * browse (filters only) reads the database, newest issue date first, so the library stays readable without
 * the engine. Admins browsing also see unpublished drafts.
 */
export async function listPolicies(ctx: AppContext, caller: AuthUser | null, q: ListPoliciesInput) {
  if (q.q?.trim() || q.facets) return searchPolicies(ctx, q);
  const conds = [isNull(policies.deletedAt)];
  if (caller?.role !== 'admin') conds.push(eq(policies.published, true));
  if (q.level?.length) conds.push(inArray(policies.level, q.level));
  if (q.category?.length) conds.push(inArray(policies.category, q.category));
  if (q.year?.length) conds.push(inArray(sql<number>`extract(year from ${policies.issuedOn})::int`, q.year));
  if (q.cursor) {
    const c = parseKeyCursor(q.cursor, ISSUED_ON);
    conds.push(sql`(${policies.issuedOn}, ${policies.id}) < (${c.key}::date, ${c.id}::text)`);
  }
  const rows = await ctx.db
    .select()
    .from(policies)
    .where(and(...conds))
    .orderBy(desc(policies.issuedOn), desc(policies.id))
    .limit(q.limit + 1);
  const items = rows.slice(0, q.limit);
  const last = items[items.length - 1];
  return {
    items: items.map(policySummary),
    nextCursor: rows.length > q.limit ? keyCursor(last.issuedOn, last.id) : null,
  };
}
