import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../src/seed/accounts.js';
import { CHROMIUM, hasChromium, openBrowser, type Person } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';
import { hidden, visible } from './support/wait.js';

// Issue #22: the signed-in header must fit on a laptop (1366 px) and a phone (390 px). Every header item is
// measured in the browser: inside the viewport, not cut (scrollWidth <= clientWidth), and what did not fit in
// the row is reachable, by keyboard, through the "更多" menu.

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 390, height: 844 },
];
const PUBLIC = ['成果', '需求大厅', '政策', '成果包', '公示', '挂牌', '案例', '统计'];
// Each role's header, in order: home, the role's own work, then the public pages.
const ROLES = [
  { account: DEMO_ACCOUNTS.admin, nav: ['首页', '管理后台', '我的交易', '发票', ...PUBLIC] },
  { account: DEMO_ACCOUNTS.shzu, nav: ['首页', '我的成果', '我的交易', '发票', '半年报', ...PUBLIC] },
  { account: DEMO_ACCOUNTS.oasis, nav: ['首页', '我的交易', '发票', '订阅检索', '半年报', ...PUBLIC] },
  { account: DEMO_ACCOUNTS.ttc, nav: ['首页', '经纪业务', '发票', '半年报', ...PUBLIC] },
];

if (!hasChromium) {
  if (process.env.CI) throw new Error(`e2e: chromium not found at ${CHROMIUM}; CI requires it`);
  console.warn(`e2e: chromium not found at ${CHROMIUM} — browser tests did NOT run`);
}

interface Measured {
  viewport: number;
  pageScroll: number;
  nav: { scroll: number; client: number };
  /** Every visible link, button and label in the header, with its box and whether its text is cut. */
  items: { text: string; left: number; right: number; cut: boolean }[];
  row: string[];
  more: string[];
}

// Runs in the page (a script string: the test's TypeScript has no DOM types).
const MEASURE = `(() => {
  const header = document.querySelector('.site-header');
  const nav = header.querySelector('nav');
  const shown = (el) => el.getClientRects().length > 0;
  const items = [...header.querySelectorAll('a, button, .role-badge, .bell-count')].filter(shown).map((el) => {
    const r = el.getBoundingClientRect();
    return {
      text: (el.textContent || '').trim() || el.getAttribute('aria-label') || el.tagName,
      left: r.left,
      right: r.right,
      // The bell's count sits on its corner on purpose; the count itself is checked to be on screen.
      cut: !el.classList.contains('bell') && el.scrollWidth > el.clientWidth + 0.5,
    };
  });
  const labels = (sel) => [...nav.querySelectorAll(sel)].map((a) => (a.textContent || '').trim());
  return {
    viewport: window.innerWidth,
    pageScroll: document.documentElement.scrollWidth,
    nav: { scroll: nav.scrollWidth, client: nav.clientWidth },
    items,
    row: labels(':scope > ul > li > a'),
    more: labels('.nav-more-list a'),
  };
})()`;
const measure = (page: Page) => page.evaluate<Measured>(MEASURE);
const focused = (page: Page, attr: 'text' | 'aria-expanded') =>
  page.evaluate<string | null>(
    attr === 'text'
      ? `document.activeElement?.textContent?.trim() ?? null`
      : `document.activeElement?.getAttribute('aria-expanded') ?? null`,
  );

describe.skipIf(!hasChromium)('the header at a laptop and a phone width', () => {
  let server: RunningServer;
  let person: Person;

  beforeAll(async () => {
    server = await startServer(ROOT, { SEED_DEMO: 'true' });
    person = await openBrowser('header', server.url);
  });
  afterAll(async () => {
    await person?.close();
    await server?.stop();
  });

  for (const { account, nav: expected } of ROLES) {
    it(`fits for the ${account.role} at 1366 and 390 px, the rest reachable through the menu`, async () => {
      const { page } = person;
      await signIn(page, account.email);

      for (const viewport of VIEWPORTS) {
        await page.setViewportSize(viewport);
        await page.goto('/');
        await visible(page.locator('.account-name'));
        await page.evaluate('document.fonts.ready.then(() => true)');
        const m = await measure(page);
        const where = `${account.role} at ${viewport.width}px`;
        expect(m.pageScroll, `${where}: the page scrolls sideways`).toBeLessThanOrEqual(m.viewport);
        expect(m.nav.scroll, `${where}: the nav is cut`).toBeLessThanOrEqual(m.nav.client);
        for (const item of m.items) {
          expect(item.left, `${where}: "${item.text}" starts off screen`).toBeGreaterThanOrEqual(0);
          expect(item.right, `${where}: "${item.text}" ends off screen`).toBeLessThanOrEqual(m.viewport);
          expect(item.cut, `${where}: "${item.text}" is cut`).toBe(false);
        }
        expect([...m.row, ...m.more], `${where}: every item in the row or the menu, in order`).toEqual(expected);
        if (account.role === 'admin' && viewport.width === 390) expect(m.more.length).toBeGreaterThan(0);
        if (m.more.length) await walkTheMenu(page, m.more, where);
      }
      await page.setViewportSize({ width: 1280, height: 900 });
    });
  }

  // The payment advice's buttons (issue #22's smaller items): side by side with a gap, not glued together.
  it('spaces the payment advice actions apart for the payee at both widths', async () => {
    const { page } = person;
    await signIn(page, DEMO_ACCOUNTS.taru.email);
    for (const viewport of VIEWPORTS) {
      await page.setViewportSize(viewport);
      await page.goto('/invoices');
      const confirm = page.getByRole('button', { name: '确认到账' }).first();
      await visible(confirm);
      const dispute = confirm.locator('xpath=following-sibling::button[1]');
      expect(await dispute.textContent()).toBe('提出异议');
      // On a phone the advice table scrolls sideways inside its frame; the page itself does not.
      await dispute.scrollIntoViewIfNeeded();
      const pageWidth = await page.evaluate<number>('document.documentElement.scrollWidth');
      expect(pageWidth, `at ${viewport.width}px: the page scrolls sideways`).toBeLessThanOrEqual(viewport.width);
      const [a, b] = [(await confirm.boundingBox())!, (await dispute.boundingBox())!];
      const sameRow = Math.abs(a.y - b.y) < 1;
      const gap = sameRow ? b.x - (a.x + a.width) : b.y - (a.y + a.height);
      expect(gap, `at ${viewport.width}px: the gap between 确认到账 and 提出异议`).toBeGreaterThanOrEqual(6);
      expect(b.x + b.width, `at ${viewport.width}px: 提出异议 out of reach`).toBeLessThanOrEqual(viewport.width);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});

async function signIn(page: Page, email: string) {
  await page.goto('/login');
  await page.evaluate('localStorage.clear()');
  await page.goto('/login');
  await page.getByLabel('邮箱').fill(email);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** Opens "更多" by keyboard, checks each of its links is on screen, closes it with Escape, then follows one. */
async function walkTheMenu(page: Page, labels: string[], where: string) {
  const nav = page.getByRole('navigation', { name: '主导航' });
  const toggle = nav.getByRole('button', { name: '更多' });
  await toggle.focus();
  await page.keyboard.press('Enter');
  expect(await toggle.getAttribute('aria-expanded')).toBe('true');
  const viewport = page.viewportSize()!;
  for (const label of labels) {
    const link = nav.getByRole('link', { name: label, exact: true });
    await visible(link);
    const box = (await link.boundingBox())!;
    expect(box.x, `${where}: "${label}" in the menu`).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, `${where}: "${label}" in the menu`).toBeLessThanOrEqual(viewport.width);
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
  }
  await page.keyboard.press('Tab');
  expect(await focused(page, 'text')).toBe(labels[0]);
  await page.keyboard.press('Escape');
  expect(await toggle.getAttribute('aria-expanded')).toBe('false');
  expect(await focused(page, 'aria-expanded')).toBe('false');

  await toggle.click();
  const last = labels[labels.length - 1];
  await nav.getByRole('link', { name: last, exact: true }).click();
  await page.waitForURL((url) => url.pathname !== '/');
  await hidden(nav.locator('.nav-more-list'));
}
