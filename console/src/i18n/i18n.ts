import { createI18n } from 'vue-i18n';
import { dateEnUS, dateIdID, enUS, idID, type NDateLocale, type NLocale } from 'naive-ui';
import { en } from './en';
import { id, type MessageSchema } from './id';

export const locales = ['id', 'en'] as const;
export type Locale = (typeof locales)[number];

export const defaultLocale: Locale = 'id';

const storageKey = 'sikap.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** The language the user chose last time on this browser; Indonesian otherwise. */
export function storedLocale(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): Locale {
  try {
    const value = storage?.getItem(storageKey);
    return isLocale(value) ? value : defaultLocale;
  } catch {
    // Storage can throw when the browser blocks it; the default language still works.
    return defaultLocale;
  }
}

export function rememberLocale(locale: Locale, storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(storageKey, locale);
  } catch {
    // Not remembering the choice is harmless.
  }
}

/** Naive UI's own texts (pagination, empty states, date pickers) follow the console language. */
export const naiveLocales: Record<Locale, { locale: NLocale; dateLocale: NDateLocale }> = {
  id: { locale: idID, dateLocale: dateIdID },
  en: { locale: enUS, dateLocale: dateEnUS },
};

export function createAppI18n(locale: Locale = defaultLocale) {
  return createI18n<[MessageSchema], Locale, false>({
    legacy: false,
    locale,
    fallbackLocale: defaultLocale,
    messages: { id, en },
    // Missing keys are caught by the type of `en`; warnings would only repeat that in the console.
    missingWarn: false,
    fallbackWarn: false,
  });
}

export type AppI18n = ReturnType<typeof createAppI18n>;
