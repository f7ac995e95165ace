import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Deal } from '../api/deal-types.js';
import { licenceDeal, logIn, person } from '../testing/fixtures.js';
import { installFetch, json, problem, renderApp } from '../testing/app.js';

let contractHash = 'c'.repeat(64);
function server(deals: Deal[], onEvent: () => Response = () => json(200, deals[0])) {
  return installFetch((req) => {
    if (req.path === '/api/me')
      return json(200, person('seller', { id: 'org_seller', name: '石河子大学', type: 'university' }));
    if (req.path === '/api/deals' && req.method === 'GET') return json(200, { items: deals, nextCursor: null });
    const deal = deals.find((d) => req.path.startsWith(`/api/deals/${d.id}`));
    if (deal && req.path === `/api/deals/${deal.id}` && req.method === 'GET') return json(200, deal);
    if (deal && req.path.endsWith('/history')) return json(200, []);
    if (deal && req.path.endsWith('/nda'))
      return json(200, { text: '保密协议\n甲方（披露方、成果方）：石河子大学', sha256: 'a'.repeat(64), signed: [] });
    if (deal && req.path.endsWith('/contract'))
      return new Response(new Blob(['%PDF-1.7 技术许可合同'], { type: 'application/pdf' }), {
        status: 200,
        headers: { 'content-type': 'application/pdf', 'x-contract-sha256': contractHash },
      });
    if (deal && req.path.endsWith('/messages')) return json(200, { items: [], nextCursor: null });
    if (deal && req.path.endsWith('/events')) return onEvent();
    if (req.path === '/api/invoices') return json(200, { items: [], nextCursor: null });
    if (req.path === '/api/notifications') return json(200, { items: [], nextCursor: null, unread: 0 });
    return problem(404, 'NOT_FOUND', 'none');
  });
}
const events = (sent: ReturnType<typeof server>) => sent.filter((r) => r.path.endsWith('/events'));

describe('Confirming an acceptance or a signature', () => {
  it('shows the terms once more; Cancel sends nothing', async () => {
    logIn();
    const sent = server([licenceDeal()]);
    renderApp('/deals/dl_1');
    fireEvent.click(await screen.findByRole('button', { name: '接受条款' }, { timeout: 5000 }));
    const dialog = screen.getByRole('dialog', { name: '确认接受以下条款？' });
    expect(within(dialog).getByText('¥100,000.00')).toBeTruthy();
    expect(within(dialog).getByText('棉花种植')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: '取消' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(events(sent)).toHaveLength(0);
  });

  it('Confirm sends the event with the version the reader saw', async () => {
    logIn();
    const signing = licenceDeal({
      state: 'contracting.awaitingBoth',
      agreedTerms: licenceDeal().currentTerms,
      nextEvents: ['DECLINE', 'SIGN_CONTRACT'],
    });
    const sent = server([signing], () => json(200, { ...signing, version: 4, nextEvents: [] }));
    renderApp('/deals/dl_1');
    fireEvent.click(await screen.findByRole('button', { name: '签署合同' }, { timeout: 5000 }));
    const dialog = screen.getByRole('dialog', { name: '确认按以下条款签署合同？' });
    expect(within(dialog).getByText('¥100,000.00')).toBeTruthy();
    expect(events(sent)).toHaveLength(0);
    await within(dialog).findByRole('button', { name: '下载合同文本（PDF）' });
    fireEvent.click(within(dialog).getByRole('button', { name: '确认' }));
    await waitFor(() => expect(events(sent)).toHaveLength(1));
    expect(events(sent)[0].body).toEqual({ type: 'SIGN_CONTRACT', expectedVersion: 3, contractSha256: 'c'.repeat(64) });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('shows a changed contract again (409 CONTRACT_CHANGED) and signs the new text with its hash', async () => {
    logIn();
    contractHash = 'c'.repeat(64);
    const signing = licenceDeal({
      state: 'contracting.awaitingBoth',
      agreedTerms: licenceDeal().currentTerms,
      nextEvents: ['DECLINE', 'SIGN_CONTRACT'],
    });
    let answers = 0;
    const sent = server([signing], () => {
      answers += 1;
      if (answers > 1) return json(200, { ...signing, version: 4, nextEvents: [] });
      contractHash = 'd'.repeat(64); // the text changed meanwhile
      return problem(409, 'CONTRACT_CHANGED', 'The contract text has changed since it was shown');
    });
    renderApp('/deals/dl_1');
    fireEvent.click(await screen.findByRole('button', { name: '签署合同' }, { timeout: 5000 }));
    const dialog = screen.getByRole('dialog', { name: '确认按以下条款签署合同？' });
    await within(dialog).findByRole('button', { name: '下载合同文本（PDF）' });
    fireEvent.click(within(dialog).getByRole('button', { name: '确认' }));
    expect((await within(dialog).findByRole('alert')).textContent).toContain('合同文本已更新');
    await waitFor(() => expect(within(dialog).getByText(/^dddddddddddddddd/)).toBeTruthy());
    fireEvent.click(within(dialog).getByRole('button', { name: '确认' }));
    await waitFor(() => expect(events(sent)).toHaveLength(2));
    expect(events(sent).map((e) => (e.body as { contractSha256: string }).contractSha256)).toEqual([
      'c'.repeat(64),
      'd'.repeat(64),
    ]);
    contractHash = 'c'.repeat(64);
  });
});

describe('Signing the NDA', () => {
  it('shows the NDA text before signing and sends the hash of the text shown; Cancel sends nothing', async () => {
    logIn();
    const deal = licenceDeal({
      state: 'nda',
      nda: { required: true, buyer: null, seller: null },
      nextEvents: ['DECLINE', 'SIGN_NDA'],
      currentTerms: null,
      proposals: [],
    });
    const sent = server([deal], () => json(200, { ...deal, version: 4, nextEvents: ['DECLINE'] }));
    renderApp('/deals/dl_1');
    fireEvent.click(await screen.findByRole('button', { name: '签署保密协议' }, { timeout: 5000 }));
    let dialog = screen.getByRole('dialog', { name: '确认签署以下保密协议？' });
    expect((await within(dialog).findByLabelText('保密协议')).textContent).toContain(
      '甲方（披露方、成果方）：石河子大学',
    );
    fireEvent.click(within(dialog).getByRole('button', { name: '取消' }));
    expect(events(sent)).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: '签署保密协议' }));
    dialog = screen.getByRole('dialog', { name: '确认签署以下保密协议？' });
    await within(dialog).findByLabelText('保密协议');
    fireEvent.click(within(dialog).getByRole('button', { name: '确认' }));
    await waitFor(() => expect(events(sent)).toHaveLength(1));
    expect(events(sent)[0].body).toEqual({ type: 'SIGN_NDA', expectedVersion: 3, ndaSha256: 'a'.repeat(64) });
  });
});

describe('To do or waiting', () => {
  it('marks 待您办理 only where the deal waits for the caller, and names who is awaited elsewhere', async () => {
    logIn();
    server([
      licenceDeal({ id: 'dl_1', listing: { ...licenceDeal().listing, title: '甲' } }),
      licenceDeal({
        id: 'dl_2',
        listing: { ...licenceDeal().listing, title: '乙' },
        // The seller proposed: it may still counter or decline, but the deal waits for the buyer.
        nextEvents: ['DECLINE', 'PROPOSE_TERMS'],
        awaiting: ['buyer'],
        toDo: false,
      }),
      licenceDeal({
        id: 'dl_3',
        listing: { ...licenceDeal().listing, title: '丙' },
        state: 'publicNotice',
        nextEvents: ['ANSWER_OBJECTION', 'DECLINE'],
        awaiting: ['seller', 'admin'],
        toDo: true,
      }),
      licenceDeal({
        id: 'dl_4',
        listing: { ...licenceDeal().listing, title: '丁' },
        nextEvents: [],
        awaiting: ['admin'],
        toDo: false,
      }),
    ]);
    renderApp('/deals');
    const row = async (title: string) => (await screen.findByRole('link', { name: title })).closest('article')!;
    expect(within(await row('甲')).getByText('待您办理')).toBeTruthy();
    expect(within(await row('乙')).queryByText('待您办理')).toBeNull();
    expect(within(await row('乙')).getByText('等待需求方')).toBeTruthy();
    expect(within(await row('丙')).getByText('待您办理')).toBeTruthy();
    expect(within(await row('丁')).getByText('等待科技局')).toBeTruthy();
  });

  it('says in the deal room that it waits for the other party after proposing', async () => {
    logIn();
    server([licenceDeal({ nextEvents: ['DECLINE', 'PROPOSE_TERMS'], awaiting: ['buyer'], toDo: false })]);
    renderApp('/deals/dl_1');
    const now = await screen.findByRole('region', { name: '当前状态与下一步' });
    expect(await within(now).findByText('等待需求方')).toBeTruthy();
    expect(within(now).queryByText('待您办理')).toBeNull();
  });
});

describe('The deal header', () => {
  it('shows the contract value as the commission counts it: the upfront fee plus the milestones', async () => {
    logIn();
    const terms = { ...licenceDeal().currentTerms!, milestones: [{ name: '中试', amount: 5_000_000 }] };
    server([licenceDeal({ currentTerms: terms as Deal['currentTerms'] })]);
    renderApp('/deals/dl_1');
    const term = await screen.findByText('合同金额（计佣口径）', { selector: 'dt' });
    expect(term.nextElementSibling?.textContent).toBe('¥150,000.00');
  });
});
