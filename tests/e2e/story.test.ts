import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, hasChromium, openBrowser, type Person } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';
import { confirmIn, containsText, hasText, hasValue, hidden, visible } from './support/wait.js';

// The whole market through the browser, as three people in three browsers: a company registers and
// publishes a technology, the bureau approves it, an enterprise finds it by a Chinese query, opens a licence
// deal, both sides negotiate with a counter-offer and sign, and the enterprise downloads the invoice PDF.

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const SHOTS = join(ROOT, 'tests/e2e/screenshots');

if (!hasChromium) {
  if (process.env.CI)
    throw new Error(`e2e: chromium not found at ${CHROMIUM}; CI requires it (apt-get install chromium fonts-noto-cjk)`);
  console.warn(`e2e: chromium not found at ${CHROMIUM} — browser tests did NOT run`);
}

const TITLE = '膜下滴灌水肥一体化智能控制系统';
const PASSWORD = 'Water2026saving';

async function shot(page: Page, name: string) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

async function register(
  page: Page,
  who: { email: string; name: string; role: 'seller' | 'buyer'; org: string; orgType: string },
) {
  await page.goto('/register');
  await page.getByLabel('邮箱').fill(who.email);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByLabel('姓名').fill(who.name);
  await page.getByLabel('身份').selectOption(who.role);
  await page.getByLabel('单位名称').fill(who.org);
  await page.getByLabel('单位类型').selectOption(who.orgType);
  await page.getByRole('button', { name: '注册' }).click();
  await page.waitForURL('**/profile');
}

/** The deal room's state line, after the page settled. */
const dealState = (page: Page) => page.locator('.deal-state strong');

describe.skipIf(!hasChromium)('a licence from registration to invoice, through the UI', () => {
  let server: RunningServer;
  let seller: Person;
  let admin: Person;
  let buyer: Person;
  let dealUrl = '';

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startServer(ROOT);
    [seller, admin, buyer] = await Promise.all([
      openBrowser('seller', server.url),
      openBrowser('admin', server.url),
      openBrowser('buyer', server.url),
    ]);
  });

  afterAll(async () => {
    await Promise.all([seller, admin, buyer].filter(Boolean).map((p) => p.close()));
    await server?.stop();
  });

  // An enterprise seller: a public institution's agreed price goes through a public notice of at least 15 days
  // (tests/e2e/notices.test.ts follows that route), which a browser story on a real clock cannot wait out.
  it('a company registers and submits a technology with the registration form', async () => {
    const { page } = seller;
    await register(page, {
      email: 'tto.e2e@example.edu.cn',
      name: '王强',
      role: 'seller',
      org: '石河子节水科技有限公司',
      orgType: 'enterprise',
    });
    await page.goto('/seller/listings/new');
    await page.getByLabel('成果名称').fill(TITLE);
    await page
      .getByLabel('成果简介')
      .fill('面向棉花种植的膜下滴灌与水肥一体化智能控制技术，按土壤墒情自动灌溉施肥，节水 30% 以上。');
    await page.getByLabel('关键词（选填）').fill('滴灌，水肥一体化，棉花');
    await page.getByLabel('重点领域').selectOption('modern_agriculture');
    await page.getByLabel('技术成熟度').selectOption('7');
    await page.getByLabel('专利号').fill('ZL201910123456.7');
    const dealTypes = page.getByRole('group', { name: '转化方式' });
    await dealTypes.getByRole('checkbox', { name: '技术许可' }).check();
    await dealTypes.getByRole('checkbox', { name: '技术转让' }).check();
    await page.getByLabel('意向价格（元，选填）').fill('800,000');
    await page.getByRole('button', { name: '保存并提交审核' }).click();
    await page.waitForURL('**/seller');
    const row = page.locator('article', { has: page.getByRole('link', { name: TITLE }) });
    await visible(row.getByText('待审核'));
    await visible(row.getByText('¥800,000.00'));
    await shot(page, 'seller-listings');
  });

  it('the bureau approves it from the review queue', async () => {
    const { page } = admin;
    await page.goto('/login');
    await page.getByLabel('邮箱').fill(server.admin.email);
    await page.getByLabel('密码').fill(server.admin.password);
    await page.getByRole('button', { name: '登录' }).click();
    // A login lands on the user's work: the bureau's review queue.
    await page.waitForURL('**/admin/review');
    const item = page.locator('article', { has: page.getByRole('link', { name: TITLE }) });
    await visible(item);
    await shot(page, 'admin-review-queue');
    await item.getByRole('button', { name: '通过并发布' }).click();
    await visible(page.getByText(new RegExp(`“${TITLE}”已发布，登记号 \\S+`)));
  });

  it('an enterprise finds it with a Chinese query and opens a licence deal', async () => {
    const { page } = buyer;
    await register(page, {
      email: 'buyer.e2e@example.cn',
      name: '赵敏',
      role: 'buyer',
      org: '新疆节水农业科技有限公司',
      orgType: 'enterprise',
    });
    await page.goto('/');
    await shot(page, 'home');
    await page.getByLabel('搜索科技成果').fill('滴灌');
    await page.getByRole('button', { name: '搜索' }).click();
    await page.waitForURL(/\/search\?q=/);
    // Publication reaches the search index through the outbox, a moment after the approval.
    const hit = page.getByRole('link', { name: TITLE });
    for (let i = 0; i < 30 && !(await hit.isVisible()); i++) {
      await page.waitForTimeout(1000);
      await page.reload();
      await page.locator('.result-list, .state-empty, .state-error').first().waitFor();
    }
    await visible(hit);
    await visible(page.locator('mark', { hasText: '滴灌' }).first());
    await shot(page, 'search-results');
    await hit.click();
    await visible(page.getByRole('heading', { level: 1, name: TITLE }));
    await shot(page, 'listing');
    await page.getByRole('radio', { name: '技术许可' }).check();
    await page.getByLabel('留言（选填）').fill('我公司希望在南疆棉区以普通许可方式实施该技术。');
    await page.getByRole('button', { name: '发起洽谈' }).click();
    await page.waitForURL(/\/deals\/dl_/);
    dealUrl = new URL(page.url()).pathname;
    await hasText(dealState(page), '洽谈请求');
    await visible(page.getByText('我公司希望在南疆棉区以普通许可方式实施该技术。'));
  });

  it('the seller accepts the inquiry', async () => {
    const { page } = seller;
    await page.goto('/deals');
    await page.getByRole('link', { name: TITLE }).click();
    await page.waitForURL(`**${dealUrl}`);
    await page.getByRole('button', { name: '接受洽谈' }).click();
    await hasText(dealState(page), '条款磋商');
  });

  it('the buyer proposes licence terms', async () => {
    const { page } = buyer;
    await page.goto(dealUrl);
    await page.getByRole('button', { name: '提出条款' }).click();
    const form = page.getByRole('form', { name: '交易条款' });
    await form.getByLabel('许可方式').selectOption('non_exclusive');
    await form.getByLabel('许可地域').fill('新疆维吾尔自治区');
    await form.getByLabel('许可使用领域').fill('棉花膜下滴灌');
    await form.getByLabel('许可期限（月）').fill('36');
    await form.getByLabel('入门费（元）').fill('100,000');
    await form.getByLabel('提成比例（%）').fill('3');
    await form.getByRole('button', { name: '提交条款' }).click();
    await hidden(form);
    await visible(page.getByRole('region', { name: '条款提议' }).locator('summary strong', { hasText: '#1' }));
    await containsText(page.getByRole('region', { name: '当前提议的条款' }), '¥100,000.00');
  });

  it('the seller counters with a higher fee, and both see the difference', async () => {
    const { page } = seller;
    await page.reload();
    await page.getByRole('button', { name: '提出新条款（还价）' }).click();
    const form = page.getByRole('form', { name: '交易条款' });
    await hasValue(form.getByLabel('入门费（元）'), '100,000.00');
    await form.getByLabel('入门费（元）').fill('120,000');
    await form.getByLabel('提成比例（%）').fill('4.5');
    await form.getByRole('button', { name: '提交条款' }).click();
    await hidden(form);
    await page.getByRole('button', { name: '比较' }).click();
    const diff = page.getByRole('table', { name: '提议 #1 与 #2 的差异' });
    await containsText(diff.getByRole('row', { name: /入门费/ }), '¥120,000.00');
    await containsText(diff.getByRole('row', { name: /提成比例/ }), '4.5%');
  });

  it('the buyer accepts the counter-offer and signs; the seller signs and the licence is in force', async () => {
    await buyer.page.reload();
    // Accepting and signing ask for confirmation in a dialog that shows the terms once more.
    await buyer.page.getByRole('button', { name: '接受条款' }).click();
    await confirmIn(buyer.page);
    await hasText(dealState(buyer.page), '签署合同');
    await buyer.page.getByRole('button', { name: '签署合同' }).click();
    await confirmIn(buyer.page);
    await hasText(dealState(buyer.page), '待成果方签署合同');

    await seller.page.reload();
    await seller.page.getByRole('button', { name: '签署合同' }).click();
    await confirmIn(seller.page);
    await hasText(dealState(seller.page), '许可履行中');
    await visible(seller.page.getByText('¥120,000.00').first());
  });

  it('the buyer downloads the upfront-fee invoice as a PDF', async () => {
    const { page } = buyer;
    await page.reload();
    await hasText(dealState(page), '许可履行中');
    const pdfButton = page.getByRole('button', { name: /^下载发票 INV-\d{4}-\d{6} 的 PDF$/ });
    await visible(pdfButton);
    await visible(page.locator('.invoice-card').getByText('¥120,000.00').first());
    await shot(page, 'deal-room');
    const [download] = await Promise.all([page.waitForEvent('download'), pdfButton.click()]);
    expect(download.suggestedFilename()).toMatch(/^INV-\d{4}-\d{6}\.pdf$/);
    const dir = mkdtempSync(join(tmpdir(), 'tte-e2e-download-'));
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(statSync(file).size).toBeGreaterThan(1000);
    rmSync(dir, { recursive: true, force: true });

    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await hasText(dealState(page), '许可履行中');
    await visible(pdfButton);
    await visible(page.locator('.timeline-item'));
    await shot(page, 'deal-room-phone');
  });

  it('the bureau sees the signed licence on its dashboard', async () => {
    const { page } = admin;
    await page.goto('/admin');
    await containsText(page.getByRole('figure', { name: '按转化方式统计的交易' }), '技术许可');
    // Platform statistics come from GET /api/stats: figures when the server has them, a quiet note when not.
    const stats = page.getByRole('region', { name: '平台统计' });
    await visible(stats.locator('.stat-tiles, .state-empty'));
    expect(await page.locator('.state-error').count()).toBe(0);
    await shot(page, 'admin-dashboard');
  });
});
