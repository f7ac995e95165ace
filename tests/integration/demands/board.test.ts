import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relayOutbox } from '../../../src/platform/outbox.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { adminSession, createListing, registerUser, unique, type Session } from '../../helpers/factories.js';

let t: TestApp;
let seller: Session, seller2: Session, buyer: Session, buyer2: Session, broker: Session, admin: Session;
let published: string, draft: string, otherPublished: string;

const post = (s: Session | null, url: string, payload?: Record<string, unknown>) =>
  t.request({ method: 'POST', url, token: s?.accessToken, ...(payload === undefined ? {} : { payload }) });
const get = (s: Session | null, url: string) => t.request({ method: 'GET', url, token: s?.accessToken });

async function postDemand(s: Session, extra: Record<string, unknown> = {}) {
  const res = await post(s, '/api/demands', {
    title: unique('棉田滴灌智能控制'),
    description: '需要适用于棉田的滴灌水肥一体化远程控制技术，可许可引进。',
    field: 'modern_agriculture',
    dealTypes: ['license'],
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; title: string; status: string };
}

const ids = (res: { json(): { items: { id: string }[] } }) => res.json().items.map((x) => x.id);

beforeAll(async () => {
  t = await buildTestApp();
  [seller, seller2, buyer, buyer2, broker, admin] = await Promise.all([
    registerUser(t, 'seller'),
    registerUser(t, 'seller', 'institute'),
    registerUser(t, 'buyer'),
    registerUser(t, 'buyer'),
    registerUser(t, 'broker'),
    adminSession(t),
  ]);
  published = (await createListing(t, seller, { publishWith: admin })).id;
  draft = (await createListing(t, seller)).id;
  otherPublished = (await createListing(t, seller2, { publishWith: admin, body: { titleEn: null } })).id;
});
afterAll(() => t.close());

describe('the demand board', () => {
  it('filters by words, field, region, budget range and status, for anonymous visitors too, page by page', async () => {
    const word = unique('膜下');
    const a = await postDemand(buyer, { description: `需要${word}滴灌技术，用于棉田节水。`, budget: 5_000_000 });
    const b = await postDemand(buyer2, { region: '第八师石河子市', budget: 50_000_000, field: 'new_energy' });
    const c = await postDemand(buyer, { region: '第一师阿拉尔市' });
    expect(ids(await get(null, `/api/demands?q=${encodeURIComponent(`${word} 棉田`)}`))).toEqual([a.id]);
    expect(ids(await get(null, `/api/demands?q=${encodeURIComponent(`${word} 光伏`)}`))).toEqual([]);
    expect(ids(await get(null, `/api/demands?region=${encodeURIComponent('石河子')}&limit=100`))).toContain(b.id);
    const bySize = ids(await get(null, '/api/demands?budgetMin=1000000&budgetMax=10000000&limit=100'));
    expect(bySize).toContain(a.id);
    expect(bySize).not.toContain(b.id);
    expect(bySize).not.toContain(c.id);
    expect(ids(await get(null, '/api/demands?field=new_energy&limit=100'))).toContain(b.id);
    expect(ids(await get(null, '/api/demands?field=new_energy&limit=100'))).not.toContain(a.id);

    const first = (await get(null, '/api/demands?limit=2')).json();
    expect(first.items).toHaveLength(2);
    const second = (await get(null, `/api/demands?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items[0].id < first.items[1].id).toBe(true);

    const bad = await get(null, '/api/demands?budgetMin=9&budgetMax=1');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().code).toBe('VALIDATION_FAILED');
  });

  it('the owner edits and closes; a closed demand leaves the default view, stays readable and refuses edits', async () => {
    const d = await postDemand(buyer);
    const edited = await t.request({
      method: 'PATCH',
      url: `/api/demands/${d.id}`,
      token: buyer.accessToken,
      payload: { title: '棉田滴灌智能控制（更新）', budget: 8_000_000, region: '第八师' },
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ title: '棉田滴灌智能控制（更新）', budget: 8_000_000, region: '第八师' });
    expect((await post(buyer2, `/api/demands/${d.id}/close`)).statusCode).toBe(403);
    expect((await post(buyer, `/api/demands/${d.id}/close`)).json().status).toBe('closed');

    expect(ids(await get(null, '/api/demands?limit=100'))).not.toContain(d.id);
    expect(ids(await get(null, '/api/demands?status=closed&limit=100'))).toContain(d.id);
    expect(ids(await get(null, '/api/demands?status=all&limit=100'))).toContain(d.id);
    expect((await get(null, `/api/demands/${d.id}`)).json().status).toBe('closed');
    const again = await t.request({
      method: 'PATCH',
      url: `/api/demands/${d.id}`,
      token: buyer.accessToken,
      payload: { title: '再改一次' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('INVALID_TRANSITION');
    expect((await post(buyer, `/api/demands/${d.id}/close`)).json().code).toBe('INVALID_TRANSITION');
  });
});

describe('answers to a demand', () => {
  it('a seller answers with its own published listing; the owner reads it and is notified', async () => {
    const d = await postDemand(buyer);
    const res = await post(seller, `/api/demands/${d.id}/responses`, { listingId: published, message: '可现场演示' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      demandId: d.id,
      listing: { id: published, organization: { id: seller.user.organization.id } },
      responder: { organization: { id: seller.user.organization.id }, role: 'seller' },
      message: '可现场演示',
    });
    const listed = (await get(buyer, `/api/demands/${d.id}/responses`)).json();
    expect(listed.items.map((r: { listing: { id: string } }) => r.listing.id)).toEqual([published]);
    // Another organization that did not answer sees none of the answers.
    expect((await get(buyer2, `/api/demands/${d.id}/responses`)).json().items).toEqual([]);
    expect((await get(seller, `/api/demands/${d.id}/responses`)).json().items).toHaveLength(1);
    expect((await get(null, `/api/demands/${d.id}/responses`)).statusCode).toBe(401);

    await relayOutbox(t.ctx);
    const notes = (await get(buyer, '/api/notifications')).json().items;
    const note = notes.find((n: { kind: string }) => n.kind === 'demand.answered');
    expect(note).toMatchObject({ link: `/demands/${d.id}`, body: '可现场演示' });
    expect(note.title).toContain(d.title);
  });

  it('a broker answers with any published listing; refusals have stable codes', async () => {
    const d = await postDemand(buyer);
    const byBroker = await post(broker, `/api/demands/${d.id}/responses`, { listingId: otherPublished });
    expect(byBroker.statusCode).toBe(201);
    expect(byBroker.json().responder.role).toBe('broker');
    expect(byBroker.json().listing.titleEn).toBeNull();

    const twice = await post(broker, `/api/demands/${d.id}/responses`, { listingId: otherPublished });
    expect([twice.statusCode, twice.json().code]).toEqual([409, 'CONFLICT']);
    const notOwn = await post(seller, `/api/demands/${d.id}/responses`, { listingId: otherPublished });
    expect([notOwn.statusCode, notOwn.json().code]).toEqual([403, 'FORBIDDEN']);
    const unpublished = await post(seller, `/api/demands/${d.id}/responses`, { listingId: draft });
    expect([unpublished.statusCode, unpublished.json().code]).toEqual([400, 'VALIDATION_FAILED']);
    // Someone else's draft is not revealed.
    expect((await post(broker, `/api/demands/${d.id}/responses`, { listingId: draft })).statusCode).toBe(404);
    expect((await post(buyer2, `/api/demands/${d.id}/responses`, { listingId: published })).statusCode).toBe(403);
    expect((await post(null, `/api/demands/${d.id}/responses`, { listingId: published })).statusCode).toBe(401);
    const missing = await post(seller, '/api/demands/dmd_000000000000000000000/responses', { listingId: published });
    expect([missing.statusCode, missing.json().code]).toEqual([404, 'NOT_FOUND']);
    const bad = await post(seller, `/api/demands/${d.id}/responses`, { listingId: '../x', extra: 1 });
    expect([bad.statusCode, bad.json().code]).toEqual([400, 'VALIDATION_FAILED']);

    await post(buyer, `/api/demands/${d.id}/close`);
    const closed = await post(seller, `/api/demands/${d.id}/responses`, { listingId: published });
    expect(closed.statusCode).toBe(409);
    expect(closed.headers['content-type']).toContain('application/problem+json');
    expect(closed.json().code).toBe('DEMAND_CLOSED');
    // The answer given before the close stays with the demand.
    expect((await get(admin, `/api/demands/${d.id}/responses`)).json().items).toHaveLength(1);
  });
});
