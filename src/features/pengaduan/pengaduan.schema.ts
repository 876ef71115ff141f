import { z } from 'zod';
import { choice, optionalText } from '#src/lib/forms/fields.js';
import { KATEGORI_PENGADUAN, STATUS_PENGADUAN } from './pengaduan.table.js';

/** Plain text only: control characters dropped (newlines kept), Windows newlines unified; shown escaped. */
export function plainText(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  return value.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0009\u000b-\u001f\u007f\u200b-\u200f\u202a-\u202e]/g, '');
}

const text = (min: number, max: number, minKey: string) =>
  z
    .string({ error: 'wajibDiisi' })
    .transform(plainText)
    .pipe(
      z
        .string()
        .trim()
        .min(1, { error: 'wajibDiisi' })
        .min(min, { error: minKey })
        .max(max, { error: `terlaluPanjang|${max}` }),
    );

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9][0-9 ()-]{5,28}$/;

export const PengaduanSchema = z.object({
  nama: optionalText(100),
  kontak: z
    .string({ error: 'wajibDiisi' })
    .trim()
    .min(1, { error: 'wajibDiisi' })
    .max(120, { error: 'terlaluPanjang|120' })
    .refine((v) => EMAIL.test(v) || PHONE.test(v), { error: 'kontakTidakValid' }),
  kategori: choice(KATEGORI_PENGADUAN),
  isi: text(20, 4000, 'isiTerlaluPendek'),
});
export type PengaduanInput = z.infer<typeof PengaduanSchema>;

export const TanggapanSchema = z
  .object({
    isi: z
      .string()
      .optional()
      .transform((v) => plainText(v ?? '').trim())
      .pipe(z.string().max(4000, { error: 'terlaluPanjang|4000' })),
    publik: z
      .string()
      .optional()
      .transform((v) => v === '1'),
    status: z
      .union([z.literal(''), choice(STATUS_PENGADUAN)])
      .optional()
      .transform((v) => (v ? v : null)),
    alasan_tutup: optionalText(500),
  })
  .superRefine((v, ctx) => {
    if (!v.isi && !v.status) ctx.addIssue({ code: 'custom', path: ['isi'], message: 'tanggapanKosong' });
    if (v.status === 'ditutup' && !v.alasan_tutup)
      ctx.addIssue({ code: 'custom', path: ['alasan_tutup'], message: 'alasanWajib' });
  });
export type TanggapanInput = z.infer<typeof TanggapanSchema>;

/** ADU- and six characters without look-alikes (0/O, 1/I): about a billion numbers. */
export const NOMOR_PATTERN = /^ADU-[2-9A-HJ-NP-Z]{6}$/;
export const NOMOR_ALFABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
