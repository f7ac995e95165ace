import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HalfYearReport } from '../api/types.js';
import { logIn, person } from '../testing/fixtures.js';
import { installFetch, json, problem, renderApp, type SentRequest } from '../testing/app.js';

const draft: HalfYearReport = {
  id: 'hyr_1',
  organization: { id: 'org_seller', name: '石河子大学', type: 'university' },
  year: 2025,
  half: 2,
  periodStart: '2025-06-30T16:00:00.000Z',
  periodEnd: '2025-12-31T16:00:00.000Z',
  status: 'draft',
  figures: {
    currency: 'CNY',
    listings: { registered: 12, published: 9 },
    deals: {
      byForm: [
        { form: 'license', opened: 3, signed: 1, contractValue: 50_000_000 },
        { form: 'transfer', opened: 1, signed: 0, contractValue: 0 },
      ],
      byState: [
        { form: 'license', state: 'active', count: 1 },
        { form: 'license', state: 'negotiating', count: 2 },
      ],
    },
    contractValue: 50_000_000,
    income: { invoiced: 12_345_678, paid: 10_000_000 },
    contractsRegistered: { count: 1, value: 50_000_000 },
    vouchersRedeemed: { count: 2, amount: 300_000 },
  },
  narrative: '',
  generatedAt: '2026-01-01T02:00:00.000Z',
  submittedAt: null,
  submittedBy: null,
  updatedAt: '2026-01-01T02:00:00.000Z',
};

const submittedFrom = (narrative: string): HalfYearReport => ({
  ...draft,
  narrative,
  status: 'submitted',
  submittedAt: '2026-01-10T03:00:00.000Z',
  submittedBy: { id: 'usr_seller', name: '张伟' },
});

type Handler = (req: SentRequest) => Response;

/** The server as far as the report page asks it; `mine` answers every verb on /api/reports/half-year/mine. */
function server(mine: Handler, submit: Handler = () => problem(500, 'INTERNAL', 'x')) {
  return installFetch((req) => {
    if (req.path === '/api/me')
      return json(200, person('seller', { id: 'org_seller', name: '石河子大学', type: 'university' }));
    if (req.path === '/api/reports/half-year/mine') return mine(req);
    if (req.path === '/api/reports/half-year/mine/submit') return submit(req);
    return json(200, { items: [], nextCursor: null, unread: 0 });
  });
}

const period = (req: SentRequest) => `${req.query.get('year')}H${req.query.get('half')}`;
const textarea = () => screen.getByLabelText('工作总结') as HTMLTextAreaElement;

afterEach(() => {
  vi.useRealTimers();
});

describe('Half-year report page', () => {
  it('opens on the last ended half year and shows the figures as tables, money in yuan', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-10T04:00:00Z'));
    logIn();
    const sent = server(() => json(200, draft));
    renderApp('/reports');
    expect(await screen.findByRole('heading', { name: '石河子大学 · 2025 年下半年' })).toBeTruthy();
    expect(period(sent.find((r) => r.path === '/api/reports/half-year/mine')!)).toBe('2025H2');
    expect((screen.getByLabelText('年度') as HTMLSelectElement).value).toBe('2025');
    expect((screen.getByLabelText('半年') as HTMLSelectElement).value).toBe('2');
    expect(screen.getByText('未报送').className).toContain('chip-warn');

    const summary = screen.getByRole('table', { name: '主要指标' });
    const row = (name: string) => within(summary).getByRole('rowheader', { name }).closest('tr')!;
    expect([...row('签订合同').cells].map((c) => c.textContent)).toEqual(['签订合同', '1', '¥500,000.00']);
    expect([...row('开具发票').cells].map((c) => c.textContent)).toEqual(['开具发票', '—', '¥123,456.78']);
    expect([...row('发起洽谈').cells].map((c) => c.textContent)).toEqual(['发起洽谈', '4', '—']);
    const byForm = screen.getByRole('table', { name: '按转化方式' });
    expect(within(byForm).getByRole('rowheader', { name: '技术转让' })).toBeTruthy();
    const byState = screen.getByRole('table', { name: '期末交易状态' });
    expect(within(byState).getByText('许可履行中')).toBeTruthy();
    expect(screen.getByRole('link', { name: '半年报' }).getAttribute('href')).toBe('/reports');
  });

  it('saves the narrative for the period in the URL and counts its characters against the limit', async () => {
    logIn();
    const sent = server((req) =>
      req.method === 'PATCH'
        ? json(200, { ...draft, narrative: (req.body as { narrative: string }).narrative })
        : json(200, draft),
    );
    renderApp('/reports?year=2025&half=2');
    await screen.findByRole('heading', { name: '石河子大学 · 2025 年下半年' });
    expect(textarea().maxLength).toBe(20_000);
    const save = screen.getByRole('button', { name: '保存' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);

    fireEvent.change(textarea(), { target: { value: '推广膜下滴灌技术。' } });
    expect(screen.getByText('9 / 20,000 字')).toBeTruthy();
    expect(textarea().getAttribute('aria-describedby')).toBeTruthy();
    expect(screen.getByText('有未保存的修改')).toBeTruthy();
    fireEvent.click(save);
    expect(await screen.findByText('已保存。')).toBeTruthy();
    const patch = sent.find((r) => r.method === 'PATCH')!;
    expect({ period: period(patch), body: patch.body }).toEqual({
      period: '2025H2',
      body: { narrative: '推广膜下滴灌技术。' },
    });
    expect(save.disabled).toBe(true);
  });

  it('asks before submitting, saves unsaved text first, then shows the filed report read-only', async () => {
    logIn();
    const confirm = vi.fn((_message?: string) => true).mockReturnValueOnce(false);
    vi.stubGlobal('confirm', confirm);
    let stored = draft;
    const sent = server(
      (req) => {
        if (req.method === 'PATCH') stored = { ...stored, narrative: (req.body as { narrative: string }).narrative };
        return json(200, stored);
      },
      () => json(200, submittedFrom(stored.narrative)),
    );
    renderApp('/reports?year=2025&half=2');
    const submit = await screen.findByRole('button', { name: '报送科技局' });

    // A blank narrative is refused here, as the server would refuse it (400).
    fireEvent.click(submit);
    expect(await screen.findByText('报送前请填写工作总结')).toBeTruthy();
    expect(textarea().getAttribute('aria-invalid')).toBe('true');
    expect(confirm).not.toHaveBeenCalled();

    fireEvent.change(textarea(), { target: { value: '完成 1 项技术许可。\n下半年计划：扩大推广。' } });
    fireEvent.click(submit);
    expect(confirm).toHaveBeenCalledWith('报送后报告不能再修改。确定将2025 年下半年的报告报送科技局吗？');
    expect(sent.some((r) => r.method !== 'GET')).toBe(false);

    fireEvent.click(submit);
    expect(await screen.findByText('报告已报送科技局。')).toBeTruthy();
    expect(sent.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path} ${period(r)}`)).toEqual([
      'PATCH /api/reports/half-year/mine 2025H2',
      'POST /api/reports/half-year/mine/submit 2025H2',
    ]);
    expect(screen.getByText('已报送').className).toContain('chip-good');
    expect(screen.getByText(/由 张伟 报送科技局/)).toBeTruthy();
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.queryByRole('button', { name: '报送科技局' })).toBeNull();
    expect(screen.getByText(/完成 1 项技术许可。/).textContent).toBe('完成 1 项技术许可。\n下半年计划：扩大推广。');
  });

  it('says so when the report was submitted elsewhere meanwhile (409), and shows what was filed', async () => {
    logIn();
    vi.stubGlobal('confirm', () => true);
    let gets = 0;
    server(
      (req) =>
        req.method === 'GET' && ++gets > 1
          ? json(200, submittedFrom('同事已报送的总结'))
          : json(200, { ...draft, narrative: '草稿' }),
      () => problem(409, 'CONFLICT', 'The 2025H2 report was submitted on 2026-01-10 and can no longer change'),
    );
    renderApp('/reports?year=2025&half=2');
    fireEvent.click(await screen.findByRole('button', { name: '报送科技局' }));
    expect((await screen.findByRole('alert')).textContent).toBe('该报告已经报送，不能再修改；下方显示的是报送的内容。');
    expect(await screen.findByText('同事已报送的总结')).toBeTruthy();
    expect(screen.queryByRole('textbox')).toBeNull();
  });

  it('explains a period the bureau has not drafted yet (404), and reloads when the period changes', async () => {
    logIn();
    const sent = server((req) =>
      period(req) === '2025H1'
        ? json(200, { ...draft, half: 1 })
        : problem(404, 'NOT_FOUND', 'Half-year report not found'),
    );
    const { router } = renderApp('/reports/half-year?year=2025&half=2');
    expect(await screen.findByText('科技局尚未生成该期的报告草稿。')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/reports');
    expect(screen.queryByRole('table')).toBeNull();

    fireEvent.change(screen.getByLabelText('半年'), { target: { value: '1' } });
    expect(await screen.findByRole('heading', { name: '石河子大学 · 2025 年上半年' })).toBeTruthy();
    expect(router.state.location.search).toBe('?year=2025&half=1');
    expect(sent.filter((r) => r.path === '/api/reports/half-year/mine').map(period)).toEqual(['2025H2', '2025H1']);
  });

  it('asks before switching period with unsaved text, and stays when the writer says no', async () => {
    logIn();
    const confirm = vi.fn((_message?: string) => false);
    vi.stubGlobal('confirm', confirm);
    server(() => json(200, draft));
    const { router } = renderApp('/reports?year=2025&half=2');
    await screen.findByRole('heading', { name: '石河子大学 · 2025 年下半年' });
    fireEvent.change(textarea(), { target: { value: '尚未保存' } });
    fireEvent.change(screen.getByLabelText('半年'), { target: { value: '1' } });
    expect(confirm).toHaveBeenCalledWith(
      '2025 年下半年的工作总结有未保存的修改，切换报告期会丢失这些修改。确定切换吗？',
    );
    expect(router.state.location.search).toBe('?year=2025&half=2');
    expect(textarea().value).toBe('尚未保存');
  });

  it('shows a failed load with a retry, and a failed save without losing the text', async () => {
    logIn();
    let gets = 0;
    server((req) => {
      if (req.method === 'PATCH') return problem(503, 'UNAVAILABLE', 'down');
      return ++gets === 1 ? problem(500, 'INTERNAL', 'boom') : json(200, draft);
    });
    renderApp('/reports?year=2025&half=2');
    const failed = await screen.findByRole('alert');
    expect(failed.textContent).toContain('加载失败');
    fireEvent.click(within(failed).getByRole('button', { name: '重试' }));
    await screen.findByRole('heading', { name: '石河子大学 · 2025 年下半年' });

    fireEvent.change(textarea(), { target: { value: '总结' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect((await screen.findByRole('alert')).textContent).toBe('服务暂时不可用，请稍后再试。');
    expect(textarea().value).toBe('总结');
    await waitFor(() =>
      expect((screen.getByRole('button', { name: '保存' }) as HTMLButtonElement).disabled).toBe(false),
    );
  });
});
