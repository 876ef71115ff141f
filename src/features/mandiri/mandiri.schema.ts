import { z } from 'zod';

const nik = z
  .string()
  .trim()
  .regex(/^\d{16}$/, 'mandiriNikFormat');
const pin = z.string().regex(/^\d{6}$/, 'mandiriPinFormat');

export const MasukWargaSchema = z.object({
  nik,
  pin: z.string().min(1).max(12),
  lanjut: z.string().max(500).optional(),
});

export const GantiPinSchema = z.object({
  pin_lama: z.string().min(1).max(12),
  pin_baru: pin,
  ulangi: z.string().min(1).max(12),
});

export const CariWargaSchema = z.object({ q: z.string().trim().max(60).optional() });

export const AksiAkunSchema = z.object({
  intent: z.enum(['aktifkan', 'atur-ulang', 'nonaktifkan', 'layanan']),
  penduduk_id: z.coerce.number().int().positive().optional(),
  akun_id: z.coerce.number().int().positive().optional(),
  aktif: z.enum(['0', '1']).optional(),
});
