import { eq } from 'drizzle-orm';
import { users } from '../db/schema/accounts.js';
import type { AppContext } from '../platform/context.js';
import { notFound } from '../platform/errors.js';
import { OPTIONAL_MAIL, type Locale, type OptionalMail } from '../shared/accounts.js';

// A user's mail settings: the language mail is written in, and which optional mail they receive.

const view = (u: { locale: Locale; mailOff: OptionalMail[] }) => ({
  locale: u.locale,
  optional: Object.fromEntries(OPTIONAL_MAIL.map((k) => [k, !u.mailOff.includes(k)])) as Record<OptionalMail, boolean>,
});

export async function getMailPreferences(ctx: AppContext, userId: string) {
  const [u] = await ctx.db.select().from(users).where(eq(users.id, userId));
  if (!u) throw notFound('User');
  return view(u);
}

export async function updateMailPreferences(
  ctx: AppContext,
  userId: string,
  patch: { locale?: Locale; optional?: Partial<Record<string, boolean>> },
) {
  const current = await getMailPreferences(ctx, userId);
  const optional = { ...current.optional, ...patch.optional };
  const mailOff = OPTIONAL_MAIL.filter((k) => optional[k] === false);
  const [u] = await ctx.db
    .update(users)
    .set({ locale: patch.locale ?? current.locale, mailOff, updatedAt: ctx.clock.now().toISOString() })
    .where(eq(users.id, userId))
    .returning();
  return view(u);
}
