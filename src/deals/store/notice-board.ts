import { and, asc, desc, eq, gte, ilike, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { organizations } from '../../db/schema/accounts.js';
import { noticeObjections, publicNotices } from '../../db/schema/pricing.js';
import type { DbOrTx } from '../../platform/db.js';
import { newId } from '../../platform/ids.js';
import { insertStatement, updateStatement } from '../../platform/statements.js';
import type { NoticeOutcome, NoticeStatus, ObjectionDecision } from '../../shared/deal.js';
import type { DealRow } from './read.js';

// The public notice board's statements (DOMAIN.md "Pricing routes"): the deal event that starts a notice publishes
// it, the events under notice answer its objections, and the event that leaves the notice closes it, each in the
// event's own statement (write.ts). Objections are filed by the board service, in the transaction that sends
// OBJECTION_FILED to the deal.

/** What an accepted deal event changes on the board. */
export type BoardWrite =
  | { kind: 'open'; startsAt: string; endsAt: string; price: number; relatedParty: boolean }
  | { kind: 'relatedParty'; relatedParty: boolean }
  | { kind: 'answer'; objectionId: string; decision: ObjectionDecision; reason: string; by: string; at: string }
  | { kind: 'close'; outcome: NoticeOutcome; at: string };

export function boardStatement(deal: DealRow, w: BoardWrite): SQL {
  const open = { dealId: deal.id, status: 'open' as const };
  switch (w.kind) {
    case 'open': {
      const listing = deal.listingCopy as { title?: string; registrationNo?: string | null };
      return insertStatement(publicNotices, {
        id: newId('ntc'),
        dealId: deal.id,
        listingId: deal.listingId,
        listingTitle: String(listing.title ?? ''),
        registrationNo: listing.registrationNo ?? null,
        form: deal.type,
        price: w.price,
        currency: 'CNY',
        sellerOrgId: deal.sellerOrgId,
        buyerOrgId: deal.buyerOrgId,
        relatedParty: w.relatedParty,
        startsAt: w.startsAt,
        endsAt: w.endsAt,
        status: 'open',
      });
    }
    case 'relatedParty':
      return updateStatement(publicNotices, { relatedParty: w.relatedParty }, open);
    case 'answer':
      return updateStatement(
        noticeObjections,
        { decision: w.decision, answerReason: w.reason, answeredBy: w.by, answeredAt: w.at },
        { id: w.objectionId },
      );
    case 'close':
      return updateStatement(publicNotices, { status: 'ended', outcome: w.outcome, endedAt: w.at }, open);
  }
}

export type NoticeRow = typeof publicNotices.$inferSelect;
export type ObjectionRow = typeof noticeObjections.$inferSelect;

export async function noticeRow(db: DbOrTx, id: string): Promise<NoticeRow | null> {
  const [row] = await db.select().from(publicNotices).where(eq(publicNotices.id, id));
  return row ?? null;
}

export async function insertObjection(db: DbOrTx, o: typeof noticeObjections.$inferInsert): Promise<ObjectionRow> {
  const [row] = await db.insert(noticeObjections).values(o).returning();
  return row;
}

/** How many objections this user filed since `since`, and on this notice at all: the board's bounds. */
export async function objectionCounts(db: DbOrTx, objectorId: string, noticeId: string, since: string) {
  const [row] = await db
    .select({
      recent: sql<number>`count(*) filter (where ${noticeObjections.at} >= ${since})`.mapWith(Number),
      here: sql<number>`count(*) filter (where ${noticeObjections.noticeId} = ${noticeId})`.mapWith(Number),
    })
    .from(noticeObjections)
    .where(
      and(
        eq(noticeObjections.objectorId, objectorId),
        or(gte(noticeObjections.at, since), eq(noticeObjections.noticeId, noticeId)),
      ),
    );
  return { recent: row?.recent ?? 0, here: row?.here ?? 0 };
}

const sellerOrg = alias(organizations, 'so');
const buyerOrg = alias(organizations, 'bo');

export interface BoardFilter {
  status?: NoticeStatus;
  q?: string;
  dealId?: string;
  id?: string;
  limit: number;
  cursor?: string;
}

/** One page of notices (and one more), newest first, with the parties' names; searched by result or organization. */
export async function boardRows(db: DbOrTx, f: BoardFilter) {
  const conds: SQL[] = [];
  if (f.id) conds.push(eq(publicNotices.id, f.id));
  if (f.dealId) conds.push(eq(publicNotices.dealId, f.dealId));
  if (f.status) conds.push(eq(publicNotices.status, f.status));
  if (f.cursor) conds.push(lt(publicNotices.id, f.cursor));
  if (f.q) {
    // ILIKE, not full-text search: PostgreSQL does not segment Chinese (STACK.md).
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conds.push(
      or(
        ilike(publicNotices.listingTitle, like),
        ilike(publicNotices.registrationNo, like),
        ilike(sellerOrg.name, like),
        ilike(buyerOrg.name, like),
      )!,
    );
  }
  return db
    .select({ n: publicNotices, sellerName: sellerOrg.name, buyerName: buyerOrg.name })
    .from(publicNotices)
    .innerJoin(sellerOrg, eq(sellerOrg.id, publicNotices.sellerOrgId))
    .innerJoin(buyerOrg, eq(buyerOrg.id, publicNotices.buyerOrgId))
    .where(and(...conds))
    .orderBy(desc(publicNotices.id))
    .limit(f.limit + 1);
}

export async function objectionRows(db: DbOrTx, noticeIds: string[]): Promise<ObjectionRow[]> {
  if (noticeIds.length === 0) return [];
  return db
    .select()
    .from(noticeObjections)
    .where(inArray(noticeObjections.noticeId, noticeIds))
    .orderBy(asc(noticeObjections.at), asc(noticeObjections.id));
}
