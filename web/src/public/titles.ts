import type { Locale } from '../i18n/locales.js';

/** A listing's title in the reader's language: the English title where the seller gave one. */
export const titleIn = (locale: Locale, l: { title: string; titleEn?: string | null }) =>
  locale === 'en' && l.titleEn ? l.titleEn : l.title;
