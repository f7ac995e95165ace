import type { Session } from '../../../helpers/factories.js';
import { until } from '../../../helpers/processes.js';
import { type Api, login, publishListing, register } from './api.js';
import { COUNTER_TERMS, inspect, openDeal, send, sendOk, TERMS } from './deals.js';

// One deal workload, run the same way against one API process or several: `n` licence deals in parallel, each
// step sent to an API process in turn, with duplicate events racing through two processes at once. It returns
// what a single-process run and a scaled-out run must agree on, with every id and timestamp left out.

export interface Outcome {
  deals: Array<{ state: string; version: number; history: string[]; invoices: string[] }>;
  races: string[];
  invoiceSerials: number[];
  timers: Record<string, number>;
  overdueMarksPerInvoice: number[];
  duplicateNotifications: number;
  undeliveredNotifications: number;
}

export const ADMIN = { email: 'ops@bureau.example', password: 'bureau-password-42' };

/** Sends the same event through two API processes at the same version: exactly one may be accepted. */
async function race(
  a: Api,
  b: Api,
  s: Session,
  dealId: string,
  type: string,
  payload: Record<string, unknown> = {},
): Promise<string> {
  const { version } = await a.ok('GET', `/api/deals/${dealId}`, { token: s.accessToken });
  const answers = await Promise.all([
    send(a, s, dealId, type, payload, version),
    send(b, s, dealId, type, payload, version),
  ]);
  return `${type}:${answers
    .map((r) => (r.status === 409 ? `409 ${r.body.code}` : String(r.status)))
    .sort()
    .join(',')}`;
}

export async function runDealWorkload(apis: Api[], databaseUrl: string, n: number): Promise<Outcome> {
  const at = (i: number) => apis[i % apis.length];
  const facts = inspect(databaseUrl);
  try {
    const [seller, buyer, broker, admin] = await Promise.all([
      register(apis[0], 'seller', 'enterprise'),
      register(at(1), 'buyer'),
      register(apis[0], 'broker'),
      login(at(1), ADMIN.email, ADMIN.password),
    ]);
    const listings = await Promise.all(
      Array.from({ length: n }, (_, i) => publishListing(at(i), seller, { ndaRequired: false })),
    );
    const races: string[][] = listings.map(() => []);

    const deals = await Promise.all(
      listings.map(async (l, i) => {
        const deal = await openDeal(at(i), buyer, l.id);
        await sendOk(at(i + 1), admin, deal.id, 'ASSIGN_BROKER', { brokerId: broker.user.id, commissionRateBp: 500 });
        await sendOk(at(i), seller, deal.id, 'ACCEPT_INQUIRY');
        await sendOk(at(i + 1), buyer, deal.id, 'PROPOSE_TERMS', { terms: TERMS });
        return deal.id as string;
      }),
    );
    // Fourteen days pass for the first proposals: the workers expire them through the engine.
    await facts.makeDue('offerExpiry', deals);
    await until(
      'every first proposal to expire',
      async () => {
        const h = await Promise.all(deals.map((id) => facts.history(id)));
        return h.every((rows) => rows.some((r) => r.type === 'OFFER_EXPIRED'));
      },
      60_000,
      200,
    );

    await Promise.all(
      deals.map(async (id, i) => {
        await sendOk(at(i), seller, id, 'PROPOSE_TERMS', { terms: COUNTER_TERMS });
        await sendOk(at(i + 1), buyer, id, 'ACCEPT_TERMS');
        races[i].push(await race(at(i), at(i + 1), buyer, id, 'SIGN_CONTRACT'));
        await sendOk(at(i), seller, id, 'SIGN_CONTRACT');
        races[i].push(
          await race(at(i + 1), at(i), buyer, id, 'REPORT_ROYALTIES', { period: '2026H1', netSales: 100_000_000 }),
        );
      }),
    );

    // Invoices fall due at once (INVOICE_DUE_DAYS=0): wait until the workers have marked them and drained the outbox.
    await until(
      'timers fired and the outbox drained',
      async () => {
        const o = await facts.outboxCounts();
        return (await facts.dueTimers()) === 0 && o.delivered === o.total;
      },
      60_000,
      250,
    );

    const outcome: Outcome = {
      deals: await Promise.all(
        deals.map(async (id, i) => {
          const d = await at(i).ok('GET', `/api/deals/${id}`, { token: seller.accessToken });
          const history = await at(i + 1).ok('GET', `/api/deals/${id}/history`, { token: buyer.accessToken });
          const invoices = await facts.sql<
            { kind: string; total: number; status: string }[]
          >`select kind, total::int as total, status from invoices where deal_id = ${id}`;
          return {
            state: d.state,
            version: d.version,
            history: history.map((h: { version: number; type: string }) => `${h.version}:${h.type}`),
            invoices: invoices.map((v) => `${v.kind}:${v.total}:${v.status}`).sort(),
          };
        }),
      ),
      races: races.flat().sort(),
      invoiceSerials: (await facts.sql<{ number: string }[]>`select number from invoices`)
        .map((r) => Number(r.number.split('-')[2]))
        .sort((a, b) => a - b),
      timers: await facts.timerCounts(),
      overdueMarksPerInvoice: [],
      duplicateNotifications: (
        await facts.sql<
          { n: number }[]
        >`select count(*)::int as n from (select 1 from notifications group by user_id, dedupe_key having count(*) > 1) d`
      )[0].n,
      undeliveredNotifications: await facts.undeliveredNotifications(),
    };
    const ids = (await facts.sql<{ id: string }[]>`select id from invoices`).map((r) => r.id);
    const marks = await facts.auditCount('invoice.overdue', ids);
    outcome.overdueMarksPerInvoice = ids.map((id) => marks[id] ?? 0);
    return outcome;
  } finally {
    await facts.close();
  }
}
