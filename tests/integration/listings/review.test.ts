import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { adminSession, createListing, listingBody, registerUser, type Session } from '../../helpers/factories.js';
import { PDF, PNG, multipart } from '../../helpers/security/world.js';

let t: TestApp;
let seller: Session, admin: Session;
beforeAll(async () => {
  t = await buildTestApp();
  [seller, admin] = await Promise.all([registerUser(t, 'seller'), adminSession(t)]);
});
afterAll(async () => {
  await t.close();
});

const post = (url: string, s: Session, payload?: object) =>
  t.request({ method: 'POST', url, token: s.accessToken, ...(payload ? { payload } : {}) });
const queue = async () =>
  (await t.request({ method: 'GET', url: '/api/listings/review-queue?limit=100', token: admin.accessToken })).json()
    .items as Array<Record<string, unknown> & { id: string }>;

describe('the review queue carries the evidence', () => {
  it('shows each pending registration whole: fields, patents, inventors, attachments and earlier returns', async () => {
    const l = await createListing(t, seller, {
      body: {
        ipNumbers: ['ZL201910123456.7', 'ZL202110654321.X'],
        inventors: [{ name: '王研究员' }, { name: '李工' }],
      },
    });
    const upload = (name: string, data: Buffer, visibility: string) =>
      t.request({
        method: 'POST',
        url: `/api/listings/${l.id}/attachments?visibility=${visibility}`,
        token: seller.accessToken,
        ...multipart(name, data),
      });
    const report = (await upload('检测报告.pdf', PDF, 'public')).json();
    const secret = (await upload('工艺图.png', PNG, 'confidential')).json();
    await post(`/api/listings/${l.id}/submit`, seller);
    await post(`/api/listings/${l.id}/review`, admin, { decision: 'reject', reason: '请补充第三方检测报告' });
    await post(`/api/listings/${l.id}/submit`, seller);
    await post(`/api/listings/${l.id}/review`, admin, { decision: 'reject', reason: '专利证书复印件不清晰' });
    await post(`/api/listings/${l.id}/submit`, seller);
    const fresh = await createListing(t, seller);
    await post(`/api/listings/${fresh.id}/submit`, seller);

    const items = await queue();
    const item = items.find((i) => i.id === l.id)!;
    const body = listingBody();
    expect(item).toMatchObject({
      status: 'submitted',
      description: body.description,
      keywords: body.keywords,
      category: body.category,
      form: body.form,
      stage: body.stage,
      level: body.level,
      fundingSource: body.fundingSource,
      region: body.region,
      contact: body.contact,
      confidentialDetails: body.confidentialDetails,
      ipType: 'invention_patent',
      ipNumbers: ['ZL201910123456.7', 'ZL202110654321.X'],
      inventors: [{ name: '王研究员' }, { name: '李工' }],
      organization: { id: seller.user.organization.id },
    });
    expect((item.attachments as Array<{ id: string }>).map((a) => a.id)).toEqual([report.id, secret.id]);
    const rejections = item.rejections as Array<{ reason: string; at: string }>;
    expect(rejections.map((r) => r.reason)).toEqual(['请补充第三方检测报告', '专利证书复印件不清晰']);
    for (const r of rejections) expect(new Date(r.at).toISOString()).toBe(r.at);
    expect(rejections[0].at <= rejections[1].at).toBe(true);
    expect(items.find((i) => i.id === fresh.id)!.rejections).toEqual([]);

    // The download links the page offers work for the reviewer, the confidential file included.
    const file = await t.request({
      method: 'GET',
      url: `/api/listings/${l.id}/attachments/${secret.id}`,
      token: admin.accessToken,
    });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(PNG)).toBe(true);

    // Once decided, it leaves the queue.
    await post(`/api/listings/${l.id}/review`, admin, { decision: 'approve' });
    expect((await queue()).some((i) => i.id === l.id)).toBe(false);
  });

  it('is the bureau’s alone', async () => {
    const res = await t.request({ method: 'GET', url: '/api/listings/review-queue', token: seller.accessToken });
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});
