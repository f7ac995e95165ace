import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, hasChromium, openBrowser, type Person } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';
import { confirmIn, containsText, hasText, visible } from './support/wait.js';

// Listed trading (挂牌) and online bidding (网络竞价) through the browser: a university lists a published result,
// two enterprises register as intended buyers, the seller records both deposits, the listing period ends, both
// bid live (each page sees the other's bid arrive without a reload), the round ends and the winner finds the
// deal in contracting and downloads the 成交确认书. The listing period and the round are passed on the server's
// clock (support/clocked-main.ts), never by sleeping.

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const TITLE = '棉花打顶机器人视觉识别技术';
const PASSWORD = 'Cotton2026topping';
const DAY = 86_400_000;

if (!hasChromium) {
  if (process.env.CI) throw new Error(`e2e: chromium not found at ${CHROMIUM}; CI requires it`);
  console.warn(`e2e: chromium not found at ${CHROMIUM} — browser tests did NOT run`);
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

const bidRows = (page: Page) => page.locator('.offering-bids tbody tr');

describe.skipIf(!hasChromium)('an offering from listing to the winning deal, through the UI', () => {
  let server: RunningServer;
  let seller: Person;
  let admin: Person;
  let buyerA: Person;
  let buyerB: Person;
  let offeringUrl = '';

  beforeAll(async () => {
    server = await startServer(ROOT, {}, { clocked: true });
    [seller, admin, buyerA, buyerB] = await Promise.all([
      openBrowser('offer-seller', server.url),
      openBrowser('offer-admin', server.url),
      openBrowser('offer-buyer-a', server.url),
      openBrowser('offer-buyer-b', server.url),
    ]);
  });
  afterAll(async () => {
    await Promise.all([seller, admin, buyerA, buyerB].filter(Boolean).map((p) => p.close()));
    await server?.stop();
  });

  it('a university publishes a result and lists it for trading from its workspace', async () => {
    const { page } = seller;
    await register(page, {
      email: 'tto.offer@example.edu.cn',
      name: '李华',
      role: 'seller',
      org: '石河子大学',
      orgType: 'university',
    });
    await page.goto('/seller/listings/new');
    await page.getByLabel('成果名称').fill(TITLE);
    await page
      .getByLabel('成果简介')
      .fill('基于深度学习的棉花顶尖识别与定位，配合机械臂完成自动打顶，识别准确率 95% 以上。');
    await page.getByLabel('重点领域').selectOption('modern_agriculture');
    await page.getByLabel('技术成熟度').selectOption('6');
    await page.getByLabel('专利号').fill('ZL202110654321.0');
    await page.getByRole('group', { name: '转化方式' }).getByRole('checkbox', { name: '技术许可' }).check();
    await page.getByRole('button', { name: '保存并提交审核' }).click();
    await page.waitForURL('**/seller');

    await admin.page.goto('/login');
    await admin.page.getByLabel('邮箱').fill(server.admin.email);
    await admin.page.getByLabel('密码').fill(server.admin.password);
    await admin.page.getByRole('button', { name: '登录' }).click();
    await admin.page.waitForURL('**/admin/review');
    const item = admin.page.locator('article', { has: admin.page.getByRole('link', { name: TITLE }) });
    await item.getByRole('button', { name: '通过并发布' }).click();
    await visible(admin.page.getByText(new RegExp(`“${TITLE}”已发布`)));

    await page.reload();
    const row = page.locator('article', { has: page.getByRole('link', { name: TITLE }) });
    await row.getByRole('link', { name: '挂牌交易' }).click();
    await page.waitForURL(/\/seller\/offerings\/new\?listingId=/);
    const form = page.getByRole('form', { name: '挂牌交易' });
    await form.getByLabel('许可方式').selectOption('exclusive');
    await form.getByLabel('许可地域').fill('新疆维吾尔自治区');
    await form.getByLabel('许可使用领域').fill('棉花自动打顶');
    await form.getByLabel('许可期限（月）').fill('60');
    await form.getByLabel('挂牌底价（元）').fill('500,000');
    await form.getByLabel('评估报告或询价文件编号').fill('新评报字〔2026〕第 18 号');
    await form.getByLabel('挂牌期（日）').fill('10');
    await form.getByLabel('保证金（元）').fill('50,000');
    await form.getByLabel('加价幅度（元）').fill('10,000');
    await form.getByRole('button', { name: '发布挂牌' }).click();
    await page.waitForURL(/^[^?]*\/offerings\/of_[^/?]+$/);
    offeringUrl = new URL(page.url()).pathname;
    await visible(page.getByText('挂牌中').first());
    await visible(page.getByText('¥500,000.00').first());
  });

  it('two enterprises find it on the public list and register as intended buyers', async () => {
    for (const [person, email, org] of [
      [buyerA, 'a.offer@example.cn', '新疆棉机科技有限公司'],
      [buyerB, 'b.offer@example.cn', '兵团智能农机有限公司'],
    ] as const) {
      const { page } = person;
      await register(page, { email, name: org.slice(0, 2), role: 'buyer', org, orgType: 'enterprise' });
      await page.goto('/offerings');
      await page.getByRole('link', { name: TITLE }).click();
      await page.waitForURL(`**${offeringUrl}`);
      await page.getByRole('button', { name: '意向受让方登记' }).click();
      await containsText(page.getByRole('dialog'), '须向成果方线下交纳保证金 ¥50,000.00');
      await confirmIn(page);
      await visible(page.getByText('保证金待成果方确认收到'));
    }
  });

  it('the seller sees both by name and records their deposits', async () => {
    const { page } = seller;
    await page.goto(offeringUrl);
    const section = page.locator('section', { has: page.getByRole('heading', { name: '意向受让方及保证金' }) });
    for (const [org, ref] of [
      ['新疆棉机科技有限公司', 'HD-2026-001'],
      ['兵团智能农机有限公司', 'HD-2026-002'],
    ]) {
      const row = section.locator('tr', { hasText: org });
      await row.getByRole('button', { name: '登记保证金到账' }).click();
      await row.getByLabel('到账凭证号').fill(ref);
      await row.getByRole('button', { name: '保存' }).click();
      await containsText(row, ref);
    }
  });

  it('the listing period ends and both bid live, each seeing the other’s bid without a reload', async () => {
    await server.advanceClock(10 * DAY + 60_000);
    for (const { page } of [buyerA, buyerB]) {
      await page.goto(offeringUrl);
      await visible(page.getByText('竞价中').first());
      await visible(page.getByText('距竞价结束'));
    }
    // A bids the base price, prefilled; B's page shows it by polling.
    await buyerA.page.getByRole('button', { name: '出价' }).click();
    await confirmIn(buyerA.page);
    await visible(buyerA.page.getByText('出价已提交：¥500,000.00'));
    await containsText(bidRows(buyerB.page).first(), '¥500,000.00');
    await containsText(bidRows(buyerB.page).first(), '竞买人 1');

    // B's field has followed the new minimum; B bids above it and A's page shows it.
    const amount = buyerB.page.getByLabel('出价金额（元）');
    expect(await amount.inputValue()).toBe('510000.00');
    await amount.fill('520,000');
    await buyerB.page.getByRole('button', { name: '出价' }).click();
    await confirmIn(buyerB.page);
    await containsText(bidRows(buyerA.page).first(), '¥520,000.00');
    await containsText(bidRows(buyerA.page).first(), '竞买人 2');
    expect(await bidRows(buyerA.page).count()).toBe(2);
    await hasText(buyerA.page.locator('.offering-best'), '¥520,000.00');
  });

  it('the round ends: the winner sees the result, downloads the confirmation and finds the deal in contracting', async () => {
    await server.advanceClock(DAY);
    const { page } = buyerB;
    const result = page.locator('section', { has: page.getByRole('heading', { name: '成交公告' }) });
    await containsText(result, '成交价 ¥520,000.00');
    await containsText(result, '兵团智能农机有限公司');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      result.getByRole('button', { name: '下载成交确认书' }).click(),
    ]);
    const dir = mkdtempSync(join(tmpdir(), 'tte-e2e-confirmation-'));
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    rmSync(dir, { recursive: true, force: true });

    await result.getByRole('link', { name: '进入交易' }).click();
    await page.waitForURL(/\/deals\/dl_/);
    await hasText(page.locator('.deal-state strong'), '签署合同');
    await visible(page.getByText('¥520,000.00').first());

    // The losing bidder's deposit is marked for refund, and no confirmation is offered.
    await buyerA.page.reload();
    await visible(buyerA.page.getByText('保证金应予退还'));
    expect(await buyerA.page.getByRole('button', { name: '下载成交确认书' }).count()).toBe(0);
  });
});
