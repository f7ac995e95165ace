import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { timers } from '../../../src/db/schema/platform.js';
import { ensureReportSchedule } from '../../../src/reports/schedule.js';
import { relayOutbox } from '../../../src/platform/outbox.js';
import { fireDueTimers } from '../../../src/platform/timers.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import type { Session } from '../../helpers/factories.js';
import { buildDataset, type Dataset } from './dataset.js';

let t: TestApp;
let d: Dataset;
beforeAll(async () => {
  t = await buildTestApp();
  d = await buildDataset(t);
});
afterAll(async () => {
  await t.close();
});

const H1 = 'year=2026&half=1';
const call = (s: Session | null, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
  t.request({
    method,
    url,
    ...(s ? { token: s.accessToken } : {}),
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
const ok = async (s: Session | null, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) => {
  const res = await call(s, method, url, payload);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
// Delivers every queued notification (the relay takes a batch at a time).
async function drainOutbox() {
  for (;;) {
    const { delivered, failed } = await relayOutbox(t.ctx);
    if (delivered + failed === 0) return;
  }
}
const reportTimers = () =>
  t.ctx.db
    .select()
    .from(timers)
    .where(and(eq(timers.subject, 'reports'), eq(timers.status, 'pending')));
const form = (opened: number, signed: number, contractValue: number) => ({ opened, signed, contractValue });
const byForm = (license: object, transfer: object, equity: object, cooperation: object) => [
  { form: 'license', ...license },
  { form: 'transfer', ...transfer },
  { form: 'equity', ...equity },
  { form: 'cooperation', ...cooperation },
];
const none = form(0, 0, 0);

// Seller A's and buyer B1's half year, by hand from the dataset (see dataset.ts).
const NO_REWARDS = { owed: { count: 0, amount: 0 }, paid: { count: 0, amount: 0 } };
const SELLER_A = {
  currency: 'CNY',
  listings: { registered: 3, published: 2 },
  deals: {
    byForm: byForm(form(2, 1, 20_000_000), form(2, 1, 10_000_000), form(1, 1, 5_000_000), form(1, 1, 3_000_000)),
    byState: [
      { form: 'license', state: 'active', count: 1 },
      { form: 'license', state: 'declined', count: 1 },
      // D6 sat idle for 90 days: the worker expired it (when it ran on 30 June), before the half year ended.
      { form: 'transfer', state: 'expired', count: 1 },
      { form: 'transfer', state: 'payment', count: 1 },
      { form: 'equity', state: 'ipAssignment', count: 1 },
      { form: 'cooperation', state: 'inProgress', count: 1 },
    ],
  },
  contractValue: 38_000_000,
  // 6% VAT on every invoice: each was issued before its contract was registered (财税〔2016〕36号).
  income: { invoiced: 31_800_000, paid: 24_800_000 },
  contractsRegistered: { count: 4, value: 38_000_000, certifiedIncome: 27_000_000 },
  vouchersRedeemed: { count: 0, amount: 0 },
  // An enterprise seller owes no inventor reward under Law Arts. 44–45 (the university's are tested in rewards/).
  inventorRewards: NO_REWARDS,
};
const B1 = {
  currency: 'CNY',
  listings: { registered: 0, published: 0 },
  deals: {
    byForm: byForm(form(1, 1, 20_000_000), form(1, 1, 10_000_000), none, none),
    byState: [
      { form: 'license', state: 'active', count: 1 },
      { form: 'transfer', state: 'payment', count: 1 },
    ],
  },
  contractValue: 30_000_000,
  income: { invoiced: 0, paid: 0 },
  contractsRegistered: { count: 2, value: 30_000_000, certifiedIncome: 19_000_000 },
  vouchersRedeemed: { count: 2, amount: 900_000 },
  inventorRewards: NO_REWARDS,
};

describe('generation by the half-year timer', () => {
  it('is scheduled once, at 1 July 00:00 China time, and generates the drafts when it fires', async () => {
    await ensureReportSchedule(t.ctx);
    await ensureReportSchedule(t.ctx);
    const [pending, ...more] = await reportTimers();
    expect(more).toEqual([]);
    expect(pending).toMatchObject({ name: 'halfYear', subjectId: '2026H1', dueAt: '2026-06-30T16:00:00.000Z' });

    t.clock.set('2026-06-30T15:59:59Z');
    await fireDueTimers(t.ctx);
    expect((await call(d.b1, 'GET', `/api/reports/half-year/mine?${H1}`)).statusCode).toBe(404);

    t.clock.set('2026-07-01T01:00:00Z');
    await fireDueTimers(t.ctx);
    const next = await reportTimers();
    expect(next.map((x) => [x.subjectId, x.dueAt])).toEqual([['2026H2', '2026-12-31T16:00:00.000Z']]);
  });

  it("drafts each organization's figures from platform data", async () => {
    const a = await ok(d.sellerA, 'GET', `/api/reports/half-year/mine?${H1}`);
    expect(a).toMatchObject({
      status: 'draft',
      narrative: '',
      year: 2026,
      half: 1,
      periodStart: '2025-12-31T16:00:00.000Z',
      periodEnd: '2026-06-30T16:00:00.000Z',
    });
    expect(a.organization.id).toBe(d.sellerA.user.organization.id);
    expect(a.figures).toEqual(SELLER_A);
    expect((await ok(d.b1, 'GET', `/api/reports/half-year/mine?${H1}`)).figures).toEqual(B1);
    const u = await ok(d.university, 'GET', `/api/reports/half-year/mine?${H1}`);
    expect(u.figures.listings).toEqual({ registered: 1, published: 1 });
    expect(u.figures.contractValue).toBe(0);
  });

  it('every university, institute and enterprise gets one, idle or not; not agencies without activity, nor the bureau', async () => {
    const inst = await ok(d.institute, 'GET', `/api/reports/half-year/mine?${H1}`);
    expect(inst.figures.listings).toEqual({ registered: 0, published: 0 });
    expect((await call(d.broker, 'GET', `/api/reports/half-year/mine?${H1}`)).statusCode).toBe(404);
    expect((await call(d.admin, 'GET', `/api/reports/half-year/mine?${H1}`)).statusCode).toBe(404);
    const status = await ok(d.admin, 'GET', `/api/reports/half-year/status?${H1}`);
    expect(status.counts).toEqual({ organizations: 5, submitted: 0, draft: 5 });
  });

  it('tells each organization its draft is ready', async () => {
    await drainOutbox();
    const items = (await ok(d.institute, 'GET', '/api/notifications')).items;
    expect(items.filter((n: { kind: string }) => n.kind === 'report.halfYear.draft')).toHaveLength(1);
  });
});

describe('narrative and submission', () => {
  it('a member writes the narrative while it is a draft and submits it; then it cannot change', async () => {
    const url = `/api/reports/half-year/mine?${H1}`;
    const empty = await call(d.b1, 'POST', `/api/reports/half-year/mine/submit?${H1}`);
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0].path).toBe('narrative');

    const narrative = '上半年引进滴灌技术两项，签订技术合同两份，均已认定登记。';
    expect((await ok(d.b1, 'PATCH', url, { narrative })).narrative).toBe(narrative);
    t.clock.advance(60_000);
    const submitted = await ok(d.b1, 'POST', `/api/reports/half-year/mine/submit?${H1}`);
    expect(submitted).toMatchObject({
      status: 'submitted',
      narrative,
      submittedAt: t.clock.now().toISOString(),
      submittedBy: { id: d.b1.user.id },
    });

    expect((await call(d.b1, 'PATCH', url, { narrative: '改' })).statusCode).toBe(409);
    expect((await call(d.b1, 'POST', `/api/reports/half-year/mine/submit?${H1}`)).statusCode).toBe(409);
    expect((await call(d.b1, 'PATCH', url, { narrative: 'x'.repeat(20_001) })).statusCode).toBe(400);
    expect((await call(null, 'GET', url)).statusCode).toBe(401);
  });
});

describe('generation on demand', () => {
  it('refuses a half year that has not ended', async () => {
    const res = await call(d.admin, 'POST', '/api/reports/half-year/generate', { year: 2026, half: 2 });
    expect(res.statusCode).toBe(409);
  });

  it("refreshes the drafts' figures and leaves submitted reports as they were", async () => {
    // Voiding the second instalment releases 5,000.00 of B1's voucher and takes 60,000.00 off A's invoicing.
    const voided = await call(d.admin, 'POST', `/api/invoices/${d.secondInstalmentId}/void`, {
      reason: '合同变更，重新开具',
    });
    expect(voided.statusCode, voided.body).toBe(200);
    const before = await ok(d.b1, 'GET', `/api/reports/half-year/mine?${H1}`);
    t.clock.advance(60_000);
    const result = await ok(d.admin, 'POST', '/api/reports/half-year/generate', { year: 2026, half: 1 });
    expect(result).toEqual({ year: 2026, half: 1, created: 0, refreshed: 4, submitted: 1 });

    const a = await ok(d.sellerA, 'GET', `/api/reports/half-year/mine?${H1}`);
    expect(a.figures.income).toEqual({ invoiced: 25_440_000, paid: 24_800_000 });
    expect(a.generatedAt).toBe(t.clock.now().toISOString());
    expect(await ok(d.b1, 'GET', `/api/reports/half-year/mine?${H1}`)).toEqual(before);
    expect(before.figures.vouchersRedeemed).toEqual({ count: 2, amount: 900_000 });
  });
});

describe("the bureau's oversight", () => {
  it('status: who has and has not submitted', async () => {
    const status = await ok(d.admin, 'GET', `/api/reports/half-year/status?${H1}`);
    expect(status.counts).toEqual({ organizations: 5, submitted: 1, draft: 4 });
    const b1 = status.items.find(
      (i: { organization: { id: string } }) => i.organization.id === d.b1.user.organization.id,
    );
    expect(b1).toMatchObject({ status: 'submitted', submittedAt: expect.any(String) });
    expect(
      status.items
        .slice(0, 4)
        .every((i: { status: string; submittedAt: null }) => i.status === 'draft' && i.submittedAt === null),
    ).toBe(true);
  });

  it('reminders go to organizations with drafts only, once a day', async () => {
    const remind = () => ok(d.admin, 'POST', '/api/reports/half-year/remind', { year: 2026, half: 1 });
    const first = await remind();
    expect(first.reminded).toBe(4);
    expect(first.organizationIds).not.toContain(d.b1.user.organization.id);
    expect(first.organizationIds).toContain(d.sellerA.user.organization.id);
    await remind();
    await drainOutbox();
    const reminders = async (s: Session) =>
      (await ok(s, 'GET', '/api/notifications')).items.filter(
        (n: { kind: string }) => n.kind === 'report.halfYear.reminder',
      );
    expect(await reminders(d.sellerA)).toHaveLength(1);
    expect(await reminders(d.b1)).toHaveLength(0);
    t.clock.advanceDays(1);
    await remind();
    await drainOutbox();
    expect(await reminders(d.sellerA)).toHaveLength(2);
  });

  it('non-admins get 403, the anonymous 401', async () => {
    const routes: [string, string, unknown?][] = [
      ['GET', `/api/reports/half-year?${H1}`],
      ['GET', `/api/reports/half-year?${H1}&format=pdf`],
      ['GET', `/api/reports/half-year/status?${H1}`],
      ['POST', '/api/reports/half-year/remind', { year: 2026, half: 1 }],
      ['POST', '/api/reports/half-year/generate', { year: 2026, half: 1 }],
    ];
    for (const [method, url, body] of routes) {
      expect((await call(null, method as 'GET', url, body)).statusCode, `${method} ${url}`).toBe(401);
      for (const s of [d.sellerA, d.b1, d.broker])
        expect((await call(s, method as 'GET', url, body)).statusCode, `${method} ${url}`).toBe(403);
    }
  });
});
