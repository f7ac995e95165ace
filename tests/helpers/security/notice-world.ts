import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { TestApp } from '../app.js';
import { listingBody, type Session } from '../factories.js';

type Call = (res: LightMyRequestResponse, what: string) => any;
interface Parties {
  admin: Session;
  buyer: Session;
  newSession: (role: 'seller', orgType: string) => Promise<Session>;
  address: () => string;
  ok: Call;
}

const PRICE = 30_000_000;

/**
 * A university's transfer whose agreed price is under public notice (Law on Promoting the Transformation of S&T
 * Achievements, Art. 18): its board entry. The seller is a public institution of its own, so the world's enterprise
 * seller keeps deals that go to contract directly.
 */
export async function noticeOnBoard(t: TestApp, { admin, buyer, newSession, address, ok }: Parties) {
  const university = await newSession('seller', 'university');
  const as = (s: Session | null) => (method: InjectOptions['method'], url: string, payload?: unknown) =>
    t.request({
      method,
      url,
      remoteAddress: address(),
      ...(s ? { token: s.accessToken } : {}),
      ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }),
    });
  const [uni, bureau, firm, anyone] = [as(university), as(admin), as(buyer), as(null)];
  const event = async (call: ReturnType<typeof as>, dealId: string, type: string, extra = {}) => {
    const { version } = ok(await call('GET', `/api/deals/${dealId}`), 'deal');
    return ok(await call('POST', `/api/deals/${dealId}/events`, { type, expectedVersion: version, ...extra }), type);
  };
  const l = ok(
    await uni('POST', '/api/listings', listingBody({ ndaRequired: false, dealTypes: ['transfer'] })),
    'listing',
  );
  ok(await uni('POST', `/api/listings/${l.id}/submit`), 'submit');
  ok(await bureau('POST', `/api/listings/${l.id}/review`, { decision: 'approve' }), 'review');
  const deal = ok(await firm('POST', '/api/deals', { listingId: l.id, type: 'transfer' }), 'deal');
  await event(uni, deal.id, 'ACCEPT_INQUIRY');
  await event(firm, deal.id, 'PROPOSE_TERMS', {
    terms: { price: PRICE, payments: [{ name: '一次性付清', amount: PRICE, dueDays: 30 }] },
  });
  const accepted = await event(uni, deal.id, 'ACCEPT_TERMS');
  if (accepted.state !== 'publicNotice') throw new Error(`a university's agreed price went to ${accepted.state}`);
  const board = ok(await anyone('GET', '/api/notices?status=open&limit=100'), 'board');
  const entry = board.items.find((n: { dealId: string }) => n.dealId === deal.id);
  if (!entry) throw new Error('the notice is not on the board');
  return { id: entry.id as string };
}
