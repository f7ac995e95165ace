import { eq } from 'drizzle-orm';
import { invitations, organizations, users } from '../db/schema/accounts.js';
import type { OptionalMail } from '../shared/accounts.js';
import type { AppContext } from '../platform/context.js';
import type { DbOrTx } from '../platform/db.js';
import { openSecret, sealSecret, sendMail } from '../platform/mail.js';
import { enqueue, enqueueStatement } from '../platform/outbox.js';
import { renderMail } from './templates.js';

export const MAIL_TOPIC = 'mail';

export type MailJob =
  | { kind: 'invitation'; invitationId: string; sealed: string }
  | { kind: 'notice'; userId: string; category: OptionalMail; title: string; titleEn: string; link: string | null };

/** Queues a mail in the caller's transaction; the outbox sends it after commit and retries until it goes. */
export async function queueMail(ctx: AppContext, tx: DbOrTx, job: MailJob) {
  await enqueue(tx, MAIL_TOPIC, job);
}

/** The same, as a statement to run with others in the caller's transaction. */
export const mailStatement = (job: MailJob) => enqueueStatement(MAIL_TOPIC, job);

/** Seals a token for the outbox (platform/mail.ts says why). */
export const sealToken = (ctx: AppContext, token: string) => sealSecret(ctx.config.JWT_SECRET, token);

export const invitationPath = (token: string) => `/invitations/accept?token=${encodeURIComponent(token)}`;
export const resetPath = (token: string) => `/password-reset/confirm?token=${encodeURIComponent(token)}`;

/**
 * The outbox handler of topic `mail`. Each job is re-checked when it is sent: an invitation revoked or accepted,
 * a user who turned that mail off or was removed, gets nothing. A failure to
 * send throws, so the relay retries it with backoff.
 */
export async function deliverMail(ctx: AppContext, job: MailJob): Promise<void> {
  const now = ctx.clock.now();
  const { config } = ctx;
  if (job.kind === 'invitation') {
    const [row] = await ctx.db
      .select({ inv: invitations, orgName: organizations.name, orgType: organizations.type, inviter: users.name })
      .from(invitations)
      .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
      .innerJoin(users, eq(users.id, invitations.invitedBy))
      .where(eq(invitations.id, job.invitationId));
    if (!row || row.inv.acceptedAt || row.inv.revokedAt || new Date(row.inv.expiresAt) <= now) return;
    const t = {
      template: 'invitation' as const,
      organizationName: row.orgName,
      organizationType: row.orgType,
      inviterName: row.inviter,
      role: row.inv.role,
      expiresAt: row.inv.expiresAt,
      path: invitationPath(openSecret(config.JWT_SECRET, job.sealed)),
    };
    // The invitee has no account yet, so no known language: the mail says it in both.
    const zh = renderMail(row.inv.email, 'zh-CN', config.APP_URL, t);
    const en = renderMail(row.inv.email, 'en', config.APP_URL, t);
    await sendMail(config, {
      to: row.inv.email,
      subject: `${zh.subject} / ${en.subject}`,
      text: `${zh.text}\n\n${en.text}`,
    });
    return;
  }
  const [user] = await ctx.db.select().from(users).where(eq(users.id, job.userId));
  if (!user || user.disabled) return;
  if (user.mailOff.includes(job.category)) return;
  const notice = {
    template: 'notice' as const,
    name: user.name,
    title: job.title,
    titleEn: job.titleEn,
    path: job.link,
  };
  await sendMail(config, renderMail(user.email, user.locale, config.APP_URL, notice));
}
