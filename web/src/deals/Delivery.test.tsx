import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Deal } from '../api/deal-types.js';
import { licenceDeal, logIn, person } from '../testing/fixtures.js';
import { installFetch, json, problem, renderApp, type SentRequest } from '../testing/app.js';

const TERMS = { price: 5_000_000, payments: [{ name: '全款', amount: 5_000_000, dueDays: 10 }] };
const fact = (name: string) => screen.getByText(name, { selector: 'dt' }).nextElementSibling?.textContent;

// A trade-secret transfer paid in full (machine version 3): the seller delivered, the buyer returned the documents.
const transfer = (overrides: Partial<Deal> = {}): Deal =>
  ({
    ...licenceDeal({ role: 'seller' }),
    type: 'transfer',
    state: 'delivery',
    nextEvents: ['DELIVER_DOCUMENTS', 'TERMINATE'],
    currentTerms: TERMS,
    agreedTerms: TERMS,
    proposals: [],
    contract: { buyer: null, seller: null, signedAt: '2026-03-02T02:00:00.000Z' },
    progress: {
      instalments: [
        { name: '全款', amount: 5_000_000, dueAt: '2026-03-12T02:00:00.000Z', status: 'paid', paidAt: null },
      ],
      assignment: null,
    },
    delivery: {
      documents: '工艺文件（共12册）',
      status: 'rejected',
      deliveredAt: '2026-03-20T02:00:00.000Z',
      acceptedAt: null,
      rejections: [{ reason: '缺少配方参数', by: 'usr_buyer', at: '2026-03-22T02:00:00.000Z' }],
    },
    ...overrides,
  }) as Deal;

function server(deal: Deal) {
  return installFetch((req: SentRequest) => {
    if (req.path === '/api/me') return json(200, person('seller'));
    if (req.path === '/api/deals/dl_1' && req.method === 'GET') return json(200, deal);
    if (req.path === '/api/deals/dl_1/events') return json(200, { ...deal, version: deal.version + 1 });
    if (req.path === '/api/deals/dl_1/history') return json(200, []);
    if (req.path.startsWith('/api/listings/')) return problem(404, 'NOT_FOUND', 'withdrawn');
    return json(200, { items: [], nextCursor: null, unread: 0 });
  });
}

describe('Delivery of the technical documents', () => {
  it('shows the returned delivery with the reason, and sends the list of documents delivered again', async () => {
    logIn();
    const sent = server(transfer());
    renderApp('/deals/dl_1');
    expect(await screen.findByText(/已退回补充 · 工艺文件（共12册）.*缺少配方参数/)).toBeTruthy();
    expect(screen.getAllByText('技术资料交付').length).toBeGreaterThan(0);
    fireEvent.click(screen.getByRole('button', { name: '交付技术资料' }));
    const form = screen.getByRole('form', { name: '交付技术资料' });
    fireEvent.change(within(form).getByLabelText('交付的技术资料（清单）'), {
      target: { value: '工艺文件（共13册，含配方参数）' },
    });
    fireEvent.click(within(form).getByRole('button', { name: '交付技术资料' }));
    await screen.findByText(/已退回补充/);
    const event = sent.find((r) => r.path === '/api/deals/dl_1/events');
    expect(event?.body).toMatchObject({ type: 'DELIVER_DOCUMENTS', documents: '工艺文件（共13册，含配方参数）' });
  });

  it('says a licence of know-how needs no CNIPA filing', async () => {
    logIn();
    server(
      licenceDeal({
        state: 'active',
        nextEvents: ['COMPLETE', 'TERMINATE'],
        contract: { buyer: null, seller: null, signedAt: '2026-03-02T02:00:00.000Z' },
        progress: {
          activatedAt: '2026-03-02T02:00:00.000Z',
          filingDueAt: null,
          filing: null,
          royaltyReports: [],
          milestones: [],
          endsAt: '2029-03-02T02:00:00.000Z',
          completionAgreedBy: ['buyer'],
          licenceYears: [],
        },
      }),
    );
    renderApp('/deals/dl_1');
    expect(await screen.findByText('非专利许可，无需备案')).toBeTruthy();
    expect(fact('已同意提前完成')).toBe('需求方');
    expect(screen.getByRole('button', { name: '同意提前完成' })).toBeTruthy();
  });
});
