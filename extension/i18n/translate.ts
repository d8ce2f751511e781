// UI strings in English and Simplified Chinese. Each screen keeps its own dictionary file
// (`{ en, zh }`, the Chinese typed against the English keys so a missing translation is a compile
// error); `translator` turns one into a lookup for the rep's chosen language.
import type { Language } from '../settings.ts';

export type Dictionary<K extends string> = { en: Record<K, string>; zh: Record<K, string> };

/** Builds a dictionary whose Chinese half must have exactly the English keys. */
export function dictionary<const E extends Record<string, string>>(en: E, zh: { [K in keyof E]: string }): Dictionary<Extract<keyof E, string>> {
  return { en, zh };
}

/** t('key', { n: 3 }) with {n}-style parameters. */
export function translator<K extends string>(dict: Dictionary<K>, language: Language) {
  const table = dict[language];
  return (key: K, params: Record<string, string | number> = {}): string =>
    table[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
