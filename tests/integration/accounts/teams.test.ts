import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { invitations, users } from '../../../src/db/schema/index.js';
import { maySignFor } from '../../../src/accounts/team.js';
import { relayOutbox } from '../../../src/platform/outbox.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { PASSWORD, adminSession, registerUser, unique, type Session } from '../../helpers/factories.js';
import { linkIn, startSmtp, tokenOf, type TestSmtp } from '../../helpers/smtp.js';

let t: TestApp;
let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await startSmtp();
  t = await buildTestApp({ env: { SMTP_URL: smtp.url, APP_URL: 'https://tte.example' } });
});
afterAll(async () => {
  await t.close();
  await smtp.stop();
});

const invite = (s: Session, body: Record<string, unknown>, orgId = s.user.organization.id) =>
  t.request({ method: 'POST', url: `/api/organizations/${orgId}/invitations`, token: s.accessToken, payload: body });
const members = (s: Session, orgId = s.user.organization.id) =>
  t.request({ method: 'GET', url: `/api/organizations/${orgId}/members`, token: s.accessToken });
const patchMember = (s: Session, userId: string, body: Record<string, unknown>) =>
  t.request({
    method: 'PATCH',
    url: `/api/organizations/${s.user.organization.id}/members/${userId}`,
    token: s.accessToken,
    payload: body,
  });
const join = (email: string, token: string, extra: Record<string, unknown> = {}) =>
  t.request({
    method: 'POST',
    url: '/api/auth/register',
    payload: { email, password: PASSWORD, name: `成员 ${email.split('@')[0]}`, invitationToken: token, ...extra },
  });

/** A manager invites a new person, who accepts through the mailed link: both sessions. */
async function team(): Promise<{ manager: Session; member: Session }> {
  const manager = await registerUser(t, 'seller');
  const email = `${unique('m')}@example.com`;
  expect((await invite(manager, { email, role: 'seller' })).statusCode).toBe(201);
  await relayOutbox(t.ctx);
  const [mail] = smtp.to(email);
  const res = await join(email, tokenOf(linkIn(mail, '/invitations/accept')));
  expect(res.statusCode).toBe(201);
  return { manager, member: res.json() };
}

describe('members', () => {
  it("makes an organization's first member its manager and a signatory", async () => {
    const s = await registerUser(t, 'buyer');
    const res = await members(s);
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      expect.objectContaining({ userId: s.user.id, role: 'buyer', orgRole: 'manager', signatory: true }),
    ]);
    expect(await maySignFor(t.ctx, s.user.id, s.user.organization.id)).toBe(true);
  });

  it('invites by email: 201 with an accept link, mailed; accepting joins with the invited role as a member', async () => {
    const manager = await registerUser(t, 'seller');
    const email = `${unique('inv')}@example.com`;
    const res = await invite(manager, { email, role: 'buyer' });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ email, role: 'buyer' });
    expect(new Date(body.expiresAt).getTime() - t.clock.now().getTime()).toBe(7 * 86_400_000);
    expect(body.acceptUrl).toMatch(/^https:\/\/tte\.example\/invitations\/accept\?token=inv_/);
    // Stored hashed: the token is nowhere in the table.
    const [row] = await t.ctx.db.select().from(invitations).where(eq(invitations.id, body.id));
    expect(JSON.stringify(row)).not.toContain(tokenOf(body.acceptUrl));

    const pending = await t.request({
      method: 'GET',
      url: `/api/organizations/${manager.user.organization.id}/invitations`,
      token: manager.accessToken,
    });
    expect(pending.json().items.map((i: { id: string }) => i.id)).toEqual([body.id]);
    expect(pending.json().items[0]).not.toHaveProperty('acceptUrl');

    expect(await relayOutbox(t.ctx)).toMatchObject({ failed: 0 });
    const [mail] = smtp.to(email);
    expect(mail.subject).toContain(manager.user.organization.name);
    expect(linkIn(mail, '/invitations/accept')).toBe(body.acceptUrl);

    const joined = await join(email, tokenOf(body.acceptUrl));
    expect(joined.statusCode).toBe(201);
    expect(joined.json().user).toMatchObject({ role: 'buyer', organization: { id: manager.user.organization.id } });
    const list = (await members(manager)).json().items;
    expect(list).toHaveLength(2);
    expect(list[1]).toMatchObject({ email, orgRole: 'member', signatory: false });
    expect(await maySignFor(t.ctx, joined.json().user.id, manager.user.organization.id)).toBe(false);
    // Single use, and no longer pending.
    expect((await join(`${unique('again')}@example.com`, tokenOf(body.acceptUrl))).statusCode).toBe(400);
  });

  it('refuses a role the organization kind does not allow, and a second use or an expired token', async () => {
    const manager = await registerUser(t, 'seller');
    const bad = await invite(manager, { email: `${unique('b')}@example.com`, role: 'broker' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('VALIDATION_FAILED');

    const email = `${unique('late')}@example.com`;
    const late = (await invite(manager, { email, role: 'seller' })).json();
    t.clock.advanceDays(7);
    const res = await join(email, tokenOf(late.acceptUrl));
    t.clock.advanceDays(-7);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('body.invitationToken');
    expect(await t.ctx.db.select().from(users).where(eq(users.email, email))).toHaveLength(0);
  });

  it('joins only with the invited email; a revoked invitation cannot be used', async () => {
    const manager = await registerUser(t, 'seller');
    const email = `${unique('r')}@example.com`;
    const inv = (await invite(manager, { email, role: 'seller' })).json();
    expect((await join(`${unique('other')}@example.com`, tokenOf(inv.acceptUrl))).statusCode).toBe(400);
    const del = await t.request({
      method: 'DELETE',
      url: `/api/organizations/${manager.user.organization.id}/invitations/${inv.id}`,
      token: manager.accessToken,
    });
    expect(del.statusCode).toBe(204);
    expect((await join(email, tokenOf(inv.acceptUrl))).statusCode).toBe(400);
  });

  it('lets only managers invite and change members; outsiders are told 404', async () => {
    const { manager, member } = await team();
    const outsider = await registerUser(t, 'seller');
    expect((await invite(member, { email: `${unique('x')}@example.com`, role: 'seller' })).statusCode).toBe(403);
    expect((await patchMember(member, member.user.id, { signatory: true })).statusCode).toBe(403);
    expect((await members(outsider, manager.user.organization.id)).statusCode).toBe(404);
    expect(
      (await invite(outsider, { email: 'x@example.com', role: 'seller' }, manager.user.organization.id)).statusCode,
    ).toBe(404);
    const admin = await adminSession(t);
    expect((await members(admin, manager.user.organization.id)).json().items).toHaveLength(2);
  });

  it('changes orgRole and signatory, and always keeps one manager', async () => {
    const { manager, member } = await team();
    const last = await patchMember(manager, manager.user.id, { orgRole: 'member' });
    expect(last.statusCode).toBe(409);
    expect(last.json().code).toBe('CONFLICT');
    const up = await patchMember(manager, member.user.id, { orgRole: 'manager', signatory: true });
    expect(up.statusCode).toBe(200);
    expect(up.json()).toMatchObject({ orgRole: 'manager', signatory: true });
    expect(await maySignFor(t.ctx, member.user.id, manager.user.organization.id)).toBe(true);
    expect((await patchMember(manager, manager.user.id, { orgRole: 'member' })).statusCode).toBe(200);
    // Now the former member is the only manager; removing them is refused.
    const rm = await t.request({
      method: 'DELETE',
      url: `/api/organizations/${manager.user.organization.id}/members/${member.user.id}`,
      token: member.accessToken,
    });
    expect(rm.statusCode).toBe(409);
  });

  it('removes a member: their sessions end, they cannot log in, and the list no longer shows them', async () => {
    const { manager, member } = await team();
    const rm = await t.request({
      method: 'DELETE',
      url: `/api/organizations/${manager.user.organization.id}/members/${member.user.id}`,
      token: manager.accessToken,
    });
    expect(rm.statusCode).toBe(204);
    const refresh = await t.request({
      method: 'POST',
      url: '/api/auth/refresh',
      payload: { refreshToken: member.refreshToken },
    });
    expect(refresh.statusCode).toBe(401);
    const [row] = await t.ctx.db.select().from(users).where(eq(users.id, member.user.id));
    const login = await t.request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: row.email, password: PASSWORD },
    });
    expect(login.statusCode).toBe(401);
    expect((await members(manager)).json().items.map((m: { userId: string }) => m.userId)).toEqual([manager.user.id]);
    expect(await maySignFor(t.ctx, member.user.id, manager.user.organization.id)).toBe(false);
  });

  it('registering without an invitation still needs role and organization', async () => {
    const res = await t.request({
      method: 'POST',
      url: '/api/auth/register',
      payload: { email: `${unique('n')}@example.com`, password: PASSWORD, name: 'No org' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual(['body.role', 'body.organization']);
  });
});
