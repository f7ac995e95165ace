import { eq } from 'drizzle-orm';
import { createAccount } from '../accounts/service.js';
import { counters } from '../db/schema/platform.js';
import type { AppContext } from '../platform/context.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccountKey, type DemoUsers } from './accounts.js';
import { seedContent } from './content.js';
import { seedDeals } from './deals.js';
import { seedListings } from './listings.js';

const SEED_MARK = 'seed:demo';

export type SeedStep = (ctx: AppContext, users: DemoUsers) => Promise<void>;
// Each feature's demo data, in order; each step goes through the feature's services.
const steps: SeedStep[] = [
  async (ctx, users) => { await seedListings(ctx, users); },
  seedDeals,
  seedContent,
];

/** Seeds a fresh database with the demo data; does nothing on a database that was seeded before. */
export async function seedDemoIfEmpty(ctx: AppContext): Promise<boolean> {
  const users = {} as DemoUsers;
  // The mark is claimed with the accounts, in one transaction: of several processes starting together on a new
  // database, exactly one seeds (the others' claim finds the row and they skip).
  const claimed = await ctx.db.transaction(async (tx) => {
    const [claim] = await tx.insert(counters).values({ name: SEED_MARK, value: 0 }).onConflictDoNothing().returning();
    if (!claim) return false;
    for (const [key, account] of Object.entries(DEMO_ACCOUNTS) as [DemoAccountKey, (typeof DEMO_ACCOUNTS)[DemoAccountKey]][]) {
      users[key] = await createAccount(ctx, tx, { ...account, password: DEMO_PASSWORD }, { allowAdmin: account.role === 'admin' });
    }
    return true;
  });
  if (!claimed) return false;
  for (const step of steps) await step(ctx, users);
  await ctx.db.update(counters).set({ value: 1 }).where(eq(counters.name, SEED_MARK));
  ctx.log.info(`demo data seeded: ${Object.keys(users).length} accounts (password ${DEMO_PASSWORD})`);
  return true;
}
