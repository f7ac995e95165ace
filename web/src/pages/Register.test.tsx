import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { validateRegistration, type RegistrationValues } from '../auth/validation.js';
import { installFetch, json, problem, renderApp } from '../testing/app.js';

const user = {
  id: 'usr_1',
  email: 'li.na@example.cn',
  name: '李娜',
  role: 'buyer',
  createdAt: '2026-01-02T03:04:05Z',
  organization: { id: 'org_1', name: '石河子节水科技有限公司', nameEn: null, type: 'enterprise', region: null },
};

async function openForm() {
  const view = renderApp('/register');
  await screen.findByRole('heading', { name: '注册账号' });
  return view;
}

const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
const type = (label: string, value: string) => fireEvent.change(field(label), { target: { value } });
const leave = (label: string) => fireEvent.blur(field(label));

describe('validateRegistration (the API policy, mirrored)', () => {
  const valid: RegistrationValues = {
    email: 'li.na@example.cn',
    password: 'water2026saving',
    name: '李娜',
    role: 'buyer',
    orgName: '节水公司',
    orgType: 'enterprise',
  };

  it('accepts a valid registration', () => {
    expect(validateRegistration(valid)).toEqual({});
  });

  it.each<[Partial<RegistrationValues>, Record<string, string>]>([
    [{ email: '' }, { email: 'form.required' }],
    [{ email: 'li.na@' }, { email: 'form.emailInvalid' }],
    [{ email: 'li na@example.cn' }, { email: 'form.emailInvalid' }],
    [{ email: 'li.na@localhost' }, { email: 'form.emailInvalid' }],
    [{ password: 'abc123' }, { password: 'form.passwordShort' }],
    [{ password: 'abcdefghijkl' }, { password: 'form.passwordChars' }],
    [{ password: '12345678901' }, { password: 'form.passwordChars' }],
    [{ password: `a1${'x'.repeat(127)}` }, { password: 'form.passwordLong' }],
    [{ email: 'zhangsan@example.cn', password: 'zhangsan2026' }, { password: 'form.passwordEmail' }],
    [{ password: '节水灌溉技术专利2026' }, {}],
    [{ name: '   ' }, { name: 'form.required' }],
    [{ name: 'x'.repeat(101) }, { name: 'form.nameLength' }],
    [{ name: 'x'.repeat(100) }, {}],
    [{ orgName: '某' }, { orgName: 'form.orgNameLength' }],
    [{ orgName: 'x'.repeat(201) }, { orgName: 'form.orgNameLength' }],
  ])('%j → %j', (change, expected) => {
    expect(validateRegistration({ ...valid, ...change })).toEqual(expected);
  });
});

describe('Register form', () => {
  it('shows each problem beside its field once the reader leaves it', async () => {
    installFetch(() => json(200, {}));
    await openForm();

    type('邮箱', 'li.na@');
    expect(screen.queryByText('请输入有效的邮箱地址')).toBeNull();
    leave('邮箱');
    expect(screen.getByText('请输入有效的邮箱地址')).toBeTruthy();
    expect(field('邮箱').getAttribute('aria-invalid')).toBe('true');
    expect(field('邮箱').getAttribute('aria-describedby')).toBe(screen.getByText('请输入有效的邮箱地址').id);

    type('邮箱', 'li.na@example.cn');
    expect(screen.queryByText('请输入有效的邮箱地址')).toBeNull();
    expect(field('邮箱').getAttribute('aria-invalid')).toBeNull();

    type('密码', 'short1');
    leave('密码');
    expect(screen.getByText('密码至少 10 位')).toBeTruthy();
    type('密码', 'onlyletterslong');
    expect(screen.getByText('密码需同时包含字母和数字')).toBeTruthy();
    type('密码', 'li.na-2026-water');
    expect(screen.getByText('密码不能包含邮箱用户名')).toBeTruthy();
    type('密码', 'water2026saving');
    expect(screen.queryByText(/密码.*(至少|需同时|不能)/)).toBeNull();

    type('姓名', 'x'.repeat(101));
    leave('姓名');
    expect(screen.getByText('姓名为 1 至 100 个字符')).toBeTruthy();
  });

  it('does not send an invalid form and marks every missing field', async () => {
    const sent = installFetch(() => json(200, {}));
    await openForm();
    fireEvent.click(screen.getByRole('button', { name: '注册' }));
    expect(await screen.findByText('请更正标出的错误后再提交。')).toBeTruthy();
    expect(screen.getAllByText('此项为必填项')).toHaveLength(4);
    expect(sent.filter((r) => r.path === '/api/auth/register')).toHaveLength(0);
  });

  it('sends a valid form as the API expects and signs the new user in', async () => {
    const sent = installFetch((req) => {
      if (req.path === '/api/auth/register')
        return json(201, { user, accessToken: 'acc', refreshToken: 'ref-token-0123456789', expiresIn: 900 });
      if (req.path === '/api/me') return json(200, user);
      return problem(404, 'NOT_FOUND', 'no');
    });
    const { router } = await openForm();
    type('邮箱', ' li.na@example.cn ');
    type('密码', 'water2026saving');
    type('姓名', ' 李娜 ');
    fireEvent.change(screen.getByLabelText('身份'), { target: { value: 'seller' } });
    type('单位名称', '石河子大学');
    fireEvent.change(screen.getByLabelText('单位类型'), { target: { value: 'university' } });
    fireEvent.click(screen.getByRole('button', { name: '注册' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/profile'));
    expect(sent.find((r) => r.path === '/api/auth/register')?.body).toEqual({
      email: 'li.na@example.cn',
      password: 'water2026saving',
      name: '李娜',
      role: 'seller',
      organization: { name: '石河子大学', type: 'university' },
    });
    expect(window.localStorage.getItem('tte.accessToken')).toBe('acc');
    await waitFor(() => expect(sent.find((r) => r.path === '/api/me')?.auth).toBe('Bearer acc'));
  });

  it("shows the server's answer: a taken email on the email field, field errors on their fields", async () => {
    let answer = problem(409, 'CONFLICT', 'Email already registered');
    installFetch(() => answer);
    await openForm();
    type('邮箱', 'li.na@example.cn');
    type('密码', 'water2026saving');
    type('姓名', '李娜');
    type('单位名称', '石河子大学');
    fireEvent.click(screen.getByRole('button', { name: '注册' }));
    expect(await screen.findByText('该邮箱已注册，请直接登录。')).toBeTruthy();
    expect(field('邮箱').getAttribute('aria-invalid')).toBe('true');

    answer = problem(400, 'VALIDATION_FAILED', 'invalid', [
      { path: 'body.organization.name', message: 'must NOT have more than 200 characters' },
    ]);
    fireEvent.click(screen.getByRole('button', { name: '注册' }));
    expect(await screen.findByText('must NOT have more than 200 characters')).toBeTruthy();
    expect(field('单位名称').getAttribute('aria-invalid')).toBe('true');
  });
});
