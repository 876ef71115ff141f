import { z } from 'zod';

/**
 * Field schemas shared by every form. Messages are dictionary keys (`key` or `key|arg`), localised when the
 * form is shown again (lib/forms/form.ts), so the same schema serves Indonesian and English.
 */
const trimmed = () => z.string({ error: 'wajibDiisi' }).trim();

export function requiredText(max: number) {
  return trimmed()
    .min(1, { error: 'wajibDiisi' })
    .max(max, { error: `terlaluPanjang|${max}` });
}

/** Empty → null. */
export function optionalText(max: number) {
  return trimmed()
    .max(max, { error: `terlaluPanjang|${max}` })
    .optional()
    .transform((v) => (v ? v : null));
}

function optionalPattern(pattern: RegExp, max: number, error: string) {
  return trimmed()
    .max(max, { error: `terlaluPanjang|${max}` })
    .refine((v) => v === '' || pattern.test(v), { error })
    .optional()
    .transform((v) => (v ? v : null));
}

export const optionalEmail = () => optionalPattern(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 120, 'emailTidakValid');
export const optionalPhone = () => optionalPattern(/^\+?[0-9][0-9 ()-]{5,28}$/, 30, 'teleponTidakValid');
export const optionalPostalCode = () => optionalPattern(/^\d{5}$/, 5, 'kodePosTidakValid');
export const optionalUrl = () => optionalPattern(/^https?:\/\/[^\s]+$/, 200, 'urlTidakValid');
export const optionalNip = () => optionalPattern(/^[0-9 ]{8,30}$/, 30, 'nipTidakValid');

export const username = () =>
  trimmed()
    .toLowerCase()
    .min(3, { error: 'terlaluPendek|3' })
    .max(40, { error: 'terlaluPanjang|40' })
    .regex(/^[a-z0-9][a-z0-9._-]*$/, { error: 'usernameFormat' });

/** Password rules beyond length (common passwords, the user name) are checked in domain/password-policy.ts. */
export const newPassword = () =>
  z
    .string({ error: 'wajibDiisi' })
    .min(10, { error: 'sandiTerlaluPendek|10' })
    .max(200, { error: 'terlaluPanjang|200' });

export const anyPassword = () => z.string({ error: 'wajibDiisi' }).min(1, { error: 'wajibDiisi' }).max(200);

export const regionCode = () =>
  trimmed().regex(/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/, { error: 'kodeWilayahFormat' });

export const positiveId = () =>
  z.coerce.number({ error: 'pilihanTidakValid' }).int().positive({ error: 'pilihanTidakValid' });

export function choice<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: 'pilihanTidakValid' });
}
