import type { TestApp } from './app.js';

let seq = 0;
/** A unique suffix per call, so factories never collide inside a shared database. */
export const unique = (prefix = 'x') =>
  `${prefix}${process.pid.toString(36)}${(++seq).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

export const PASSWORD = 'correct-horse-42';

export interface Session {
  user: { id: string; role: string; organization: { id: string; name: string; type: string } };
  accessToken: string;
  refreshToken: string;
}

/** Registers a user (and a new organization) through the API. */
export async function registerUser(
  t: TestApp,
  role: 'seller' | 'buyer' | 'broker',
  orgType?: string,
  extra: Record<string, unknown> = {},
): Promise<Session> {
  const type = orgType ?? { seller: 'university', buyer: 'enterprise', broker: 'agency' }[role];
  const u = unique(role);
  const res = await t.request({
    method: 'POST',
    url: '/api/auth/register',
    payload: {
      email: `${u}@example.com`,
      password: PASSWORD,
      name: `User ${u}`,
      role,
      organization: { name: `Org ${u}`, type },
      ...extra,
    },
  });
  if (res.statusCode !== 201) throw new Error(`register failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** An admin, created the way production creates one (ADMIN_EMAIL / ADMIN_PASSWORD at start), then logged in. */
export async function adminSession(t: TestApp): Promise<Session> {
  const { ensureAdmin } = await import('../../src/accounts/service.js');
  const email = `${unique('admin')}@bureau.example`;
  await ensureAdmin(t.ctx, email, PASSWORD);
  const res = await t.request({ method: 'POST', url: '/api/auth/login', payload: { email, password: PASSWORD } });
  if (res.statusCode !== 200) throw new Error(`admin login failed: ${res.body}`);
  return res.json();
}

/** A listing body that passes every rule; override what a test is about. */
export function listingBody(overrides: Record<string, unknown> = {}) {
  return {
    title: `膜下滴灌水肥一体化技术 ${unique('t')}`,
    titleEn: 'Drip irrigation under film with integrated fertigation',
    summary: '面向新疆棉区的膜下滴灌水肥一体化成套技术，节水 30% 以上，增产 10% 以上。',
    description: '本技术包括滴灌带设计、水肥耦合模型和智能控制系统。',
    keywords: ['滴灌', '节水灌溉', '棉花'],
    category: 'applied_technology',
    field: 'modern_agriculture',
    form: 'new_technology',
    trl: 7,
    stage: 'mature',
    level: 'domestic_leading',
    ipType: 'invention_patent',
    ipNumbers: ['ZL201910123456.7'],
    dealTypes: ['license', 'transfer'],
    askingPrice: 50_000_000,
    fundingSource: 'fiscal_corps',
    region: '660800',
    inventors: [{ name: '李教授', title: '教授' }],
    contact: { name: '技术转移办公室', phone: '0993-2055000', email: 'ttc@shzu.example' },
    ndaRequired: true,
    confidentialDetails: '关键参数：滴头流量 1.8 L/h，毛管间距 76 cm。',
    ...overrides,
  };
}

/** Creates (and optionally submits and approves) a listing through the API. */
export async function createListing(
  t: TestApp,
  seller: Session,
  opts: { publishWith?: Session; body?: Record<string, unknown> } = {},
) {
  const res = await t.request({
    method: 'POST',
    url: '/api/listings',
    token: seller.accessToken,
    payload: listingBody(opts.body),
  });
  if (res.statusCode !== 201) throw new Error(`create listing: ${res.statusCode} ${res.body}`);
  let listing = res.json();
  if (opts.publishWith) {
    const sub = await t.request({
      method: 'POST',
      url: `/api/listings/${listing.id}/submit`,
      token: seller.accessToken,
    });
    if (sub.statusCode !== 200) throw new Error(`submit: ${sub.body}`);
    const rev = await t.request({
      method: 'POST',
      url: `/api/listings/${listing.id}/review`,
      token: opts.publishWith.accessToken,
      payload: { decision: 'approve' },
    });
    if (rev.statusCode !== 200) throw new Error(`review: ${rev.body}`);
    listing = rev.json();
  }
  return listing;
}
