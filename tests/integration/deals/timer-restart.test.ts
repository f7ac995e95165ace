import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { timers } from '../../../src/db/schema/index.js';
import { fireDueTimers } from '../../../src/platform/timers.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { LICENSE_TERMS, getDeal, openDeal, sendOk } from '../../helpers/deals.js';
import { adminSession, createListing, registerUser } from '../../helpers/factories.js';

// Apps built in one test file share its database, so a second app on the same database stands for the process
// that starts after the first one stopped: it knows nothing of the first but what the database holds.
const open: TestApp[] = [];
afterAll(async () => {
  for (const app of open) await app.close();
});

describe('deal timers across a restart', () => {
  it('an offer-expiry timer scheduled by one app is fired by the next one, as the system', async () => {
    const before = await buildTestApp();
    open.push(before);
    const [seller, buyer, admin] = await Promise.all([
      registerUser(before, 'seller', 'enterprise'),
      registerUser(before, 'buyer'),
      adminSession(before),
    ]);
    const listing = await createListing(before, seller, {
      publishWith: admin,
      body: { ndaRequired: false, dealTypes: ['license'] },
    });
    const deal = await openDeal(before, buyer, listing.id, 'license');
    await sendOk(before, seller, deal.id, 'ACCEPT_INQUIRY');
    const proposed = await sendOk(before, buyer, deal.id, 'PROPOSE_TERMS', { terms: LICENSE_TERMS });
    const { expiresAt } = proposed.proposals[0];
    const scheduled = await before.ctx.db.select().from(timers).where(eq(timers.subjectId, deal.id));
    expect(scheduled.filter((x) => x.name === 'offerExpiry')).toMatchObject([
      { status: 'pending', dueAt: expiresAt, payload: { type: 'OFFER_EXPIRED', proposalSeq: 1 } },
    ]);

    const after = await buildTestApp();
    open.push(after);
    await before.close();
    open.splice(open.indexOf(before), 1);

    // Just before the expiry nothing fires; just after, the new app's worker expires the proposal.
    after.clock.set(new Date(Date.parse(expiresAt) - 1_000).toISOString());
    await fireDueTimers(after.ctx);
    expect((await getDeal(after, buyer, deal.id)).json().proposals[0].status).toBe('current');
    after.clock.set(new Date(Date.parse(expiresAt) + 1_000).toISOString());
    expect((await fireDueTimers(after.ctx)).fired).toBe(1);

    const expired = (await getDeal(after, buyer, deal.id)).json();
    expect(expired).toMatchObject({ state: 'negotiating', version: 3, currentTerms: null });
    expect(expired.proposals[0]).toMatchObject({ seq: 1, status: 'expired' });
    const history = (
      await after.request({ method: 'GET', url: `/api/deals/${deal.id}/history`, token: seller.accessToken })
    ).json();
    expect(history.map((h: { version: number }) => h.version)).toEqual([0, 1, 2, 3]);
    expect(history.at(-1)).toMatchObject({
      type: 'OFFER_EXPIRED',
      actor: { id: null, role: 'system' },
      from: 'negotiating',
      to: 'negotiating',
      payload: { proposalSeq: 1 },
    });
    const rows = await after.ctx.db.select().from(timers).where(eq(timers.subjectId, deal.id));
    expect(rows.find((x) => x.name === 'offerExpiry')).toMatchObject({ status: 'fired', attempts: 1 });
  });
});
