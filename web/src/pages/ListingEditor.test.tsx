import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { logIn, person } from '../testing/fixtures.js';
import { installFetch, json, problem, renderApp } from '../testing/app.js';

const seller = person('seller', { id: 'org_seller', name: '石河子大学', type: 'university' });

function fill(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

describe('Listing editor', () => {
  it('checks the registration form as the API does and sends money in fen', async () => {
    logIn();
    const sent = installFetch((req) => {
      if (req.path === '/api/me') return json(200, seller);
      if (req.path === '/api/listings' && req.method === 'POST')
        return json(201, { id: 'lst_new', status: 'draft', title: (req.body as { title: string }).title });
      if (req.path === '/api/listings/lst_new')
        return json(200, {
          id: 'lst_new',
          status: 'draft',
          title: 'x',
          titleEn: null,
          summary: 's',
          description: '',
          keywords: [],
          category: 'applied_technology',
          field: 'modern_agriculture',
          form: 'new_technology',
          trl: 7,
          stage: 'early',
          level: 'not_evaluated',
          ipType: 'invention_patent',
          ipNumbers: ['ZL201910123456.7'],
          dealTypes: ['license'],
          askingPrice: 80000000,
          currency: 'CNY',
          fundingSource: 'fiscal_national',
          region: null,
          inventors: [],
          contact: null,
          ndaRequired: false,
          canSeeConfidential: true,
          attachments: [],
          registrationNo: null,
          publishedAt: null,
          createdAt: '',
          updatedAt: '',
          organization: { id: 'org_seller', name: '石河子大学', type: 'university' },
        });
      return problem(404, 'NOT_FOUND', 'none');
    });
    const { router } = renderApp('/seller/listings/new');
    await screen.findByRole('heading', { level: 1, name: '登记科技成果' });

    fill('成果名称', '膜下滴灌水肥一体化智能控制系统');
    fill('成果简介', '短');
    fireEvent.blur(screen.getByLabelText('成果简介'));
    expect(screen.getByText('至少 10 个字符')).toBeTruthy();
    fill('成果简介', '面向棉花种植的滴灌与施肥一体化控制技术。');
    fill('专利号', 'ZL201920123456.7');
    fireEvent.click(screen.getByRole('button', { name: '保存草稿' }));
    expect(await screen.findByText('请更正标出的错误后再提交。')).toBeTruthy();
    expect(screen.getByText(/不是发明专利号/)).toBeTruthy();
    expect(screen.getByText('请至少选择一种转化方式')).toBeTruthy();
    expect(screen.getByLabelText('技术成熟度').getAttribute('aria-invalid')).toBe('true');
    expect(sent.some((r) => r.method === 'POST')).toBe(false);

    fill('专利号', 'ZL201910123456.7');
    fireEvent.change(screen.getByLabelText('技术成熟度'), { target: { value: '7' } });
    fireEvent.click(
      within(screen.getByRole('group', { name: '转化方式' })).getByRole('checkbox', { name: '技术许可' }),
    );
    fill('意向价格（元，选填）', '800,000');
    fireEvent.click(screen.getByRole('button', { name: '保存草稿' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/seller/listings/lst_new/edit'));
    const body = sent.find((r) => r.path === '/api/listings' && r.method === 'POST')!.body as Record<string, unknown>;
    expect(body).toMatchObject({
      title: '膜下滴灌水肥一体化智能控制系统',
      trl: 7,
      ipType: 'invention_patent',
      ipNumbers: ['ZL201910123456.7'],
      dealTypes: ['license'],
      askingPrice: 80_000_000,
    });
    expect(await screen.findByText('草稿已保存，现在可以上传附件。')).toBeTruthy();
    expect(await screen.findByRole('heading', { name: '附件' })).toBeTruthy();
  });

  it("shows the reviewer's reason on a returned listing and the server's field errors beside the fields", async () => {
    logIn();
    const returned = {
      id: 'lst_r',
      status: 'rejected',
      rejectionReason: '请补充专利证书',
      title: '滴灌',
      titleEn: null,
      summary: '面向棉花种植的滴灌技术。',
      description: '',
      keywords: [],
      category: 'applied_technology',
      field: 'modern_agriculture',
      form: 'new_technology',
      trl: 5,
      stage: 'pilot',
      level: 'not_evaluated',
      ipType: 'trade_secret',
      ipNumbers: [],
      dealTypes: ['license'],
      askingPrice: null,
      currency: 'CNY',
      fundingSource: 'enterprise',
      region: null,
      inventors: [],
      contact: null,
      ndaRequired: false,
      canSeeConfidential: true,
      attachments: [],
      registrationNo: null,
      publishedAt: null,
      createdAt: '',
      updatedAt: '',
      organization: { id: 'org_seller', name: '石河子大学', type: 'university' },
    };
    installFetch((req) => {
      if (req.path === '/api/me') return json(200, seller);
      if (req.path === '/api/listings/lst_r' && req.method === 'GET') return json(200, returned);
      if (req.path === '/api/listings/lst_r' && req.method === 'PATCH')
        return problem(400, 'VALIDATION_FAILED', 'bad', [
          { path: 'body.title', message: 'must be unique in your catalogue' },
        ]);
      return problem(404, 'NOT_FOUND', 'none');
    });
    renderApp('/seller/listings/lst_r');
    expect(await screen.findByText('请补充专利证书')).toBeTruthy();
    fill('成果名称', '膜下滴灌');
    fireEvent.click(screen.getByRole('button', { name: '保存草稿' }));
    expect(await screen.findByText('must be unique in your catalogue')).toBeTruthy();
  });
});
