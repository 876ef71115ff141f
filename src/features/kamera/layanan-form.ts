import type { FormState } from '#src/lib/forms/form.js';
import { fill, type Lang, type Messages } from '#src/lib/i18n/messages.js';
import { formatDateTime } from '#src/lib/time-zone.js';

/** Field errors given as keys of `m.layanan.err` (`key` or `key|arg`) → text in the user's language. */
export function layananText(raw: string, m: Messages, params: Record<string, string | number> = {}): string {
  const [key, arg] = raw.split('|', 2) as [string, string | undefined];
  const template = (m.layanan.err as Record<string, string>)[key];
  return template === undefined ? raw : fill(template, { ...(arg === undefined ? {} : { 0: arg }), ...params });
}

export function localiseState(state: FormState, m: Messages): FormState {
  const errors = Object.fromEntries(Object.entries(state.errors).map(([k, v]) => [k, layananText(v, m)]));
  return { ...state, errors, ...(state.message ? { message: layananText(state.message, m) } : {}) };
}

/** A timestamp for people, in the installation's time zone. */
export function waktu(iso: string | null, lang: Lang): string {
  return iso ? formatDateTime(iso, lang) : '';
}
