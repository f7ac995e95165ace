import type { Locale } from './locales.js';

const rules = new Map<Locale, Intl.PluralRules>();

/**
 * The message key of `base` for `count` in `locale`: `<base>.one` or `<base>.other`, chosen by the language's
 * plural rules ("1 technology", "2 technologies"; Chinese has one form, so always `.other`). Each dictionary
 * holds both keys.
 */
export function pluralKey<B extends string>(locale: Locale, base: B, count: number): `${B}.one` | `${B}.other` {
  let r = rules.get(locale);
  if (!r) rules.set(locale, (r = new Intl.PluralRules(locale)));
  return r.select(count) === 'one' ? `${base}.one` : `${base}.other`;
}
