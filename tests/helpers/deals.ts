import type { TestApp } from './app.js';
import type { Session } from './factories.js';

export const LICENSE_TERMS = {
  licenseType: 'exclusive',
  territory: '新疆生产建设兵团',
  fieldOfUse: '棉花种植',
  termMonths: 60,
  upfrontFee: 20_000_000,
  royaltyRateBp: 300,
};

export async function openDeal(t: TestApp, buyer: Session, listingId: string, type = 'license', message?: string) {
  const res = await t.request({
    method: 'POST',
    url: '/api/deals',
    token: buyer.accessToken,
    payload: { listingId, type, ...(message ? { message } : {}) },
  });
  if (res.statusCode !== 201) throw new Error(`open deal: ${res.statusCode} ${res.body}`);
  return res.json();
}

export async function getDeal(t: TestApp, s: Session, id: string) {
  return t.request({ method: 'GET', url: `/api/deals/${id}`, token: s.accessToken });
}

/** Sends an event at the deal's current version (read first, as a client would). */
export async function send(
  t: TestApp,
  s: Session,
  dealId: string,
  type: string,
  payload: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) {
  const current = await getDeal(t, s, dealId);
  const version = current.statusCode === 200 ? current.json().version : 0;
  return t.request({
    method: 'POST',
    url: `/api/deals/${dealId}/events`,
    token: s.accessToken,
    headers,
    payload: { type, expectedVersion: version, ...payload },
  });
}

export async function sendOk(
  t: TestApp,
  s: Session,
  dealId: string,
  type: string,
  payload: Record<string, unknown> = {},
) {
  const res = await send(t, s, dealId, type, payload);
  if (res.statusCode !== 200) throw new Error(`${type}: ${res.statusCode} ${res.body}`);
  return res.json();
}
