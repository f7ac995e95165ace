import { and, desc, eq, inArray, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { users } from '../db/schema/accounts.js';
import { notifications } from '../db/schema/listings.js';
import type { AppContext } from '../platform/context.js';
import type { DbOrTx } from '../platform/db.js';
import { notFound } from '../platform/errors.js';
import { pageOf } from '../platform/http.js';
import { newId } from '../platform/ids.js';
import { enqueueStatement } from '../platform/outbox.js';
import { runStatement } from '../platform/statements.js';
import { mailStatement } from '../mail/deliver.js';
import { mailCategory } from '../mail/templates.js';
import type { NotificationDataValue, NotificationKind } from './schemas.js';

export interface NotificationInput {
  kind: NotificationKind;
  title: string;
  titleEn: string;
  body?: string;
  link?: string;
  data?: NotificationDataValue;
  /** Same key → delivered once per user, however often the outbox retries. */
  dedupeKey: string;
}
export type Audience = { userIds: string[] } | { organizationId: string };

/** In-app notifications to queue, as a statement to run with others in the caller's transaction. */
export function notifyStatement(to: Audience, n: NotificationInput): SQL {
  return enqueueStatement('notification', { to, ...n });
}

/** Queues in-app notifications in the caller's transaction; delivered after commit by the outbox relay. */
export async function notify(tx: DbOrTx, to: Audience, n: NotificationInput) {
  await runStatement(tx, notifyStatement(to, n));
}

export async function deliverNotification(ctx: AppContext, payload: { to: Audience } & NotificationInput) {
  const { to, kind, title, titleEn, body, link, data, dedupeKey } = payload;
  const userIds =
    'userIds' in to
      ? to.userIds
      : (
          await ctx.db
            .select({ id: users.id })
            .from(users)
            .where(and(eq(users.organizationId, to.organizationId), eq(users.disabled, false)))
        ).map((u) => u.id);
  if (userIds.length === 0) return;
  // The notices that need someone to act are mailed too, once per user: only the rows this delivery inserted
  // (a retried delivery inserts none) queue a mail, in the same transaction.
  const category = mailCategory(kind);
  await ctx.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(notifications)
      .values(
        userIds.map((userId) => ({
          id: newId('ntf'),
          userId,
          kind,
          title,
          body: body ?? '',
          link: link ?? null,
          data: { ...(data ?? {}), titleEn },
          dedupeKey,
        })),
      )
      .onConflictDoNothing()
      .returning({ userId: notifications.userId });
    if (!category) return;
    for (const { userId } of inserted)
      await runStatement(tx, mailStatement({ kind: 'notice', userId, category, title, titleEn, link: link ?? null }));
  });
}

export async function listNotifications(
  db: DbOrTx,
  userId: string,
  q: { limit: number; cursor?: string; unread?: boolean },
) {
  const conds = [eq(notifications.userId, userId)];
  if (q.cursor) conds.push(lt(notifications.id, q.cursor));
  if (q.unread) conds.push(isNull(notifications.readAt));
  const rows = await db
    .select()
    .from(notifications)
    .where(and(...conds))
    .orderBy(desc(notifications.id))
    .limit(q.limit + 1);
  const [{ n }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  const page = pageOf(
    rows.map((r) => ({
      id: r.id,
      kind: r.kind as NotificationKind,
      title: r.title,
      titleEn: String((r.data as { titleEn?: string }).titleEn ?? r.title),
      body: r.body,
      link: r.link,
      data: r.data as NotificationDataValue,
      readAt: r.readAt,
      createdAt: r.createdAt,
    })),
    q.limit,
  );
  return { ...page, unread: Number(n) };
}

export async function markRead(db: DbOrTx, userId: string, ids: string[] | 'all', now: Date) {
  const conds = [eq(notifications.userId, userId), isNull(notifications.readAt)];
  if (ids !== 'all') conds.push(inArray(notifications.id, ids));
  const rows = await db
    .update(notifications)
    .set({ readAt: now.toISOString() })
    .where(and(...conds))
    .returning({ id: notifications.id });
  if (ids !== 'all' && ids.length === 1 && rows.length === 0) {
    const [exists] = await db
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(eq(notifications.id, ids[0]), eq(notifications.userId, userId)));
    if (!exists) throw notFound('Notification');
  }
  return rows.length;
}
