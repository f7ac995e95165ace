import { eq, sql } from 'drizzle-orm';
import { BUREAU, createAccount, findUserView, normalizeEmail, type UserView } from '../accounts/service.js';
import { organizations, users as usersTable } from '../db/schema/accounts.js';
import { counters } from '../db/schema/platform.js';
import type { Tx } from '../platform/db.js';
import type { AppContext } from '../platform/context.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccountKey, type DemoUsers } from './accounts.js';
import { seedBilling, seedPaymentAdvice } from './billing.js';
import { seedContent } from './content.js';
import { seedDeals } from './deals.js';
import { seedListings } from './listings.js';
import { seedOfferings } from './offerings.js';
import { seedTeams } from './teams.js';

const SEED_MARK = 'seed:demo';

export type SeedStep = (ctx: AppContext, users: DemoUsers) => Promise<void>;
// Each feature's demo data, in order; each step goes through the feature's services.
const steps: SeedStep[] = [
  seedBilling,
  async (ctx, users) => {
    await seedListings(ctx, users);
  },
  seedDeals,
  seedOfferings,
  seedPaymentAdvice,
  seedContent,
  seedTeams,
];

type DemoAccount = (typeof DEMO_ACCOUNTS)[DemoAccountKey];

/**
 * One demo account. The bureau is the one organization the admin bootstrap (ADMIN_EMAIL/ADMIN_PASSWORD, run
 * before the seed) may already have created: the demo admin joins it rather than registering it a second time
 * (which createAccount refuses, as it would for anyone). An account whose email is already taken (an operator
 * who configured ADMIN_EMAIL=admin@bureau.demo) is kept as it is, password included.
 */
async function demoAccount(ctx: AppContext, tx: Tx, account: DemoAccount): Promise<UserView> {
  const [taken] = await tx
    .select({ id: usersTable.id })
    .from(usersTable)
    .where(eq(usersTable.email, normalizeEmail(account.email)));
  if (taken) return (await findUserView(tx, taken.id))!;
  let existingOrganizationId: string | undefined;
  if (account.organization === BUREAU) {
    const [bureau] = await tx
      .select({ id: organizations.id })
      .from(organizations)
      .where(sql`lower(${organizations.name}) = lower(${BUREAU.name})`);
    existingOrganizationId = bureau?.id;
  }
  return createAccount(
    ctx,
    tx,
    { ...account, password: DEMO_PASSWORD },
    { allowAdmin: account.role === 'admin', existingOrganizationId },
  );
}

/** Seeds a fresh database with the demo data; does nothing on a database that was seeded before. */
export async function seedDemoIfEmpty(ctx: AppContext): Promise<boolean> {
  const users = {} as DemoUsers;
  // The mark is claimed with the accounts, in one transaction: of several processes starting together on a new
  // database, exactly one seeds (the others' claim finds the row and they skip).
  const claimed = await ctx.db.transaction(async (tx) => {
    const [claim] = await tx.insert(counters).values({ name: SEED_MARK, value: 0 }).onConflictDoNothing().returning();
    if (!claim) return false;
    for (const [key, account] of Object.entries(DEMO_ACCOUNTS) as [
      DemoAccountKey,
      (typeof DEMO_ACCOUNTS)[DemoAccountKey],
    ][]) {
      users[key] = await demoAccount(ctx, tx, account);
    }
    return true;
  });
  if (!claimed) return false;
  for (const step of steps) await step(ctx, users);
  await ctx.db.update(counters).set({ value: 1 }).where(eq(counters.name, SEED_MARK));
  ctx.log.info(`demo data seeded: ${Object.keys(users).length} accounts (password ${DEMO_PASSWORD})`);
  return true;
}
