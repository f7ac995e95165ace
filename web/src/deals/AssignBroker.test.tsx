import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Deal } from '../api/deal-types.js';
import { licenceDeal, logIn, person } from '../testing/fixtures.js';
import { installFetch, json, problem, renderApp, type SentRequest } from '../testing/app.js';

const brokers = [
  {
    id: 'usr_broker000000000000001',
    name: '李娜',
    email: 'lina@agency.cn',
    organization: { id: 'org_agency', name: '兵团技术转移中心', type: 'agency' },
  },
  {
    id: 'usr_broker000000000000002',
    name: '王强',
    email: 'wq@tt.cn',
    organization: { id: 'org_tt', name: '石河子技术市场', type: 'agency' },
  },
];

/** The bureau in a deal it oversees; `brokerList` answers GET /api/brokers, `onEvent` answers POST …/events. */
function server(
  brokerList: () => Response,
  onEvent: (req: SentRequest) => Response = () => problem(500, 'INTERNAL', 'x'),
) {
  const deal = licenceDeal({ role: 'admin', nextEvents: ['ASSIGN_BROKER'] });
  return installFetch((req) => {
    if (req.path === '/api/me')
      return json(200, person('admin', { id: 'org_bureau', name: '兵团科技局', type: 'agency' }));
    if (req.path === '/api/brokers') return brokerList();
    if (req.path === '/api/deals/dl_1' && req.method === 'GET') return json(200, deal);
    if (req.path === '/api/deals/dl_1/events') return onEvent(req);
    if (req.path === '/api/deals/dl_1/history') return json(200, []);
    if (req.path.startsWith('/api/listings/')) return problem(404, 'NOT_FOUND', 'none');
    return json(200, { items: [], nextCursor: null, unread: 0 });
  });
}

async function openForm() {
  renderApp('/deals/dl_1');
  fireEvent.click(await screen.findByRole('button', { name: '指派技术经理人' }));
  return screen.getByRole('form', { name: '指派技术经理人' });
}

describe('Assigning a broker', () => {
  it("lists the brokers by name and agency in a labelled select and sends the chosen broker's id", async () => {
    logIn();
    const assigned = (req: SentRequest): Response => {
      const body = req.body as { brokerId: string; commissionRateBp: number };
      return json(200, {
        ...licenceDeal({ role: 'admin', nextEvents: [] }),
        version: 4,
        broker: { id: body.brokerId, name: '王强', commissionRateBp: body.commissionRateBp },
      } satisfies Deal);
    };
    const sent = server(() => json(200, { items: brokers, nextCursor: null }), assigned);
    const form = await openForm();
    const select = within(form).getByLabelText('技术经理人') as HTMLSelectElement;
    expect(select.tagName).toBe('SELECT');
    await waitFor(() => expect(select.disabled).toBe(false));
    expect([...select.options].map((o) => o.textContent)).toEqual([
      '请选择',
      '李娜 — 兵团技术转移中心',
      '王强 — 石河子技术市场',
    ]);

    // Sending without a choice is stopped before it reaches the server.
    fireEvent.change(within(form).getByLabelText('佣金比例（%）'), { target: { value: '2.5' } });
    fireEvent.click(within(form).getByRole('button', { name: '指派技术经理人' }));
    expect(await within(form).findByText('此项为必填项')).toBeTruthy();
    expect(select.getAttribute('aria-invalid')).toBe('true');
    expect(sent.some((r) => r.path === '/api/deals/dl_1/events')).toBe(false);

    fireEvent.change(select, { target: { value: 'usr_broker000000000000002' } });
    fireEvent.click(within(form).getByRole('button', { name: '指派技术经理人' }));
    await waitFor(() => expect(sent.some((r) => r.path === '/api/deals/dl_1/events')).toBe(true));
    expect(sent.find((r) => r.path === '/api/deals/dl_1/events')!.body).toEqual({
      type: 'ASSIGN_BROKER',
      expectedVersion: 3,
      brokerId: 'usr_broker000000000000002',
      commissionRateBp: 250,
    });
    expect(await screen.findByText(/王强 · 佣金比例 2.5%/)).toBeTruthy();
    expect(sent.find((r) => r.path === '/api/brokers')?.auth).toBe('Bearer acc');
  });

  it('says so when no broker is registered, and keeps the form from sending', async () => {
    logIn();
    const sent = server(() => json(200, { items: [], nextCursor: null }));
    const form = await openForm();
    expect(await within(form).findByText('平台上还没有在册的技术经理人。')).toBeTruthy();
    expect((within(form).getByLabelText('技术经理人') as HTMLSelectElement).disabled).toBe(true);
    fireEvent.change(within(form).getByLabelText('佣金比例（%）'), { target: { value: '3' } });
    fireEvent.click(within(form).getByRole('button', { name: '指派技术经理人' }));
    expect(await within(form).findByText('此项为必填项')).toBeTruthy();
    expect(sent.some((r) => r.path === '/api/deals/dl_1/events')).toBe(false);
  });

  it('shows a failed load with a retry that fills the select', async () => {
    logIn();
    let calls = 0;
    server(() =>
      ++calls === 1 ? problem(503, 'UNAVAILABLE', 'down') : json(200, { items: brokers, nextCursor: null }),
    );
    const form = await openForm();
    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toContain('服务暂时不可用');
    fireEvent.click(within(alert).getByRole('button', { name: '重试' }));
    const select = within(form).getByLabelText('技术经理人') as HTMLSelectElement;
    await waitFor(() => expect(select.options).toHaveLength(3));
    expect(within(form).queryByRole('alert')).toBeNull();
  });
});
