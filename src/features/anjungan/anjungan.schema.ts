import { z } from 'zod';

/** The office's kiosk page: several actions told apart by `intent`. */
export const KelolaAnjunganSchema = z.object({
  intent: z.enum(['tambah', 'ubah', 'matikan', 'hidupkan', 'terbitkan', 'lepas-kartu']),
  id: z.coerce.number().int().positive().optional(),
  nama: z.string().trim().min(1, 'anjunganNamaWajib').max(100, 'anjunganNamaWajib').optional(),
  nik: z
    .string()
    .trim()
    .regex(/^\d{16}$/, 'mandiriNikFormat')
    .optional(),
});

export const NamaAnjunganSchema = z.object({
  nama: z.string().trim().min(1, 'anjunganNamaWajib').max(100, 'anjunganNamaWajib'),
});

export const PasangSchema = z.object({ kode: z.string().trim().min(1).max(30) });

/** What the card reader typed (normalised and checked by normalisasiUid). */
export const KartuSchema = z.object({ uid: z.string().max(80) });

export const PinKartuSchema = z.object({ uid: z.string().max(80), pin: z.string().min(1).max(12) });

export const NikAnjunganSchema = z.object({
  nik: z
    .string()
    .trim()
    .regex(/^\d{16}$/, 'mandiriNikFormat'),
  pin: z.string().min(1).max(12),
});
