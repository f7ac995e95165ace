import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en } from './en.js';
import { formatChinaDate, formatDate } from './format.js';
import type { Label } from './labels.js';
import { DEFAULT_LOCALE, isLocale, type Locale } from './locales.js';
import { zhCN, type MessageKey, type Messages } from './zh-CN.js';

const DICTIONARIES: Record<Locale, Messages> = { 'zh-CN': zhCN, en };
const STORAGE_KEY = 'tte.locale';

type Vars = Record<string, string | number>;

export interface I18n {
  locale: Locale;
  setLocale(locale: Locale): void;
  /** The message for `key` in the current locale, with `{name}` placeholders filled from `vars`. */
  t(key: MessageKey, vars?: Vars): string;
  /** The current locale's side of a bilingual enum label. */
  label(label: Label): string;
  date(iso: string | null | undefined, withTime?: boolean): string;
  /** A business date in China (invoices, payments): the Asia/Shanghai calendar day, not the browser's. */
  chinaDate(iso: string | null | undefined): string;
}

export function translate(messages: Messages, key: MessageKey, vars?: Vars): string {
  const text = messages[key];
  return vars ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole)) : text;
}

function storedLocale(): Locale {
  try {
    const saved = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(saved) ? saved : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children, initialLocale }: { children: ReactNode; initialLocale?: Locale }) {
  const [locale, setLocaleState] = useState<Locale>(() => initialLocale ?? storedLocale());

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Storage blocked: the choice lasts for this page only.
    }
  }, []);

  const value = useMemo<I18n>(() => {
    const messages = DICTIONARIES[locale];
    return {
      locale,
      setLocale,
      t: (key, vars) => translate(messages, key, vars),
      label: (l) => (locale === 'en' ? l.en : l.zh),
      date: (iso, withTime) => formatDate(iso, locale, withTime),
      chinaDate: (iso) => formatChinaDate(iso, locale),
    };
  }, [locale, setLocale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useT(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useT() needs an <I18nProvider> above it');
  return i18n;
}
