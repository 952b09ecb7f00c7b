import { describe, expect, it } from 'vitest';
import { en } from './en';
import { id } from './id';
import { defaultLocale, rememberLocale, storedLocale } from './i18n';

function keys(messages: object, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

describe('console messages', () => {
  it('have the same keys in Indonesian and English, none empty', () => {
    expect(keys(en).sort()).toEqual(keys(id).sort());
    for (const messages of [id, en]) {
      for (const key of keys(messages)) {
        const value = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], messages);
        expect(value, key).toMatch(/\S/);
      }
    }
  });

  it('start in Indonesian and remember the chosen language', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    expect(storedLocale(storage)).toBe(defaultLocale);
    expect(defaultLocale).toBe('id');
    rememberLocale('en', storage);
    expect(storedLocale(storage)).toBe('en');
    store.set('sikap.locale', 'fr');
    expect(storedLocale(storage)).toBe('id');
  });
});
