import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { outbox, passwordResets } from '../../../src/db/schema/index.js';
import { notify } from '../../../src/notifications/service.js';
import { pendingOutbox, relayOutbox } from '../../../src/platform/outbox.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { PASSWORD, registerUser, unique, type Session } from '../../helpers/factories.js';
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

const emailOf = async (s: Session) =>
  (await t.request({ method: 'GET', url: '/api/me', token: s.accessToken })).json().email as string;
const askReset = (email: string) => t.request({ method: 'POST', url: '/api/auth/password-reset', payload: { email } });
const confirm = (token: string, password: string) =>
  t.request({ method: 'POST', url: '/api/auth/password-reset/confirm', payload: { token, password } });
// The relay retries after a backoff measured on the database's clock: make the waiting rows due now.
const makeDue = () =>
  t.ctx.db
    .update(outbox)
    .set({ availableAt: sql`now()` })
    .where(sql`delivered_at is null`);

describe('password reset', () => {
  it('answers 202 for known and unknown emails alike; only the account holder gets a link', async () => {
    const s = await registerUser(t, 'buyer');
    const email = await emailOf(s);
    const stranger = `${unique('nobody')}@example.com`;
    const known = await askReset(email);
    const unknown = await askReset(stranger);
    expect([known.statusCode, unknown.statusCode]).toEqual([202, 202]);
    expect(known.body).toBe(unknown.body);
    await relayOutbox(t.ctx);
    expect(smtp.to(stranger)).toHaveLength(0);
    const [mail] = smtp.to(email);
    expect(mail.subject).toBe('重置您的密码');
    const token = tokenOf(linkIn(mail, '/password-reset/confirm'));
    const [row] = await t.ctx.db.select().from(passwordResets).where(eq(passwordResets.userId, s.user.id));
    expect(JSON.stringify(row)).not.toContain(token);
  });

  it('sets the new password once, ends every session, and the link then fails', async () => {
    const s = await registerUser(t, 'seller');
    const email = await emailOf(s);
    await askReset(email);
    await relayOutbox(t.ctx);
    const token = tokenOf(linkIn(smtp.to(email)[0], '/password-reset/confirm'));
    expect((await confirm(token, 'short')).statusCode).toBe(400);
    const ok = await confirm(token, 'new-password-2026');
    expect(ok.statusCode).toBe(204);
    const refresh = await t.request({
      method: 'POST',
      url: '/api/auth/refresh',
      payload: { refreshToken: s.refreshToken },
    });
    expect(refresh.statusCode).toBe(401);
    const login = (password: string) =>
      t.request({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
    expect((await login(PASSWORD)).statusCode).toBe(401);
    expect((await login('new-password-2026')).statusCode).toBe(200);
    const again = await confirm(token, 'another-password-2026');
    expect(again.statusCode).toBe(400);
    expect(again.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: 'body.token' }] });
  });

  it('expires the link after one hour', async () => {
    const s = await registerUser(t, 'seller');
    const email = await emailOf(s);
    await askReset(email);
    await relayOutbox(t.ctx);
    const token = tokenOf(linkIn(smtp.to(email)[0], '/password-reset/confirm'));
    t.clock.advance(60 * 60_000);
    const res = await confirm(token, 'new-password-2026');
    t.clock.advance(-60 * 60_000);
    expect(res.statusCode).toBe(400);
    expect(
      (await t.request({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken: s.refreshToken } }))
        .statusCode,
    ).toBe(200);
  });
});

describe('mail delivery', () => {
  it('loses nothing while the mail server is down: the outbox retries it later', async () => {
    const s = await registerUser(t, 'buyer');
    const email = await emailOf(s);
    await smtp.stop();
    await askReset(email);
    expect(await relayOutbox(t.ctx)).toMatchObject({ delivered: 0, failed: 1 });
    expect(await pendingOutbox(t.ctx.db)).toBe(1);
    await smtp.start();
    await makeDue();
    expect(await relayOutbox(t.ctx)).toMatchObject({ delivered: 1, failed: 0 });
    expect(smtp.to(email)).toHaveLength(1);
    expect(await pendingOutbox(t.ctx.db)).toBe(0);
  });

  it('mails a notice that needs action in the recipient language, with a link; turned off, it is not sent', async () => {
    const s = await registerUser(t, 'buyer');
    const email = await emailOf(s);
    const notice = (n: number) =>
      notify(
        t.ctx.db,
        { organizationId: s.user.organization.id },
        {
          kind: 'invoice.issued',
          title: '发票已开具',
          titleEn: 'An invoice was issued',
          link: '/invoices/inv_1',
          dedupeKey: `test:${unique('n')}:${n}`,
        },
      );
    const prefs = (payload: Record<string, unknown>) =>
      t.request({ method: 'PATCH', url: '/api/me/mail-preferences', token: s.accessToken, payload });
    expect((await prefs({ locale: 'en' })).json()).toEqual({
      locale: 'en',
      optional: { deals: true, invoices: true, reports: true },
    });
    await notice(1);
    await relayOutbox(t.ctx);
    await relayOutbox(t.ctx);
    const [mail] = smtp.to(email);
    expect(mail.subject).toBe('An invoice was issued');
    expect(mail.text).toContain('https://tte.example/invoices/inv_1');
    // A retried delivery of the same notification does not mail twice.
    expect(smtp.to(email)).toHaveLength(1);

    expect((await prefs({ optional: { invoices: false } })).json().optional.invoices).toBe(false);
    await notice(2);
    await relayOutbox(t.ctx);
    await relayOutbox(t.ctx);
    expect(smtp.to(email)).toHaveLength(1);
    expect((await prefs({ optional: { nonsense: true } })).statusCode).toBe(400);
  });

  it('writes .eml files under DATA_DIR/mail when no SMTP server is configured', async () => {
    const local = await buildTestApp();
    try {
      const s = await registerUser(local, 'seller');
      const email = `${unique('eml')}@example.com`;
      const res = await local.request({
        method: 'POST',
        url: `/api/organizations/${s.user.organization.id}/invitations`,
        token: s.accessToken,
        payload: { email, role: 'seller' },
      });
      expect(res.statusCode).toBe(201);
      await relayOutbox(local.ctx);
      const dir = join(local.config.DATA_DIR, 'mail');
      const files = readdirSync(dir).filter((f) => f.endsWith('.eml'));
      const mails = await Promise.all(files.map((f) => simpleParser(readFileSync(join(dir, f)))));
      const mail = mails.find((m) => JSON.stringify(m.to).includes(email))!;
      expect(mail.subject).toContain('邀请您加入');
      expect(mail.text).toContain(res.json().acceptUrl);
    } finally {
      await local.close();
    }
  });
});
