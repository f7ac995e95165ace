import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listingAttachments } from '../../../src/db/schema/index.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { adminSession, createListing, registerUser, type Session } from '../../helpers/factories.js';
import { PDF, PNG, multipart } from '../../helpers/security/world.js';

let t: TestApp;
let seller: Session, buyer: Session, admin: Session;
beforeAll(async () => {
  t = await buildTestApp({ env: { UPLOAD_LIMIT_BYTES: '65536' } });
  [seller, buyer, admin] = await Promise.all([registerUser(t, 'seller'), registerUser(t, 'buyer'), adminSession(t)]);
});
afterAll(async () => {
  await t.close();
});

async function upload(
  listingId: string,
  s: Session,
  filename: string,
  data: Buffer,
  visibility = 'public',
  contentType?: string,
) {
  return t.request({
    method: 'POST',
    url: `/api/listings/${listingId}/attachments?visibility=${visibility}`,
    token: s.accessToken,
    ...multipart(filename, data, contentType),
  });
}

describe('attachments', () => {
  it('stores a public PDF and a confidential image; serves each only to those allowed', async () => {
    const l = await createListing(t, seller, { publishWith: admin });
    const pub = await upload(l.id, seller, '检测报告.pdf', PDF);
    expect(pub.statusCode).toBe(201);
    expect(pub.json()).toMatchObject({
      filename: '检测报告.pdf',
      mimeType: 'application/pdf',
      size: PDF.length,
      visibility: 'public',
    });
    const conf = await upload(l.id, seller, 'drawing.png', PNG, 'confidential');
    expect(conf.statusCode).toBe(201);

    const anonView = (await t.request({ method: 'GET', url: `/api/listings/${l.id}` })).json();
    expect(anonView.attachments.map((a: { id: string }) => a.id)).toEqual([pub.json().id]);
    const file = await t.request({ method: 'GET', url: `/api/listings/${l.id}/attachments/${pub.json().id}` });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.equals(PDF)).toBe(true);
    expect(file.headers['content-disposition']).toContain("filename*=UTF-8''%E6%A3%80");

    const hidden = await t.request({
      method: 'GET',
      url: `/api/listings/${l.id}/attachments/${conf.json().id}`,
      token: buyer.accessToken,
    });
    expect(hidden.statusCode).toBe(404);
    const owner = await t.request({
      method: 'GET',
      url: `/api/listings/${l.id}/attachments/${conf.json().id}`,
      token: seller.accessToken,
    });
    expect(owner.statusCode).toBe(200);
    expect(owner.headers['cache-control']).toContain('no-store');
  });

  it('types files by content: a renamed executable is refused with 415 and nothing is recorded', async () => {
    const l = await createListing(t, seller);
    const before = (await t.ctx.db.select().from(listingAttachments)).length;
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100, 0)]);
    const res = await upload(l.id, seller, 'report.pdf', exe, 'public', 'application/pdf');
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const html = await upload(
      l.id,
      seller,
      'x.png',
      Buffer.from('<html><script>alert(1)</script></html>'),
      'public',
      'image/png',
    );
    expect(html.statusCode).toBe(415);
    expect((await t.ctx.db.select().from(listingAttachments)).length).toBe(before);
    // A PDF named .exe is stored as what it is.
    const renamed = await upload(l.id, seller, 'evil.exe', PDF);
    expect(renamed.json().filename).toBe('evil.pdf');
  });

  it('refuses a file over the size limit with 413, and uploads from non-owners with 404/403', async () => {
    const l = await createListing(t, seller, { publishWith: admin });
    const big = await upload(l.id, seller, 'big.pdf', Buffer.concat([PDF, Buffer.alloc(70_000, 32)]));
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('PAYLOAD_TOO_LARGE');
    const other = await registerUser(t, 'seller');
    expect((await upload(l.id, other, 'a.pdf', PDF)).statusCode).toBe(403);
    const draft = await createListing(t, seller);
    expect((await upload(draft.id, other, 'a.pdf', PDF)).statusCode).toBe(404);
  });

  it('removes an attachment (owner only)', async () => {
    const l = await createListing(t, seller);
    const a = (await upload(l.id, seller, 'a.pdf', PDF)).json();
    const del = await t.request({
      method: 'DELETE',
      url: `/api/listings/${l.id}/attachments/${a.id}`,
      token: seller.accessToken,
    });
    expect(del.statusCode).toBe(204);
    expect(
      (await t.request({ method: 'GET', url: `/api/listings/${l.id}/attachments/${a.id}`, token: seller.accessToken }))
        .statusCode,
    ).toBe(404);
  });
});
