import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { logIn, person } from '../../testing/fixtures.js';
import { installFetch, json, renderApp } from '../../testing/app.js';
import { reviewItem } from '../../testing/review-fixtures.js';

const returned = reviewItem({
  id: 'lst_r',
  title: '滴灌带回收再生技术',
  ipNumbers: ['ZL201910123456.7', 'ZL202110654321.X'],
  inventors: [{ name: '李教授', title: '教授' }, { name: '张工' }],
  confidentialDetails: '再生料配方：PE 70%。',
  attachments: [
    {
      id: 'att_1',
      filename: '检测报告.pdf',
      mimeType: 'application/pdf',
      size: 2048,
      visibility: 'public',
      createdAt: '2026-02-21T00:00:00Z',
    },
    {
      id: 'att_2',
      filename: '工艺图.png',
      mimeType: 'image/png',
      size: 512,
      visibility: 'confidential',
      createdAt: '2026-02-22T00:00:00Z',
    },
  ],
  rejections: [
    { reason: '请补充第三方检测报告', at: '2026-02-24T02:00:00.000Z' },
    { reason: '专利证书复印件不清晰', at: '2026-02-27T03:30:00.000Z' },
  ],
});

describe('Review queue', () => {
  it('shows each registration whole, with downloads and earlier returns, beside approve and return', async () => {
    logIn();
    const clicks: string[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation(() => 'blob:file');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    });
    const sent = installFetch((req) => {
      if (req.path === '/api/me') return json(200, person('admin'));
      if (req.path === '/api/listings/review-queue')
        return json(200, { items: [returned, reviewItem()], nextCursor: null });
      if (req.path === '/api/listings/lst_r/attachments/att_2')
        return new Response('png', { status: 200, headers: { 'content-type': 'image/png' } });
      return json(200, { items: [], nextCursor: null, unread: 0 });
    });
    renderApp('/admin/review');
    const card = (await screen.findByRole('link', { name: '滴灌带回收再生技术' })).closest('article')!;
    const facts = within(card).getByRole('region', { name: '登记信息' });
    expect(within(facts).getByText('ZL201910123456.7、ZL202110654321.X')).toBeTruthy();
    expect(within(facts).getByText('李教授（教授）、张工')).toBeTruthy();
    expect(within(facts).getByText('再生料配方：PE 70%。')).toBeTruthy();
    expect(within(facts).getByText('科技处 · 0997-4680000')).toBeTruthy();
    expect(within(facts).getByText('新装备')).toBeTruthy();

    const history = within(card).getByRole('region', { name: '此前退回记录' });
    const returns = within(history).getAllByRole('listitem');
    expect(returns.map((li) => li.querySelector('p')!.textContent)).toEqual([
      '请补充第三方检测报告',
      '专利证书复印件不清晰',
    ]);
    expect(returns[1].querySelector('time')!.getAttribute('dateTime')).toBe('2026-02-27T03:30:00.000Z');

    fireEvent.click(within(card).getByRole('button', { name: '下载 工艺图.png' }));
    await waitFor(() => expect(clicks).toEqual(['工艺图.png']));
    expect(sent.find((r) => r.path === '/api/listings/lst_r/attachments/att_2')?.auth).toBe('Bearer acc');

    // Approve and return are on the same card as the evidence.
    expect(within(card).getByRole('button', { name: '通过并发布' })).toBeTruthy();
    expect(within(card).getByRole('button', { name: '退回' })).toBeTruthy();

    const first = screen.getByRole('link', { name: '棉花打顶机器人' }).closest('article')!;
    expect(within(first).getByText('首次提交，没有退回记录。')).toBeTruthy();
    expect(within(first).getByText('未上传附件。')).toBeTruthy();
    // The region is a code; the page names it.
    expect(within(first).getByText('第一师阿拉尔市')).toBeTruthy();
  });
});
