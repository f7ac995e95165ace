import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DEMANDS, DEMO_LISTINGS } from '../../src/seed/listings-data.js';
import { DEMO_ANSWERS } from '../../src/seed/listings.js';
import { DEMO_PASSWORD } from '../../src/seed/accounts.js';
import { CHROMIUM, hasChromium, openBrowser, type Person } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';
import { containsText, visible } from './support/wait.js';

// What a visitor who has not logged in can read, on the demo data: the success stories, the statistics, a
// policy's text and the demand board (需求大厅); then the enterprise that posted a demand reads its answer.

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');

if (!hasChromium) {
  if (process.env.CI) throw new Error(`e2e: chromium not found at ${CHROMIUM}; CI requires it`);
  console.warn(`e2e: chromium not found at ${CHROMIUM} — browser tests did NOT run`);
}

describe.skipIf(!hasChromium)('public pages, anonymously', () => {
  let server: RunningServer;
  let visitor: Person;

  beforeAll(async () => {
    server = await startServer(ROOT, { SEED_DEMO: 'true' });
    visitor = await openBrowser('public-visitor', server.url);
  });
  afterAll(async () => {
    await visitor?.close();
    await server?.stop();
  });

  it('reads the cases, a case, the statistics and a policy text from the header', async () => {
    const { page } = visitor;
    await page.goto('/');
    const nav = page.getByRole('navigation', { name: '主导航' });
    await nav.getByRole('link', { name: '案例' }).click();
    await page.waitForURL('**/cases');
    const caseLink = page.getByRole('link', { name: '新陆早系列棉花新品种普通许可北疆推广' });
    await visible(caseLink);
    await caseLink.click();
    await page.waitForURL(/\/cases\/cas_/);
    await containsText(page.locator('h1'), '新陆早系列棉花新品种普通许可北疆推广');
    await containsText(page.locator('.long-text'), '许可期 36 个月');

    await nav.getByRole('link', { name: '统计' }).click();
    await page.waitForURL('**/statistics');
    const published = page.locator('.figure-tile', { hasText: '已发布成果' }).locator('dd');
    await visible(published);
    const approved = DEMO_LISTINGS.filter((l) => l.review === 'approve').length;
    expect(Number(await published.textContent())).toBe(approved);
    const chart = page.getByRole('figure', { name: '已发布成果的领域分布' });
    await visible(chart.locator('svg rect.svg-bar'));
    expect(await chart.locator('svg rect.svg-bar').count()).toBeGreaterThan(1);

    await nav.getByRole('link', { name: '政策' }).click();
    await page.waitForURL('**/policies');
    const policy = page.getByRole('link', { name: '中华人民共和国促进科技成果转化法（2015年修正）' });
    await visible(policy);
    await policy.click();
    await page.waitForURL(/\/policies\/pol_/);
    await containsText(page.locator('h1'), '促进科技成果转化法');
    await containsText(page.locator('.article-no').first(), '第十一条');
    await containsText(page.locator('.long-text'), '协议定价');
  });

  it('browses and filters the demand board without an account; the poster then reads the answer', async () => {
    const { page } = visitor;
    await page.goto('/');
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '需求大厅' }).click();
    await page.waitForURL('**/demands');
    for (const d of DEMO_DEMANDS) await visible(page.getByRole('link', { name: d.title }));
    await visible(page.getByRole('link', { name: '登录需求方账号后即可发布技术需求。' }));

    const filters = page.getByRole('search');
    await filters.getByLabel('地区').fill('石河子');
    await filters.getByRole('button', { name: '筛选' }).click();
    await page.waitForURL(/region=/);
    await visible(page.getByRole('link', { name: DEMO_DEMANDS[0].title }));
    await page.getByRole('link', { name: DEMO_DEMANDS[1].title }).waitFor({ state: 'detached' });

    await page.getByRole('link', { name: DEMO_DEMANDS[0].title }).click();
    await page.waitForURL(/\/demands\/dmd_/);
    await containsText(page.locator('h1'), DEMO_DEMANDS[0].title);
    await containsText(page.locator('.prose').first(), '8 万亩棉田');
    await visible(page.getByRole('link', { name: '登录成果方或经纪人账号后，可以用成果应答此需求。' }));
    const demandPath = new URL(page.url()).pathname;

    await page.goto(`/login?next=${encodeURIComponent(demandPath)}`);
    await page.getByLabel('邮箱').fill('buyer@oasis.demo');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(`**${demandPath}`);
    const answers = page.getByRole('region', { name: '收到的应答' });
    await visible(answers);
    await containsText(answers, DEMO_ANSWERS[0].message);
    await containsText(answers, DEMO_LISTINGS[DEMO_ANSWERS[0].listing].title);
  });
});
