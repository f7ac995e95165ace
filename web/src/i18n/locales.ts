import { LOCALES, type Locale } from '../../../src/shared/accounts.ts';

// The locales are the server's too (mail goes out in the recipient's language): one list, in src/shared.
export { DEFAULT_LOCALE, LOCALES, type Locale } from '../../../src/shared/accounts.ts';

export const isLocale = (value: unknown): value is Locale => (LOCALES as readonly unknown[]).includes(value);
