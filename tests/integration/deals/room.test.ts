import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relayOutbox } from '../../../src/platform/outbox.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { openDeal, sendOk } from '../../helpers/deals.js';
import { adminSession, createListing, registerUser, type Session } from '../../helpers/factories.js';

let t: TestApp;
let seller: Session, buyer: Session, stranger: Session, admin: Session;
let dealId: string;
beforeAll(async () => {
  t = await buildTestApp();
  [seller, buyer, stranger, admin] = await Promise.all([
    registerUser(t, 'seller', 'enterprise'),
    registerUser(t, 'buyer'),
    registerUser(t, 'buyer'),
    adminSession(t),
  ]);
  const l = await createListing(t, seller, { publishWith: admin, body: { ndaRequired: false } });
  dealId = (await openDeal(t, buyer, l.id)).id;
});
afterAll(async () => {
  await t.close();
});

function multipart(filename: string, data: Buffer) {
  const boundary = '----tteDealRoom';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe('deal room', () => {
  it('shares documents with messages among the parties only', async () => {
    const up = await t.request({
      method: 'POST',
      url: `/api/deals/${dealId}/documents`,
      token: seller.accessToken,
      ...multipart('合同草案.pdf', PDF),
    });
    expect(up.statusCode).toBe(201);
    const doc = up.json();
    const msg = await t.request({
      method: 'POST',
      url: `/api/deals/${dealId}/messages`,
      token: seller.accessToken,
      payload: { body: '请审阅合同草案', attachmentIds: [doc.id] },
    });
    expect(msg.statusCode).toBe(201);
    expect(msg.json().attachments.map((a: { id: string }) => a.id)).toEqual([doc.id]);
    // A document cannot be attached twice, nor by someone who did not upload it.
    const again = await t.request({
      method: 'POST',
      url: `/api/deals/${dealId}/messages`,
      token: buyer.accessToken,
      payload: { body: 'x', attachmentIds: [doc.id] },
    });
    expect(again.statusCode).toBe(400);
    const list = (
      await t.request({ method: 'GET', url: `/api/deals/${dealId}/messages`, token: buyer.accessToken })
    ).json().items;
    expect(list.at(-1)).toMatchObject({
      body: '请审阅合同草案',
      attachments: [expect.objectContaining({ filename: '合同草案.pdf' })],
    });
    const file = await t.request({
      method: 'GET',
      url: `/api/deals/${dealId}/documents/${doc.id}`,
      token: buyer.accessToken,
    });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(PDF)).toBe(true);
    expect(
      (await t.request({ method: 'GET', url: `/api/deals/${dealId}/documents/${doc.id}`, token: stranger.accessToken }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await t.request({
          method: 'POST',
          url: `/api/deals/${dealId}/documents`,
          token: stranger.accessToken,
          ...multipart('x.pdf', PDF),
        })
      ).statusCode,
    ).toBe(404);
    const exe = await t.request({
      method: 'POST',
      url: `/api/deals/${dealId}/documents`,
      token: buyer.accessToken,
      ...multipart('x.pdf', Buffer.from('MZ\x90\x00')),
    });
    expect(exe.statusCode).toBe(415);
  });

  it('notifies the other parties on every accepted event', async () => {
    await relayOutbox(t.ctx);
    const count = async (s: Session) =>
      (await t.request({ method: 'GET', url: '/api/notifications?limit=100', token: s.accessToken }))
        .json()
        .items.filter((n: { data: { dealId?: string } }) => n.data.dealId === dealId).length;
    const [b0, s0] = [await count(buyer), await count(seller)];
    await sendOk(t, seller, dealId, 'ACCEPT_INQUIRY');
    await sendOk(t, buyer, dealId, 'PROPOSE_TERMS', {
      terms: {
        licenseType: 'sole',
        territory: '新疆',
        fieldOfUse: '棉花',
        termMonths: 12,
        upfrontFee: 1000,
        royaltyRateBp: 0,
      },
    });
    await sendOk(t, seller, dealId, 'REJECT_TERMS');
    await relayOutbox(t.ctx);
    expect(await count(buyer)).toBe(b0 + 2);
    expect(await count(seller)).toBe(s0 + 1);
  });
});
