import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../i18n/I18nProvider.js';
import type { Locale } from '../i18n/locales.js';
import { ListingCard } from './ListingCard.js';

const hit: { id: string; title: string; titleEn: string | null; summary: string } = {
  id: 'lst_1',
  title: '膜下滴灌节水灌溉技术',
  titleEn: 'Drip irrigation under film',
  summary: '简介',
};
const show = (locale: Locale, card = hit) =>
  render(
    <MemoryRouter>
      <I18nProvider initialLocale={locale}>
        <ListingCard hit={card} />
      </I18nProvider>
    </MemoryRouter>,
  );

describe('ListingCard titles', () => {
  it('shows the English title in the English UI where there is one', () => {
    show('en');
    expect(screen.getByRole('link', { name: 'Drip irrigation under film' })).toBeTruthy();
  });
  it('keeps the Chinese title in the Chinese UI, and where no English title exists', () => {
    show('zh-CN');
    expect(screen.getByRole('link', { name: '膜下滴灌节水灌溉技术' })).toBeTruthy();
    show('en', { ...hit, id: 'lst_2', title: '棉花新品种', titleEn: null });
    expect(screen.getByRole('link', { name: '棉花新品种' })).toBeTruthy();
  });
});
