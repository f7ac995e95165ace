import { and, desc, eq, ilike, inArray, isNull, or, sql } from 'drizzle-orm';
import { organizations } from '../../db/schema/accounts.js';
import { cases, type CaseOrganization } from '../../db/schema/content.js';
import { deals } from '../../db/schema/deals.js';
import { listings } from '../../db/schema/listings.js';
import type { AuthUser } from '../../platform/auth.js';
import { audit } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import type { DbOrTx } from '../../platform/db.js';
import { notFound, validationFailed, type FieldError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { actorOf, containsPattern, keyCursor, parseKeyCursor, type AdminAct } from '../shared.js';
import type { CaseInput, CasePatch, ListCasesInput, OrganizationRefInput } from './schemas.js';

type CaseRow = typeof cases.$inferSelect;

function caseSummary(row: CaseRow) {
  return {
    id: row.id,
    title: row.title,
    summary: row.summary,
    field: row.field,
    dealType: row.dealType,
    organizations: row.organizations.map((o) => ({ id: o.organizationId, name: o.name })),
    value: row.value,
    currency: row.currency,
    year: row.year,
    published: row.published,
    updatedAt: row.updatedAt,
  };
}

// A deal is private to its parties, so only admins learn which deal a case tells of; the listing is shown to
// the public only while it is published, like everywhere else.
async function caseView(db: DbOrTx, row: CaseRow, caller: AuthUser | null) {
  const admin = caller?.role === 'admin';
  let listing = null;
  if (row.listingId) {
    const [l] = await db
      .select({
        id: listings.id,
        title: listings.title,
        titleEn: listings.titleEn,
        registrationNo: listings.registrationNo,
        status: listings.status,
      })
      .from(listings)
      .where(eq(listings.id, row.listingId));
    if (l && (admin || l.status === 'published'))
      listing = { id: l.id, title: l.title, titleEn: l.titleEn, registrationNo: l.registrationNo };
  }
  return {
    ...caseSummary(row),
    body: row.body,
    listing,
    ...(admin ? { dealId: row.dealId } : {}),
    createdAt: row.createdAt,
  };
}

/** Organizations named by id must exist; a name that is exactly one of ours is linked to it. */
async function resolveOrganizations(
  tx: DbOrTx,
  refs: OrganizationRefInput[],
): Promise<{ value: CaseOrganization[]; problems: FieldError[] }> {
  const ids = refs.flatMap((r) => ('id' in r ? [r.id] : []));
  const names = refs.flatMap((r) => ('name' in r ? [r.name.trim()] : []));
  const found =
    ids.length || names.length
      ? await tx
          .select({ id: organizations.id, name: organizations.name })
          .from(organizations)
          .where(
            or(
              ids.length ? inArray(organizations.id, ids) : undefined,
              names.length ? inArray(organizations.name, names) : undefined,
            ),
          )
      : [];
  const byId = new Map(found.map((o) => [o.id, o]));
  const byName = new Map(found.map((o) => [o.name, o]));
  const problems: FieldError[] = [];
  const value = refs.map((r, i): CaseOrganization => {
    if ('id' in r) {
      const o = byId.get(r.id);
      if (!o) problems.push({ path: `body.organizations.${i}.id`, message: 'no such organization' });
      return { organizationId: r.id, name: o?.name ?? '' };
    }
    const name = r.name.trim();
    return { organizationId: byName.get(name)?.id ?? null, name };
  });
  return { value, problems };
}

/** A linked listing and deal must exist, and a deal must be on the linked listing. */
async function linkProblems(
  tx: DbOrTx,
  listingId: string | null | undefined,
  dealId: string | null | undefined,
): Promise<FieldError[]> {
  const problems: FieldError[] = [];
  if (listingId) {
    const [l] = await tx.select({ id: listings.id }).from(listings).where(eq(listings.id, listingId));
    if (!l) problems.push({ path: 'body.listingId', message: 'no such listing' });
  }
  if (dealId) {
    const [d] = await tx.select({ listingId: deals.listingId }).from(deals).where(eq(deals.id, dealId));
    if (!d) problems.push({ path: 'body.dealId', message: 'no such deal' });
    else if (listingId && d.listingId !== listingId)
      problems.push({ path: 'body.dealId', message: 'is a deal on another listing' });
  }
  return problems;
}

async function checkedValues(tx: DbOrTx, input: CasePatch, current?: CaseRow) {
  const orgs = input.organizations
    ? await resolveOrganizations(tx, input.organizations)
    : { value: undefined, problems: [] };
  const linksChanged = input.listingId !== undefined || input.dealId !== undefined;
  const links = linksChanged
    ? await linkProblems(
        tx,
        input.listingId !== undefined ? input.listingId : current?.listingId,
        input.dealId !== undefined ? input.dealId : current?.dealId,
      )
    : [];
  const problems = [...orgs.problems, ...links];
  if (problems.length) throw validationFailed(problems);
  const { organizations: _refs, ...rest } = input;
  return {
    ...rest,
    ...(orgs.value ? { organizations: orgs.value } : {}),
    ...(rest.title ? { title: rest.title.trim() } : {}),
  };
}

export async function createCase(ctx: AppContext, act: AdminAct, input: CaseInput) {
  return ctx.db.transaction(async (tx) => {
    const { organizations: _refs, ...fields } = input;
    const values = await checkedValues(tx, input);
    const id = newId('cas');
    const [row] = await tx
      .insert(cases)
      .values({ ...fields, ...values, id, createdBy: act.admin.id })
      .returning();
    await audit(tx, actorOf(act.admin), 'case.created', 'case', id, { title: row.title }, act.requestId);
    return caseView(tx, row, act.admin);
  });
}

async function loadLive(tx: DbOrTx, id: string): Promise<CaseRow> {
  const [row] = await tx
    .select()
    .from(cases)
    .where(and(eq(cases.id, id), isNull(cases.deletedAt)))
    .for('update');
  if (!row) throw notFound('Case');
  return row;
}

export async function updateCase(ctx: AppContext, act: AdminAct, id: string, patch: CasePatch) {
  return ctx.db.transaction(async (tx) => {
    const current = await loadLive(tx, id);
    const values = await checkedValues(tx, patch, current);
    const [row] = await tx
      .update(cases)
      .set({ ...values, updatedAt: ctx.clock.now().toISOString() })
      .where(eq(cases.id, id))
      .returning();
    await audit(tx, actorOf(act.admin), 'case.updated', 'case', id, { fields: Object.keys(patch) }, act.requestId);
    return caseView(tx, row, act.admin);
  });
}

export async function deleteCase(ctx: AppContext, act: AdminAct, id: string) {
  await ctx.db.transaction(async (tx) => {
    const row = await loadLive(tx, id);
    const now = ctx.clock.now().toISOString();
    await tx.update(cases).set({ deletedAt: now, updatedAt: now }).where(eq(cases.id, id));
    await audit(tx, actorOf(act.admin), 'case.deleted', 'case', id, { title: row.title }, act.requestId);
  });
}

export async function getCase(ctx: AppContext, caller: AuthUser | null, id: string) {
  const [row] = await ctx.db.select().from(cases).where(eq(cases.id, id));
  if (!row || row.deletedAt || (!row.published && caller?.role !== 'admin')) throw notFound('Case');
  return caseView(ctx.db, row, caller);
}

/** Published cases (admins: drafts too), latest year first; `q` matches words in the title or summary. */
export async function listCases(ctx: AppContext, caller: AuthUser | null, q: ListCasesInput) {
  const conds = [isNull(cases.deletedAt)];
  if (caller?.role !== 'admin') conds.push(eq(cases.published, true));
  if (q.field) conds.push(eq(cases.field, q.field));
  if (q.dealType) conds.push(eq(cases.dealType, q.dealType));
  if (q.year) conds.push(eq(cases.year, q.year));
  const text = q.q?.trim();
  if (text) conds.push(or(ilike(cases.title, containsPattern(text)), ilike(cases.summary, containsPattern(text)))!);
  if (q.cursor) {
    const c = parseKeyCursor(q.cursor, /^\d{4}$/);
    conds.push(sql`(${cases.year}, ${cases.id}) < (${Number(c.key)}::int, ${c.id}::text)`);
  }
  const rows = await ctx.db
    .select()
    .from(cases)
    .where(and(...conds))
    .orderBy(desc(cases.year), desc(cases.id))
    .limit(q.limit + 1);
  const items = rows.slice(0, q.limit);
  const last = items[items.length - 1];
  return { items: items.map(caseSummary), nextCursor: rows.length > q.limit ? keyCursor(last.year, last.id) : null };
}
