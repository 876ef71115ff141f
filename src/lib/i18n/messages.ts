import { en } from './en.js';
import { id, type Messages } from './id.js';

export type { Messages };
export type Lang = 'id' | 'en';
export type ErrKey = keyof Messages['err'];

export const LANGS: readonly Lang[] = ['id', 'en'];
export const LANG_COOKIE = 'balai_bahasa';

export function messagesFor(lang: Lang): Messages {
  return lang === 'en' ? en : id;
}

export function isLang(value: unknown): value is Lang {
  return value === 'id' || value === 'en';
}

/** `{name}` placeholders filled from params. */
export function fill(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}

/** An error message key (optionally `key|arg`) in the given language; unknown text passes through. */
export function localise(raw: string, m: Messages, params?: Record<string, string | number>): string {
  const [key, arg] = raw.split('|', 2) as [string, string | undefined];
  const template = (m.err as Record<string, string>)[key];
  if (template === undefined) return raw;
  return fill(template, { ...(arg === undefined ? {} : { 0: arg }), ...params });
}
