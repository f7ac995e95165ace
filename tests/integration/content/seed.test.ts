import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../../src/accounts/service.js';
import { seedContent } from '../../../src/seed/content.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccountKey } from '../../../src/seed/accounts.js';
import { seedDeals } from '../../../src/seed/deals.js';
import type { DemoUsers } from '../../../src/seed/accounts.js';
import { seedListings } from '../../../src/seed/listings.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';

let t: TestApp;
const get = (url: string) => t.request({ method: 'GET', url });

// The demo seed step, run the way src/seed/demo.ts runs its steps: accounts, listings, deals, then this step.
beforeAll(async () => {
  t = await buildTestApp();
  const users = {} as DemoUsers;
  await t.ctx.db.transaction(async (tx) => {
    for (const [key, account] of Object.entries(DEMO_ACCOUNTS) as [
      DemoAccountKey,
      (typeof DEMO_ACCOUNTS)[DemoAccountKey],
    ][]) {
      users[key] = await createAccount(
        t.ctx,
        tx,
        { ...account, password: DEMO_PASSWORD },
        { allowAdmin: account.role === 'admin' },
      );
    }
  });
  await seedListings(t.ctx, users);
  await seedDeals(t.ctx, users);
  await seedContent(t.ctx, users);
});
afterAll(async () => {
  await t.close();
});

describe('demo content seed', () => {
  it('publishes the seed plan in full and the national policies it builds on', async () => {
    const list = (await get('/api/policies?limit=100')).json().items as {
      id: string;
      documentNumber: string;
      level: string;
    }[];
    expect(list.map((p) => p.documentNumber).sort()).toEqual(
      [
        '主席令第32号',
        '厅字〔2016〕35号',
        '国办发〔2016〕28号',
        '国发〔2016〕16号',
        '新兵办发〔2016〕84号',
        '财税〔2016〕36号',
      ].sort(),
    );
    const plan = list.find((p) => p.documentNumber === '新兵办发〔2016〕84号')!;
    const full = (await get(`/api/policies/${plan.id}`)).json();
    expect(full).toMatchObject({
      title: '关于印发兵团促进科技成果转移转化行动方案的通知',
      issuingBody: '新疆生产建设兵团办公厅',
      issuedOn: '2016-10-12',
      level: 'corps',
    });
    expect(full.body).toContain('（三）建立落实情况半年报制度');
    expect(full.body).toContain('发布一批兵团产业转型升级发展急需的科技成果包');
    expect(list.filter((p) => p.level === 'national')).toHaveLength(5);
  });

  it('tells two cases linked to demo listings and deals, and curates two packages of published listings by field', async () => {
    const cases = (await get('/api/cases')).json().items as { id: string }[];
    expect(cases).toHaveLength(2);
    const login = await t.request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: DEMO_ACCOUNTS.admin.email, password: DEMO_PASSWORD },
    });
    const linked = await Promise.all(
      cases.map(async (c) =>
        (await t.request({ method: 'GET', url: `/api/cases/${c.id}`, token: login.json().accessToken })).json(),
      ),
    );
    expect(linked.map((c) => [c.dealType, c.listing?.title, c.dealId?.startsWith('dl')]).sort()).toEqual([
      ['cooperation', '采棉机智能导航与测产系统', true],
      ['license', '新陆早系列早熟棉花新品种', true],
    ]);
    const packages = (await get('/api/packages')).json().items as { id: string; field: string; listingCount: number }[];
    expect(packages.map((p) => [p.field, p.listingCount]).sort()).toEqual([
      ['modern_agriculture', 4],
      ['resource_environment', 2],
    ]);
    const agri = (await get(`/api/packages/${packages.find((p) => p.field === 'modern_agriculture')!.id}`)).json();
    expect(agri.listings.map((l: { title: string }) => l.title)).toContain('棉花膜下滴灌水肥一体化技术');
  });

  it('leaves the demo organizations in the catalogue with their counts', async () => {
    const orgs = (await get('/api/organizations?limit=100')).json().items as {
      name: string;
      publishedListings: number;
    }[];
    expect(Object.fromEntries(orgs.map((o) => [o.name, o.publishedListings]))).toEqual({
      石河子大学: 4,
      新疆农垦科学院: 3,
      塔里木大学: 3,
    });
  });
});
