import { and, eq, lte, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { timers } from '../../../src/db/schema/index.js';
import { chinaDate } from '../../../src/shared/china-time.js';
import { MACHINE_VERSIONS, nextEventsFor, type ActorRole, type DealForm } from '../../../src/deals/machines/index.js';
import { fireDueTimers } from '../../../src/platform/timers.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { PATH_ACTORS, shortestDealPaths, type DealPath, type PathStep } from '../../helpers/deal-paths.js';
import { getDeal, openDeal } from '../../helpers/deals.js';
import { adminSession, createListing, registerUser, type Session } from '../../helpers/factories.js';

// Model-based tests: xstate/graph generates the shortest path from `inquiry` to every distinct state of each
// form's machine, and every path is driven through the HTTP API on a real database, comparing the deal after
// each step with the pure machine. The shortest paths form a tree, so driving only the paths that are not the
// start of a longer one runs every path's every step.
const SETUPS = [
  // A university seller with an NDA listing of a patent: public notice after agreement (Law Art. 18), NDA before
  // negotiation, registration of the assignment and the licence's CNIPA filing after signing.
  {
    name: 'university seller, NDA, patent',
    orgType: 'university',
    input: { ndaRequired: true, publicInstitutionSeller: true, ipType: 'invention_patent' },
  },
  // An enterprise seller of a trade secret without an NDA: straight from agreement to contracting, and the IP
  // passes by accepted delivery of the technical documents.
  {
    name: 'enterprise seller, no NDA, trade secret',
    orgType: 'enterprise',
    input: { ndaRequired: false, publicInstitutionSeller: false, ipType: 'trade_secret' },
  },
] as const;
const FORMS: DealForm[] = ['license', 'transfer', 'equity', 'cooperation'];

const stepKey = (s: PathStep) =>
  JSON.stringify([s.event.type, s.event.actor.role, s.event.index, s.event.appraisedValue]);
function leafPaths(paths: DealPath[]): DealPath[] {
  const keys = paths.map((p) => `${p.steps.map(stepKey).join('|')}|`);
  return paths.filter((_, i) => !keys.some((k, j) => j !== i && k.startsWith(keys[i])));
}
const describePath = (p: DealPath) =>
  `→ ${p.target}: ${p.steps.map((s) => `${s.event.type}(${s.event.actor.role})`).join(', ')}`;

let app: TestApp;
// The path being driven, as its own client: the API allows 600 requests a minute per address, and the paths
// together send several thousand, so each one comes from an address of its own.
let t: TestApp;
let admin: Session, broker: Session, buyer: Session;
const sellers: Record<string, Session> = {};
beforeAll(async () => {
  app = await buildTestApp();
  t = clientAt(app, 0);
  [admin, broker, buyer, sellers.university, sellers.enterprise] = await Promise.all([
    adminSession(t),
    registerUser(t, 'broker'),
    registerUser(t, 'buyer'),
    registerUser(t, 'seller', 'university'),
    registerUser(t, 'seller', 'enterprise'),
  ]);
});
afterAll(async () => {
  await app.close();
});

function clientAt(base: TestApp, n: number): TestApp {
  const remoteAddress = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
  return { ...base, request: (opts) => base.request({ remoteAddress, ...opts }) };
}
let clients = 0;

/** Fires every due timer, however many other deals' timers are due too (fireDueTimers does 50 at a time). */
async function fireAllDue() {
  for (;;) {
    const r = await fireDueTimers(t.ctx);
    if (r.fired + r.obsolete + r.failed < 50) return;
  }
}

/** The objection a path filed, as the board numbered it. */
let filedObjection: string | null = null;

/**
 * A system event: the timer that carries it comes due, (PAYMENT_RECEIVED) the buyer's invoice is paid, or
 * (OBJECTION_FILED) someone signed in objects on the public notice board.
 */
async function systemStep(dealId: string, event: PathStep['event'], seller: Session) {
  if (event.type === 'OBJECTION_FILED') {
    const board = (await t.request({ method: 'GET', url: '/api/notices?status=open&limit=100' })).json();
    const notice = board.items.find((n: { dealId: string }) => n.dealId === dealId);
    expect(notice, 'the deal is on the notice board').toBeDefined();
    const filed = await t.request({
      method: 'POST',
      url: `/api/notices/${notice.id}/objections`,
      // Someone from outside the deal, one per path: objections are bounded per account.
      token: (await registerUser(t, 'buyer')).accessToken,
      payload: { reason: event.reason },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    filedObjection = filed.json().id;
    return;
  }
  if (event.type === 'PAYMENT_RECEIVED') {
    const invoices = (
      await t.request({ method: 'GET', url: `/api/invoices?dealId=${dealId}`, token: seller.accessToken })
    ).json().items;
    const invoice = invoices.find((i: { ref: string }) => i.ref === `instalment:${event.index}`);
    expect(invoice, `instalment ${event.index} invoice`).toBeDefined();
    const paid = await t.request({
      method: 'POST',
      url: `/api/invoices/${invoice.id}/payments`,
      token: seller.accessToken,
      payload: { amount: invoice.total, reference: `BANK-${invoice.number}`, paidAt: t.clock.now().toISOString() },
    });
    expect(paid.statusCode, paid.body).toBe(200);
    return;
  }
  const pending = await t.ctx.db
    .select()
    .from(timers)
    .where(and(eq(timers.subjectId, dealId), eq(timers.status, 'pending')));
  const timer = pending.find((row) => {
    const p = row.payload as { type?: string; proposalSeq?: number };
    return p.type === event.type && (event.type !== 'OFFER_EXPIRED' || p.proposalSeq === event.proposalSeq);
  });
  expect(timer, `a pending timer for ${event.type}`).toBeDefined();
  // The path is one event: the deal's other timers due before this one (a licence's royalty and filing reminders
  // before its term ends) are not part of it, so they move past it rather than fire on the way.
  await t.ctx.db
    .update(timers)
    .set({ dueAt: '2100-01-01T00:00:00.000Z' })
    .where(
      and(
        eq(timers.subjectId, dealId),
        eq(timers.status, 'pending'),
        ne(timers.id, timer!.id),
        lte(timers.dueAt, timer!.dueAt),
      ),
    );
  if (Date.parse(timer!.dueAt) > t.clock.now().getTime()) t.clock.set(timer!.dueAt);
  await fireAllDue();
}

/** The API payload of a path event: the real broker's id, and official dates as of the API's clock. */
function apiPayload(event: PathStep['event']): Record<string, unknown> {
  const { type: _type, actor: _actor, at: _at, ...payload } = event;
  const today = chinaDate(t.clock.now().toISOString());
  return {
    ...payload,
    ...('brokerId' in payload ? { brokerId: broker.user.id } : {}),
    ...('filedAt' in payload ? { filedAt: today } : {}),
    ...('registeredAt' in payload ? { registeredAt: today } : {}),
    ...('registeredOn' in payload ? { registeredOn: today } : {}),
    ...('decidedOn' in payload ? { decidedOn: today } : {}),
    ...('objectionId' in payload ? { objectionId: filedObjection } : {}),
  };
}

async function expectNextEvents(
  form: DealForm,
  dealId: string,
  role: Exclude<ActorRole, 'system'>,
  session: Session,
  step: PathStep,
  where: string,
) {
  const res = await getDeal(t, session, dealId);
  expect(res.statusCode, `${where}: GET as ${role}`).toBe(200);
  expect(res.json().nextEvents, `${where}: nextEvents for ${role}`).toEqual(
    nextEventsFor(form, MACHINE_VERSIONS[form], step.persisted, PATH_ACTORS[role]),
  );
  return res.json();
}

async function drive(form: DealForm, setup: (typeof SETUPS)[number], path: DealPath) {
  t = clientAt(app, ++clients);
  const seller = sellers[setup.orgType];
  const listing = await createListing(t, seller, {
    publishWith: admin,
    body: {
      ndaRequired: setup.input.ndaRequired,
      dealTypes: [form],
      ipType: setup.input.ipType,
      ...(setup.input.ipType === 'trade_secret' ? { ipNumbers: [] } : {}),
    },
  });
  const deal = await openDeal(t, buyer, listing.id, form);
  const sessions: Record<Exclude<ActorRole, 'system'>, Session> = { buyer, seller, admin, broker };
  let brokerAssigned = false;
  for (const [i, step] of path.steps.entries()) {
    const { event } = step;
    const where = `step ${i + 1} ${event.type} by ${event.actor.role}`;
    if (event.actor.role === 'system') await systemStep(deal.id, event, seller);
    else {
      // At the version this path expects: a step that bumped the version twice would show here as a conflict.
      const res = await t.request({
        method: 'POST',
        url: `/api/deals/${deal.id}/events`,
        token: sessions[event.actor.role].accessToken,
        payload: { type: event.type, expectedVersion: i, ...apiPayload(event) },
      });
      expect(res.statusCode, `${where}: ${res.body}`).toBe(200);
    }
    if (event.type === 'ASSIGN_BROKER') brokerAssigned = true;

    const role = event.actor.role === 'system' ? 'buyer' : event.actor.role;
    const view = await expectNextEvents(form, deal.id, role, sessions[role], step, where);
    expect(view.state, where).toBe(step.state);
    expect(view.version, where).toBe(i + 1);
    const history = (
      await t.request({ method: 'GET', url: `/api/deals/${deal.id}/history`, token: admin.accessToken })
    ).json();
    expect(
      history.map((h: { version: number }) => h.version),
      where,
    ).toEqual(Array.from({ length: i + 2 }, (_, v) => v));
    expect(history.at(-1), where).toMatchObject({
      type: event.type,
      actor: { role: event.actor.role },
      to: step.state,
    });
  }
  // At the end of the path every party sees what the machine says it may send.
  const last = path.steps.at(-1)!;
  for (const role of ['buyer', 'seller', 'admin', ...(brokerAssigned ? ['broker' as const] : [])] as const) {
    await expectNextEvents(form, deal.id, role, sessions[role], last, `end of path, ${role}`);
  }
}

for (const form of FORMS) {
  describe.each(SETUPS)(`${form} deal paths, $name`, (setup) => {
    const paths = leafPaths(shortestDealPaths(form, setup.input));
    it('cover every state the machine can reach', () => {
      const targets = new Set(paths.flatMap((p) => p.steps.map((s) => s.state)));
      expect(targets).toContain('completed');
      expect(targets.has('publicNotice')).toBe(setup.input.publicInstitutionSeller);
      expect(targets.has('nda')).toBe(setup.input.ndaRequired);
    });
    it.each(paths.map((p) => [describePath(p), p] as const))('%s', async (_name, path) => {
      await drive(form, setup, path);
    });
  });
}
