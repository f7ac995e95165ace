import { cleanup, render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, vi } from 'vitest';
import { AuthProvider } from '../auth/AuthProvider.js';
import { I18nProvider } from '../i18n/I18nProvider.js';
import type { Locale } from '../i18n/locales.js';
import { routes } from '../router.js';

// Component tests render the real app (routes, providers, API client) in happy-dom; only the network is
// replaced, by a fetch that answers from a handler and records each request.

export interface SentRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  auth: string | null;
  headers: Headers;
}

export function installFetch(handler: (req: SentRequest) => Response | Promise<Response>) {
  const sent: SentRequest[] = [];
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://app.test');
    const req: SentRequest = {
      method: init?.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      auth: new Headers(init?.headers).get('authorization'),
      headers: new Headers(init?.headers),
    };
    sent.push(req);
    return handler(req);
  });
  return sent;
}

export const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });

export const problem = (
  status: number,
  code: string,
  detail: string,
  errors?: Array<{ path: string; message: string }>,
) => json(status, { type: 'about:blank', title: code, status, detail, code, ...(errors ? { errors } : {}) });

export function renderApp(path: string, locale: Locale = 'zh-CN') {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const view = render(
    <I18nProvider initialLocale={locale}>
      <AuthProvider>
        <RouterProvider router={router} />
      </AuthProvider>
    </I18nProvider>,
  );
  return { ...view, router };
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  window.localStorage.clear();
});
