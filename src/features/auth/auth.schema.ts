import { z } from 'zod';
import { anyPassword, newPassword } from '#src/lib/forms/fields.js';

export const LoginSchema = z.object({
  username: z
    .string({ error: 'wajibDiisi' })
    .trim()
    .min(1, { error: 'wajibDiisi' })
    .max(40, { error: 'terlaluPanjang|40' }),
  sandi: anyPassword(),
  lanjut: z.string().max(300).optional(),
});
export type LoginInput = z.infer<typeof LoginSchema>;

export const ChangePasswordSchema = z
  .object({
    sandi_lama: anyPassword(),
    sandi: newPassword(),
    sandi_ulang: z.string({ error: 'wajibDiisi' }),
  })
  .refine((v) => v.sandi === v.sandi_ulang, { path: ['sandi_ulang'], error: 'sandiTidakCocok' });

export const LanguageSchema = z.object({
  bahasa: z.enum(['id', 'en'], { error: 'pilihanTidakValid' }),
  kembali: z.string().max(300).optional(),
});
