import { configure, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { installFetch, json, problem, renderApp } from '../testing/app.js';
import { logIn, person, publishedListing } from '../testing/fixtures.js';
import { offering } from '../testing/offering-fixtures.js';

function seller(onCreate: (body: unknown) => Response = () => json(201, offering())) {
  logIn();
  return installFetch((req) => {
    if (req.path === '/api/me') return json(200, person('seller'));
    if (req.path === '/api/listings/lst_1') return json(200, publishedListing);
    if (req.method === 'POST' && req.path === '/api/offerings') return onCreate(req.body);
    if (req.path.startsWith('/api/offerings/')) return json(200, offering());
    return problem(404, 'NOT_FOUND', 'none');
  });
}
const fill = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const submit = () => fireEvent.submit(screen.getByRole('form', { name: '挂牌交易' }));

// A page's first render waits on its lazy chunk, which on a busy machine takes longer than the 1 s default.
configure({ asyncUtilTimeout: 5_000 });

describe('listing an offering', () => {
  it('checks every field before sending: money, the basis, the period, the licence terms', async () => {
    const sent = seller();
    renderApp('/seller/offerings/new?listingId=lst_1');
    expect(await screen.findByText('膜下滴灌节水灌溉技术')).toBeTruthy();
    expect((screen.getByLabelText('挂牌期（日）') as HTMLInputElement).value).toBe('20');
    fill('挂牌底价（元）', '50万');
    fill('挂牌期（日）', '5');
    fill('加价幅度（元）', '0');
    submit();
    expect(screen.getByText('请输入金额，例如 50000 或 50,000.00')).toBeTruthy();
    expect(screen.getByText('须为 10–90 之间的整数')).toBeTruthy();
    expect(screen.getByText('须大于 0')).toBeTruthy();
    // deposit, basis reference, territory, field of use, term: required
    expect(screen.getAllByText('此项为必填项')).toHaveLength(5);
    expect(sent.filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  it('sends a licence without its fee, amounts in fen, and opens the new offering', async () => {
    const sent = seller();
    const { router } = renderApp('/seller/offerings/new?listingId=lst_1');
    await screen.findByLabelText('挂牌底价（元）');
    fireEvent.change(screen.getByLabelText('许可方式'), { target: { value: 'exclusive' } });
    fill('许可地域', '新疆');
    fill('许可使用领域', '棉田灌溉');
    fill('许可期限（月）', '60');
    fill('挂牌底价（元）', '500,000.50');
    fireEvent.change(screen.getByLabelText('底价依据'), { target: { value: 'price_enquiry' } });
    fill('评估报告或询价文件编号', 'XJ-2026-07');
    fill('保证金（元）', '50000');
    fill('加价幅度（元）', '10000');
    submit();
    await waitFor(() => expect(router.state.location.pathname).toBe('/offerings/ofr_000000000000000000001'));
    expect(sent.find((r) => r.method === 'POST')!.body).toEqual({
      listingId: 'lst_1',
      form: 'license',
      terms: { licenseType: 'exclusive', territory: '新疆', fieldOfUse: '棉田灌溉', termMonths: 60, royaltyRateBp: 0 },
      basePrice: 50_000_050,
      basis: { kind: 'price_enquiry', reference: 'XJ-2026-07' },
      listingDays: 20,
      deposit: 5_000_000,
      increment: 1_000_000,
    });
  });

  it('lists a transfer with instalments as shares of the price, and puts the server’s field errors on their inputs', async () => {
    const sent = seller(() =>
      problem(400, 'VALIDATION_FAILED', 'invalid', [
        { path: 'body.deposit', message: 'must be at most the base price' },
      ]),
    );
    renderApp('/seller/offerings/new?listingId=lst_1');
    await screen.findByLabelText('挂牌底价（元）');
    fireEvent.change(screen.getByLabelText('转化方式'), { target: { value: 'transfer' } });
    expect(screen.queryByLabelText('许可地域')).toBeNull();
    fill('挂牌底价（元）', '1000');
    fill('评估报告或询价文件编号', 'PG-1');
    fill('保证金（元）', '5000');
    fill('加价幅度（元）', '100');
    fill('名称 #1', '签约后一次付清');
    fill('占成交价比例（%） #1', '60');
    submit();
    expect(screen.getByText('各期比例合计 60%，须为 100%')).toBeTruthy();
    fill('占成交价比例（%） #1', '100');
    submit();
    expect(await screen.findByText('must be at most the base price')).toBeTruthy();
    expect((sent.find((r) => r.method === 'POST')!.body as { terms: unknown }).terms).toEqual({
      payments: [{ name: '签约后一次付清', shareBp: 10_000, dueDays: 30 }],
    });
  });
});
