import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkIn, startSmtp, type TestSmtp } from '../helpers/smtp.js';
import { CHROMIUM, hasChromium, openBrowser, type Person } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';
import { containsText, visible } from './support/wait.js';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// An organization as a team, through the browser and a real mail server: a university's manager invites a
// colleague, the colleague accepts from the mailed link and both see each other on the members page (in
// Chinese and in English); then the colleague forgets the password and resets it from the mailed link.

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const PASSWORD = 'Team2026members';
const MANAGER = 'manager.e2e@example.edu.cn';
const COLLEAGUE = 'colleague.e2e@example.edu.cn';

if (!hasChromium) {
  if (process.env.CI) throw new Error(`e2e: chromium not found at ${CHROMIUM}; CI requires it`);
  console.warn(`e2e: chromium not found at ${CHROMIUM} — browser tests did NOT run`);
}

/** The mail the server's worker sends to `email` (the outbox relays it within a few seconds). */
async function mailTo(smtp: TestSmtp, email: string, count = 1): Promise<ParsedMail> {
  const deadline = Date.now() + 30_000;
  while (smtp.to(email).length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  const mails = smtp.to(email);
  expect(mails.length, `mail to ${email}`).toBeGreaterThanOrEqual(count);
  return mails[count - 1];
}
/** The app path of a mailed link (the mail names APP_URL; the test's server has its own port). */
const pathOf = (link: string) => {
  const u = new URL(link);
  return u.pathname + u.search;
};

describe.skipIf(!hasChromium)('organizations as teams, through the UI', () => {
  let smtp: TestSmtp;
  let server: RunningServer;
  let manager: Person;
  let colleague: Person;

  beforeAll(async () => {
    smtp = await startSmtp();
    server = await startServer(ROOT, { SMTP_URL: smtp.url });
    [manager, colleague] = await Promise.all([
      openBrowser('manager', server.url),
      openBrowser('colleague', server.url),
    ]);
  });
  afterAll(async () => {
    await Promise.all([manager, colleague].filter(Boolean).map((p) => p.close()));
    await server?.stop();
    await smtp?.stop();
  });

  it('a manager invites a colleague, who accepts from the mailed link and appears among the members', async () => {
    const { page } = manager;
    await page.goto('/register');
    await page.getByLabel('邮箱').fill(MANAGER);
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByLabel('姓名').fill('韩主任');
    await page.getByLabel('身份').selectOption('seller');
    await page.getByLabel('单位名称').fill('塔里木大学');
    await page.getByLabel('单位类型').selectOption('university');
    await page.getByRole('button', { name: '注册' }).click();
    await page.waitForURL('**/profile');
    await page.getByRole('link', { name: '单位成员' }).click();
    await page.waitForURL('**/organization');
    await containsText(page.locator(`[data-member="${MANAGER}"]`), '管理员');

    await page.getByLabel('被邀请人邮箱').fill(COLLEAGUE);
    await page.getByRole('button', { name: '发送邀请' }).click();
    await visible(page.locator(`[data-invitation="${COLLEAGUE}"]`));

    const mail = await mailTo(smtp, COLLEAGUE);
    expect(mail.subject).toContain('塔里木大学');
    const c = colleague.page;
    await c.goto(pathOf(linkIn(mail, '/invitations/accept')));
    await c.getByLabel('邮箱').fill(COLLEAGUE);
    await c.getByLabel('姓名').fill('古丽');
    await c.getByLabel('密码').fill(PASSWORD);
    await c.getByRole('button', { name: '加入单位' }).click();
    await c.waitForURL('**/organization');
    await containsText(c.locator(`[data-member="${MANAGER}"]`), '韩主任');
    await containsText(c.locator(`[data-member="${COLLEAGUE}"]`), '成员');
    await containsText(c.locator('main'), '只有单位管理员可以邀请或管理成员');

    await page.reload();
    await containsText(page.locator(`[data-member="${COLLEAGUE}"]`), '古丽');
    expect(await page.locator(`[data-invitation="${COLLEAGUE}"]`).count()).toBe(0);
    // The same page in English.
    await page.getByRole('button', { name: '切换为英文界面' }).click();
    await containsText(page.locator('h1'), 'Members');
    await containsText(page.locator(`[data-member="${COLLEAGUE}"]`), 'Member');
  });

  it('the colleague resets a forgotten password from the mailed link and signs in with the new one', async () => {
    const c = colleague.page;
    await c.context().clearCookies();
    await c.evaluate('window.localStorage.clear()');
    await c.goto('/login');
    await c.getByRole('link', { name: '忘记密码？' }).click();
    await c.waitForURL('**/password-reset');
    await c.getByLabel('邮箱').fill(COLLEAGUE);
    await c.getByRole('button', { name: '发送重置链接' }).click();
    await containsText(c.locator('[role="status"]'), '如果该邮箱已注册');

    const mail = await mailTo(smtp, COLLEAGUE, 2);
    expect(mail.subject).toBe('重置您的密码');
    await c.goto(pathOf(linkIn(mail, '/password-reset/confirm')));
    await c.getByLabel('新密码').fill('Reset2026password');
    await c.getByRole('button', { name: '保存新密码' }).click();
    await containsText(c.locator('[role="status"]'), '密码已更新');

    await c.getByRole('link', { name: '去登录' }).click();
    await c.getByLabel('邮箱').fill(COLLEAGUE);
    await c.getByLabel('密码', { exact: true }).fill(PASSWORD);
    await c.getByRole('button', { name: '登录' }).click();
    await containsText(c.locator('[role="alert"]'), '邮箱或密码错误');
    await c.getByLabel('密码', { exact: true }).fill('Reset2026password');
    await c.getByRole('button', { name: '登录' }).click();
    await c.waitForURL((url) => !url.pathname.startsWith('/login'));
  });
});
