import { z } from 'zod';
import { ROLES } from '#src/lib/auth/roles.js';
import { choice, newPassword, optionalEmail, regionCode, requiredText, username } from '#src/lib/forms/fields.js';

const optionalId = () =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      const n = Number(v);
      if (!Number.isInteger(n) || n <= 0) {
        ctx.addIssue({ code: 'custom', message: 'pilihanTidakValid' });
        return z.NEVER;
      }
      return n;
    });

/** The role + scope part of a form: scope is a region code; dusun/RW/RT roles also name the unit. */
const assignment = {
  peran: choice(ROLES),
  lingkup_kode: regionCode(),
  lingkungan_id: optionalId(),
};

export const CreateUserSchema = z
  .object({
    username: username(),
    nama: requiredText(100),
    email: optionalEmail(),
    ...assignment,
    sandi: newPassword(),
    sandi_ulang: z.string({ error: 'wajibDiisi' }),
  })
  .refine((v) => v.sandi === v.sandi_ulang, { path: ['sandi_ulang'], error: 'sandiTidakCocok' });
export type CreateUserInput = z.infer<typeof CreateUserSchema>;

export const UserActionSchema = z.discriminatedUnion(
  'intent',
  [
    z.object({ intent: z.literal('tambah-peran'), ...assignment }),
    z.object({
      intent: z.literal('hapus-peran'),
      peran_id: z.coerce.number().int().positive({ error: 'pilihanTidakValid' }),
    }),
    z
      .object({
        intent: z.literal('atur-ulang-sandi'),
        sandi: newPassword(),
        sandi_ulang: z.string({ error: 'wajibDiisi' }),
      })
      .refine((v) => v.sandi === v.sandi_ulang, { path: ['sandi_ulang'], error: 'sandiTidakCocok' }),
    z.object({ intent: z.literal('nonaktifkan') }),
    z.object({ intent: z.literal('aktifkan') }),
    z.object({ intent: z.literal('akhiri-sesi') }),
  ],
  { error: 'pilihanTidakValid' },
);
export type UserAction = z.infer<typeof UserActionSchema>;
