import { z } from 'zod';

const email = z
  .string({ error: 'wajibDiisi' })
  .trim()
  .toLowerCase()
  .min(1, { error: 'wajibDiisi' })
  .max(200, { error: 'terlaluPanjang|200' })
  .regex(/^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/, { error: 'emailTidakValid' });

/** The actions of the resident's account page, told apart by `intent`. */
export const AksiAkunWargaSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('telegram-kode') }),
  z.object({ intent: z.literal('telegram-putus') }),
  z.object({ intent: z.literal('email'), email }),
  z.object({ intent: z.literal('email-hapus') }),
]);

/** The email field alone (for the form's required/maxlength). */
export const EmailSchema = z.object({ email });

export const VerifikasiEmailSchema = z.object({ t: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/) });

export const LupaPinSchema = z.object({
  nik: z
    .string({ error: 'wajibDiisi' })
    .trim()
    .regex(/^\d{16}$/, { error: 'mandiriNikFormat' }),
});

export const AturPinSchema = z.object({
  t: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/),
  pin_baru: z.string({ error: 'wajibDiisi' }).regex(/^\d{6}$/, { error: 'mandiriPinFormat' }),
  ulangi: z.string({ error: 'wajibDiisi' }).min(1, { error: 'wajibDiisi' }).max(12),
});
