import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planDealEvent, runPlan } from '../../../src/deals/engine.js';
import { historyRows, readDealWithNames } from '../../../src/deals/store/index.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { openDeal } from '../../helpers/deals.js';
import { adminSession, createListing, registerUser, type Session } from '../../helpers/factories.js';

let t: TestApp;
let seller: Session, buyer: Session, admin: Session;
beforeAll(async () => {
  t = await buildTestApp();
  [seller, buyer, admin] = await Promise.all([
    registerUser(t, 'seller', 'enterprise'),
    registerUser(t, 'buyer'),
    adminSession(t),
  ]);
});
afterAll(async () => {
  await t.close();
});

describe('the engine runs a plan through the store', () => {
  it('answers a lost race as an outcome, with the version that won, and writes nothing for it', async () => {
    const listing = await createListing(t, seller, {
      publishWith: admin,
      body: { ndaRequired: false, dealTypes: ['license'] },
    });
    const opened = await openDeal(t, buyer, listing.id);
    const { deal } = (await readDealWithNames(t.ctx.db, opened.id))!;
    const actor = { userId: seller.user.id, role: 'seller' as const };
    const plan = planDealEvent(t.ctx, deal, actor, { type: 'ACCEPT_INQUIRY' });
    const again = planDealEvent(t.ctx, deal, actor, { type: 'ACCEPT_INQUIRY' });
    expect(await runPlan(t.ctx, t.ctx.db, plan)).toEqual({ kind: 'written', deal: plan.updated });
    expect(await runPlan(t.ctx, t.ctx.db, again)).toEqual({ kind: 'lost', version: 1, expected: 0 });
    expect((await historyRows(t.ctx.db, deal.id)).map((h) => [h.version, h.type])).toEqual([
      [0, 'OPEN'],
      [1, 'ACCEPT_INQUIRY'],
    ]);
    expect((await readDealWithNames(t.ctx.db, deal.id))!.deal).toMatchObject({ version: 1, state: plan.updated.state });
  });
});
