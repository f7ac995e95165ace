import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { installFetch, json, problem, renderApp } from '../../testing/app.js';
import { logIn, person } from '../../testing/fixtures.js';

// The Corps-wide half-year report as GET /api/reports/half-year sends it (src/reports/aggregate.ts): the
// period bounds are China midnights, i.e. 16:00 UTC the day before, and periodEnd is exclusive.
const REPORT = {
  year: 2026,
  half: 1,
  periodStart: '2025-12-31T16:00:00.000Z',
  periodEnd: '2026-06-30T16:00:00.000Z',
  currency: 'CNY',
  totals: { listingsRegistered: 4, listingsPublished: 3, dealsOpened: 2, dealsSigned: 1, contractValue: 12_000_000 },
  byField: [
    {
      field: 'modern_agriculture',
      listingsRegistered: 4,
      listingsPublished: 3,
      dealsOpened: 2,
      dealsSigned: 1,
      contractValue: 12_000_000,
    },
  ],
  byForm: [{ form: 'license', opened: 2, signed: 1, contractValue: 12_000_000 }],
  dealStates: [{ form: 'license', state: 'negotiating', count: 1 }],
  incomeByMonth: [{ month: '2026-01', invoiced: 0, paid: 0 }],
  submissions: { organizations: 2, submitted: 1, draft: 1 },
  organizations: [
    { id: 'org_1', name: '石河子大学', type: 'university', status: 'submitted', submittedAt: '2026-07-03T02:00:00Z' },
    { id: 'org_2', name: '绿洲节水公司', type: 'enterprise', status: 'draft', submittedAt: null },
  ],
};

function serve() {
  logIn();
  installFetch((req) => {
    if (req.path === '/api/me') return json(200, person('admin'));
    if (req.path === '/api/reports/half-year') return json(200, REPORT);
    if (req.path.startsWith('/api/notifications')) return json(200, { items: [], nextCursor: null, unread: 0 });
    return problem(404, 'NOT_FOUND', 'none');
  });
}

describe('Admin half-year report', () => {
  it('shows China dates, the year as a year, and every label in Chinese', async () => {
    serve();
    renderApp('/admin/reports?year=2026&half=1');
    const report = (await screen.findByText(/起始日期/)).closest('.loose-report') as HTMLElement;
    const text = report.textContent ?? '';
    expect(text).toContain('起始日期: 2026年1月1日');
    expect(text).toContain('截止日期: 2026年6月30日');
    expect(text).toContain('年度: 2026');
    expect(text).toContain('半年: 上半年');
    expect(text).not.toContain('16:00');
    expect(text).not.toContain('2,026');
    expect(text).not.toContain('organizations');
    // 2026-07-03T02:00Z is 10:00 in China.
    expect(text).toContain('10:00');
    // No English word as a label in the Chinese UI (TRL and the currency sign aside).
    expect(text.replace(/TRL|CNY/g, '')).not.toMatch(/[A-Za-z]{2,}/);
  });

  it('names the same report in English in the English UI', async () => {
    serve();
    renderApp('/admin/reports?year=2026&half=1', 'en');
    const report = (await screen.findByText(/Period start/)).closest('.loose-report') as HTMLElement;
    expect(report.textContent).toContain('Period start: January 1, 2026');
    expect(report.textContent).toContain('Period end: June 30, 2026');
    expect(report.textContent).toContain('Year: 2026');
  });
});
