import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { adminSession, createListing, registerUser, type Session } from '../../helpers/factories.js';

// Issue #22: a published listing is public, its contact's phone and email are not. The API does not send them
// to an anonymous caller (the page asks the visitor to sign in); every signed-in member gets them.

let t: TestApp;
let seller: Session, buyer: Session, admin: Session;
beforeAll(async () => {
  t = await buildTestApp();
  [seller, buyer, admin] = await Promise.all([registerUser(t, 'seller'), registerUser(t, 'buyer'), adminSession(t)]);
});
afterAll(async () => {
  await t.close();
});

const FULL = { name: '技术转移办公室', phone: '0993-2055000', email: 'ttc@shzu.example' };

describe('a listing contact', () => {
  it('is only a name for an anonymous caller, in full for signed-in members', async () => {
    const l = await createListing(t, seller, { publishWith: admin });
    const anonymous = await t.request({ method: 'GET', url: `/api/listings/${l.id}` });
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json().contact).toEqual({ name: FULL.name });
    expect(anonymous.body).not.toContain(FULL.phone);
    expect(anonymous.body).not.toContain(FULL.email);

    for (const who of [buyer, seller, admin]) {
      const res = await t.request({ method: 'GET', url: `/api/listings/${l.id}`, token: who.accessToken });
      expect(res.statusCode).toBe(200);
      expect(res.json().contact).toEqual(FULL);
    }
  });

  it('stays absent when the listing names none', async () => {
    const l = await createListing(t, seller, { publishWith: admin, body: { contact: undefined } });
    const anonymous = await t.request({ method: 'GET', url: `/api/listings/${l.id}` });
    expect(anonymous.json().contact).toBeNull();
  });
});
