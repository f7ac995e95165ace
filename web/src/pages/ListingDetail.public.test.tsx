import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Listing } from '../api/types.js';
import { installFetch, json, problem, renderApp } from '../testing/app.js';
import { publishedListing } from '../testing/fixtures.js';

// What a visitor reads on a listing page: its public files, the contact without phone and email (the API sends
// none to an anonymous caller) with a way to sign in, and the title in English in the English UI.

const listing: Listing = {
  ...publishedListing,
  contact: { name: '技术转移办公室' },
  attachments: [
    {
      id: 'att_1',
      filename: '检测报告.pdf',
      mimeType: 'application/pdf',
      size: 14_540,
      visibility: 'public',
      createdAt: '2026-02-01T00:00:00Z',
    },
  ],
};

const serve = (body: Listing) =>
  installFetch((req) => (req.path === `/api/listings/${body.id}` ? json(200, body) : problem(404, 'NOT_FOUND', 'x')));

describe('Listing detail for a visitor', () => {
  it('lists the public files with type, size and a download link', async () => {
    serve(listing);
    renderApp(`/listings/${listing.id}`);
    const link = await screen.findByRole('link', { name: '检测报告.pdf' });
    expect(link.getAttribute('href')).toBe(`/api/listings/${listing.id}/attachments/att_1`);
    expect(link.hasAttribute('download')).toBe(true);
    expect(screen.getByRole('heading', { name: '附件' })).toBeTruthy();
    expect(screen.getByText('PDF · 14.2 KB')).toBeTruthy();
  });

  it('asks an anonymous visitor to sign in to see the contact', async () => {
    serve(listing);
    renderApp(`/listings/${listing.id}`);
    const signIn = await screen.findByRole('link', { name: '登录后查看联系电话和邮箱' });
    expect(signIn.getAttribute('href')).toBe(`/login?next=${encodeURIComponent(`/listings/${listing.id}`)}`);
    expect(screen.getByText('技术转移办公室')).toBeTruthy();
  });

  it('shows the English title in the English UI, the Chinese one under it', async () => {
    serve({ ...listing, title: '膜下滴灌节水灌溉技术', titleEn: 'Drip irrigation under film' });
    renderApp(`/listings/${listing.id}`, 'en');
    expect(await screen.findByRole('heading', { level: 1, name: 'Drip irrigation under film' })).toBeTruthy();
    expect(screen.getByText('膜下滴灌节水灌溉技术').getAttribute('lang')).toBe('zh-CN');
    expect(screen.getByRole('link', { name: 'Sign in to see the phone and email' })).toBeTruthy();
  });
});
