import { chinaDate } from '../../../src/shared/china-time.js';
import { LICENSE_TERMS } from '../deals.js';
import { listingBody, unique } from '../factories.js';
import { drainOutbox } from '../outbox.js';
import type { World } from './world.js';

/**
 * Data made of attack text for the routes that hand user text to another program: CSV exports (a spreadsheet
 * runs a cell starting with = + - @ as a formula) and search highlights (HTML that a page renders). Each
 * recipe creates its data through the API and returns the URL to read and the cells or texts it planted.
 * Routes are found in the OpenAPI document; one without a recipe fails its test, so a new export or a new
 * highlighting search cannot be forgotten.
 */
export interface Planted {
  url: string;
  values: string[];
}
export type Recipe = (w: World) => Promise<Planted>;

const FORMULAS = ['=HYPERLINK("http://evil.example","点击")', '+SUM(1+1)', '-2+3', '@cmd', '\t=1+1', '\r=1+1'];

async function ok(
  w: World,
  caller: Parameters<World['as']>[0],
  method: 'GET' | 'POST',
  url: string,
  payload?: unknown,
) {
  const res = await w.as(caller, { method, url, ...(payload === undefined ? {} : { payload: payload as object }) });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}
const event = async (
  w: World,
  caller: Parameters<World['as']>[0],
  dealId: string,
  type: string,
  payload: Record<string, unknown> = {},
) => {
  const { version } = await ok(w, caller, 'GET', `/api/deals/${dealId}`);
  return ok(w, caller, 'POST', `/api/deals/${dealId}/events`, { type, expectedVersion: version, ...payload });
};

async function publishedListing(w: World, body: Record<string, unknown>) {
  const l = await ok(
    w,
    'seller',
    'POST',
    '/api/listings',
    listingBody({ ndaRequired: false, dealTypes: ['license'], ...body }),
  );
  await ok(w, 'seller', 'POST', `/api/listings/${l.id}/submit`);
  await ok(w, 'admin', 'POST', `/api/listings/${l.id}/review`, { decision: 'approve' });
  return l.id as string;
}

export const CSV_RECIPES: Record<string, Recipe> = {
  'GET /api/admin/exchange/listings': async (w) => {
    const title = `${FORMULAS[0]} ${unique('t')}`;
    // Regions are codes now; the summary carries the second formula instead.
    const summary = `${FORMULAS[1]} 以公式开头的成果简介`;
    await publishedListing(w, {
      title,
      summary,
      keywords: [FORMULAS[3], '滴灌'],
      inventors: [{ name: FORMULAS[2], title: FORMULAS[4] }],
      contact: { name: FORMULAS[5], phone: '0993-2055000', email: 'ttc@shzu.example' },
    });
    return { url: '/api/admin/exchange/listings?format=csv', values: [title, summary] };
  },
  'GET /api/admin/contract-registrations': async (w) => {
    const registrationNo = `${FORMULAS[0].slice(0, 20)}${unique('r')}`;
    const listingId = await publishedListing(w, {});
    const deal = await ok(w, 'buyer', 'POST', '/api/deals', { listingId, type: 'license' });
    await event(w, 'seller', deal.id, 'ACCEPT_INQUIRY');
    await event(w, 'buyer', deal.id, 'PROPOSE_TERMS', { terms: LICENSE_TERMS });
    await event(w, 'seller', deal.id, 'ACCEPT_TERMS');
    await event(w, 'seller', deal.id, 'SIGN_CONTRACT');
    await event(w, 'buyer', deal.id, 'SIGN_CONTRACT');
    // The registry is free text the CSV prints too: planted with a formula like the number.
    const registry = `${FORMULAS[0].slice(0, 20)}${unique('g')}`;
    await event(w, 'buyer', deal.id, 'REGISTER_CONTRACT', {
      registrationNo,
      registry,
      registeredOn: chinaDate(w.t.clock.now().toISOString()),
      certifiedIncome: 1_000_000,
    });
    return { url: '/api/admin/contract-registrations?format=csv', values: [registrationNo, registry] };
  },
};

// Tags and attributes a page would run, and the engine's private-use highlight markers around forged tags.
const HTML = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '\uE000<b onclick=alert(1)>',
  '</mark><svg onload=alert(1)>',
];

export const HIGHLIGHT_RECIPES: Record<string, Recipe> = {
  'GET /api/search/listings': async (w) => {
    const token = unique('hl');
    await publishedListing(w, {
      title: `${HTML[0]} 节水 ${token}`,
      titleEn: `${HTML[3]} ${token}`,
      summary: `${HTML[1]} ${token} ${HTML[2]}\uE001 滴灌技术说明`,
      keywords: [token, HTML[0].slice(0, 30)],
    });
    await drainOutbox(w.t.ctx);
    return { url: `/api/search/listings?q=${token}`, values: [token] };
  },
  'GET /api/policies': async (w) => {
    const token = unique('hl');
    await ok(w, 'admin', 'POST', '/api/policies', {
      title: `${HTML[0]} 科技成果转化 ${token}`,
      issuingBody: `${HTML[3]} 科技局`,
      issuedOn: '2025-06-01',
      level: 'corps',
      category: 'incentive',
      body: `${HTML[1]} 第一条 ${token} ${HTML[2]}\uE001 为促进科技成果转化……`,
      published: true,
    });
    await drainOutbox(w.t.ctx);
    return { url: `/api/policies?q=${token}`, values: [token] };
  },
};
