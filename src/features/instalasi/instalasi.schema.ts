import { z } from 'zod';
import { newPassword, regionCode, requiredText, username } from '#src/lib/forms/fields.js';

export const SetupSchema = z
  .object({
    kabupaten: regionCode(),
    username: username(),
    nama: requiredText(100),
    sandi: newPassword(),
    sandi_ulang: z.string({ error: 'wajibDiisi' }),
  })
  .refine((v) => v.sandi === v.sandi_ulang, { path: ['sandi_ulang'], error: 'sandiTidakCocok' });
export type SetupInput = z.infer<typeof SetupSchema>;
