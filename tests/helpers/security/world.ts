import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { relayOutbox } from '../../../src/platform/outbox.js';
import type { TestApp } from '../app.js';
import { LICENSE_TERMS } from '../deals.js';
import { PASSWORD, adminSession, listingBody, unique, type Session } from '../factories.js';
import { noticeOnBoard } from './notice-world.js';
import { offeringOn } from './offering-world.js';
import { rewardOn } from './reward-world.js';
import { colleague, teamFactories } from './team-world.js';

/** The half year whose reports the world drafts (it ended before the test clock's date). */
export const REPORT_PERIOD = { year: 2025, half: 2 };

/**
 * Who calls. Ownership is fixed by the world: `seller` owns the listings, `buyer` is the buyer of the deal and owns
 * the demand and the saved search, `broker` is assigned to the deal; each `other*` has the same role and no tie to
 * any of it. `sellerMate` and `buyerMate` are other members of the seller's and the buyer's organizations.
 */
export const CALLERS = [
  'anonymous',
  'seller',
  'sellerMate',
  'otherSeller',
  'buyer',
  'buyerMate',
  'otherBuyer',
  'broker',
  'otherBroker',
  'admin',
] as const;
export type Caller = (typeof CALLERS)[number];
export type Member = Exclude<Caller, 'anonymous'>;
export type Role = 'seller' | 'buyer' | 'broker' | 'admin';
export const ROLE_OF: Record<Member, Role> = {
  seller: 'seller',
  sellerMate: 'seller',
  otherSeller: 'seller',
  buyer: 'buyer',
  buyerMate: 'buyer',
  otherBuyer: 'buyer',
  broker: 'broker',
  otherBroker: 'broker',
  admin: 'admin',
};
/** The first account of a colleague's organization: what the organization owns, the colleague sees as it does. */
export const COLLEAGUE_OF: Partial<Record<Member, Member>> = { sellerMate: 'seller', buyerMate: 'buyer' };

/** Resources that path parameters refer to; each fills the path parameters of the routes that take it. */
export const RESOURCES = [
  'draftListing',
  'listing',
  'attachment',
  'confidentialAttachment',
  'draftAttachment',
  'deal',
  'dealDocument',
  'invoice',
  'advice',
  'demand',
  'closedDemand',
  'savedSearch',
  'notification',
  'policy',
  'draftPolicy',
  'case',
  'draftCase',
  'package',
  'draftPackage',
  'organization',
  'account',
  'member',
  'invitation',
  'notice',
  'reward',
  'offering',
] as const;
export type Resource = (typeof RESOURCES)[number];
export type Params = Record<string, string>;

let address = 0;
/** A client address of its own, so per-address rate limits never mix requests of unrelated checks. */
export const nextAddress = () => `10.${(++address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`;

export { PDF, PNG, multipart } from './multipart.js';
import { adviceOn } from './advice-world.js';
import { PDF, PNG, multipart } from './multipart.js';

export interface World {
  t: TestApp;
  sessions: Record<Member, Session>;
  /** The world's shared resources: path parameters by resource. */
  params: Record<Resource, Params>;
  /** An innovation voucher granted to the buyer's organization. */
  voucherId: string;
  /** A request as this caller, from an address of its own. */
  as(caller: Caller, opts: InjectOptions): Promise<LightMyRequestResponse>;
  /** A new resource of this kind with the same owners, for a request that may change it. */
  fresh(kind: Resource): Promise<Params>;
  /** A new user of this role (its own organization), e.g. for a refresh token to spend or an email to log in with. */
  newSession(role: 'seller' | 'buyer' | 'broker', orgType?: string): Promise<Session & { email: string }>;
}

const ok = (res: LightMyRequestResponse, what: string, status = [200, 201, 204]) => {
  if (!status.includes(res.statusCode)) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res.statusCode === 204 ? {} : res.json();
};

/** Builds the world through the API, as users would. */
export async function buildWorld(t: TestApp): Promise<World> {
  const newSession = async (role: 'seller' | 'buyer' | 'broker', orgType?: string) => {
    const type = orgType ?? { seller: 'enterprise', buyer: 'enterprise', broker: 'agency' }[role];
    const u = unique(role);
    const res = await t.request({
      method: 'POST',
      url: '/api/auth/register',
      remoteAddress: nextAddress(),
      payload: {
        email: `${u}@example.com`,
        password: PASSWORD,
        name: `User ${u}`,
        role,
        organization: { name: `Org ${u}`, type },
      },
    });
    return { ...(ok(res, 'register') as Session), email: `${u}@example.com` };
  };
  // The seller is an enterprise, so an agreed price goes to contract without a public-notice period.
  const [seller, otherSeller, buyer, otherBuyer, broker, otherBroker, admin] = await Promise.all([
    newSession('seller'),
    newSession('seller'),
    newSession('buyer'),
    newSession('buyer'),
    newSession('broker'),
    newSession('broker'),
    adminSession(t),
  ]);
  const [sellerMate, buyerMate] = await Promise.all([
    colleague(t, seller, 'seller', nextAddress, ok),
    colleague(t, buyer, 'buyer', nextAddress, ok),
  ]);
  const sessions: Record<Member, Session> = {
    seller,
    sellerMate,
    otherSeller,
    buyer,
    buyerMate,
    otherBuyer,
    broker,
    otherBroker,
    admin,
  };
  const as = (caller: Caller, opts: InjectOptions) => {
    const token = caller === 'anonymous' ? undefined : sessions[caller].accessToken;
    return t.request({ remoteAddress: nextAddress(), ...opts, token });
  };
  const call = async (
    caller: Caller,
    method: InjectOptions['method'],
    url: string,
    payload?: unknown,
    what = `${method} ${url}`,
  ) =>
    ok(
      await as(caller, {
        method,
        url,
        ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }),
      }),
      what,
    );

  const listing = async (publish: boolean) => {
    const l = await call(
      'seller',
      'POST',
      '/api/listings',
      listingBody({ ndaRequired: false, dealTypes: ['license'] }),
    );
    if (publish) {
      await call('seller', 'POST', `/api/listings/${l.id}/submit`);
      await call('admin', 'POST', `/api/listings/${l.id}/review`, { decision: 'approve' });
    }
    return l.id as string;
  };
  const attach = async (listingId: string, visibility: 'public' | 'confidential') => {
    const file = visibility === 'public' ? multipart('报告.pdf', PDF) : multipart('drawing.png', PNG);
    const a = ok(
      await as('seller', {
        method: 'POST',
        url: `/api/listings/${listingId}/attachments?visibility=${visibility}`,
        ...file,
      }),
      'attachment',
    );
    return { id: listingId, attachmentId: a.id as string };
  };
  const event = async (caller: Caller, dealId: string, type: string, payload: Record<string, unknown> = {}) => {
    const { version } = await call(caller, 'GET', `/api/deals/${dealId}`);
    return call(caller, 'POST', `/api/deals/${dealId}/events`, { type, expectedVersion: version, ...payload }, type);
  };
  // A deal with the broker assigned; signed, it is active and the upfront-fee invoice is issued to the buyer.
  const deal = async (signed: boolean) => {
    const d = await call('buyer', 'POST', '/api/deals', { listingId: await listing(true), type: 'license' });
    await event('admin', d.id, 'ASSIGN_BROKER', { brokerId: broker.user.id, commissionRateBp: 500 });
    await event('seller', d.id, 'ACCEPT_INQUIRY');
    await event('buyer', d.id, 'PROPOSE_TERMS', { terms: LICENSE_TERMS });
    if (signed) {
      await event('seller', d.id, 'ACCEPT_TERMS');
      await event('seller', d.id, 'SIGN_CONTRACT');
      await event('buyer', d.id, 'SIGN_CONTRACT');
    }
    return d.id as string;
  };
  const signedInvoice = async () => {
    const dealId = await deal(true);
    const { items } = await call('buyer', 'GET', `/api/invoices?dealId=${dealId}`);
    const upfront = items.find(
      (i: { recipient: { organizationId: string } }) => i.recipient.organizationId === buyer.user.organization.id,
    );
    if (!upfront) throw new Error('signing issued no upfront-fee invoice to the buyer');
    return { id: upfront.id as string, dealId };
  };
  const demand = async (closed: boolean) => {
    const d = await call('buyer', 'POST', '/api/demands', {
      title: '棉花采收智能装备需求',
      description: '需要适用于兵团棉区的智能采收装备技术。',
      field: 'intelligent_manufacturing',
      dealTypes: ['license'],
    });
    if (closed) await call('buyer', 'POST', `/api/demands/${d.id}/close`);
    return d.id as string;
  };
  const notification = async () => {
    await listing(true);
    await relayOutbox(t.ctx);
    const { items } = await call('seller', 'GET', '/api/notifications?unread=true&limit=1');
    if (!items.length) throw new Error('publishing a listing left the seller no notification');
    return items[0].id as string;
  };
  const content = async (kind: 'policies' | 'cases' | 'packages', published: boolean) => {
    const body = {
      policies: {
        title: '促进科技成果转化若干措施',
        issuingBody: '兵团科技局',
        issuedOn: '2025-06-01',
        level: 'corps',
        category: 'incentive',
        body: '为促进科技成果转化……',
        published,
      },
      cases: {
        title: '滴灌技术许可案例',
        summary: '一项节水技术的许可。',
        body: '案例正文。',
        field: 'modern_agriculture',
        dealType: 'license',
        year: 2025,
        published,
      },
      packages: { title: '现代农业成果包', field: 'modern_agriculture', listingIds: [sharedListing], published },
    }[kind];
    return (await call('admin', 'POST', `/api/${kind}`, body)).id as string;
  };

  // A document the buyer shared in a deal room.
  const dealDocument = async (dealId: string): Promise<Params> => {
    const res = await as('buyer', {
      method: 'POST',
      url: `/api/deals/${dealId}/documents`,
      ...multipart('合同草案.pdf', PDF),
    });
    return { id: dealId, documentId: ok(res, 'deal document').id as string };
  };

  const sharedListing = await listing(true);
  const draft = await listing(false);
  const factories: Record<Resource, () => Promise<Params>> = {
    draftListing: async () => ({ id: await listing(false) }),
    listing: async () => ({ id: await listing(true) }),
    attachment: async () => attach(await listing(true), 'public'),
    confidentialAttachment: async () => attach(await listing(true), 'confidential'),
    draftAttachment: async () => attach(await listing(false), 'public'),
    deal: async () => ({ id: await deal(false) }),
    dealDocument: async () => dealDocument(await deal(false)),
    invoice: async () => ({ id: (await signedInvoice()).id }),
    advice: async () => adviceOn(as, ok, (await signedInvoice()).id),
    demand: async () => ({ id: await demand(false) }),
    closedDemand: async () => ({ id: await demand(true) }),
    savedSearch: async () => ({
      id: (await call('buyer', 'POST', '/api/saved-searches', { name: unique('滴灌'), query: { q: '滴灌' } })).id,
    }),
    notification: async () => ({ id: await notification() }),
    policy: async () => ({ id: await content('policies', true) }),
    draftPolicy: async () => ({ id: await content('policies', false) }),
    case: async () => ({ id: await content('cases', true) }),
    draftCase: async () => ({ id: await content('cases', false) }),
    package: async () => ({ id: await content('packages', true) }),
    draftPackage: async () => ({ id: await content('packages', false) }),
    organization: async () => ({ id: seller.user.organization.id, issuerOrganizationId: seller.user.organization.id }),
    // A user none of the callers is, for the admin's account routes (disabling one ends its sessions).
    account: async () => ({ id: (await newSession('buyer')).user.id }),
    ...teamFactories(t, seller, nextAddress, ok),
    reward: async () => rewardOn(t, as, ok as never, await signedInvoice(), seller.user.organization.id),
    notice: () => noticeOnBoard(t, { admin, buyer, newSession, address: nextAddress, ok }),
    offering: () => offeringOn(call, () => listing(true)),
  };
  const params = {} as Record<Resource, Params>;
  params.listing = { id: sharedListing };
  params.draftListing = { id: draft };
  // The buyer's deal on this listing (no NDA needed) grants it the confidential part.
  params.confidentialAttachment = await attach(sharedListing, 'confidential');
  params.attachment = await attach(sharedListing, 'public');
  params.draftAttachment = await attach(draft, 'public');
  // The shared deal is on the shared listing, so that its buyer holds the grant to the confidential attachment.
  const sharedDeal = await call('buyer', 'POST', '/api/deals', { listingId: sharedListing, type: 'license' });
  await event('admin', sharedDeal.id, 'ASSIGN_BROKER', { brokerId: broker.user.id, commissionRateBp: 500 });
  await event('seller', sharedDeal.id, 'ACCEPT_INQUIRY');
  await event('buyer', sharedDeal.id, 'PROPOSE_TERMS', { terms: LICENSE_TERMS });
  params.deal = { id: sharedDeal.id };
  params.dealDocument = await dealDocument(sharedDeal.id);
  for (const kind of RESOURCES) params[kind] ??= await factories[kind]();
  const voucher = await call('admin', 'POST', '/api/vouchers', {
    organizationId: buyer.user.organization.id,
    amount: 1_000_000,
    expiresAt: '2030-01-01T00:00:00.000Z',
    serviceKinds: ['license_fee'],
  });
  // Every enterprise's half-year report for a half year that has ended, so that members have one to read.
  await call('admin', 'POST', '/api/reports/half-year/generate', REPORT_PERIOD);
  return { t, sessions, params, voucherId: voucher.id, as, fresh: (kind) => factories[kind](), newSession };
}
