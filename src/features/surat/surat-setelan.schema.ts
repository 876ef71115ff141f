import { z } from 'zod';
import { PANJANG_FORMAT_MAKS } from '#src/domain/nomor-surat.js';
import type { Langkah } from '#src/domain/surat-alur.js';
import { isCalendarDate } from '#src/lib/forms/penduduk-fields.js';
import { CADANGAN_MAKS } from './nomor/nomor.service.js';

/** The letter settings form (desa or kabupaten): which button was pressed, and the values. */
export const SETELAN_INTENT = ['simpan', 'contoh', 'bawaan_format_nomor', 'bawaan_penomoran', 'bawaan_rantai'] as const;

const centang = z
  .string()
  .optional()
  .transform((v) => v === '1');

export const SetelanFormSchema = z
  .object({
    intent: z.enum(SETELAN_INTENT, { error: 'Tombol tidak dikenal.' }),
    format_nomor: z
      .string()
      .trim()
      .min(1, { error: 'Tulis format nomor surat.' })
      .max(PANJANG_FORMAT_MAKS, { error: `Format nomor paling banyak ${PANJANG_FORMAT_MAKS} karakter.` }),
    penomoran: z.enum(['tunggal', 'per_jenis'], { error: 'Pilih cara penomoran.' }),
    rantai_sekdes: centang,
    rantai_kades: centang,
  })
  .transform((v) => ({
    intent: v.intent,
    format_nomor: v.format_nomor,
    penomoran: v.penomoran,
    rantai: [...(v.rantai_sekdes ? ['sekdes'] : []), ...(v.rantai_kades ? ['kades'] : [])] as Langkah[],
  }));
export type SetelanForm = z.output<typeof SetelanFormSchema>;

const kosongJadiUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** Reserving numbers for letters made outside Balai. */
export const CadanganFormSchema = z.object({
  jenis: z.preprocess(kosongJadiUndefined, z.string().max(100).optional()),
  kode_lain: z.preprocess(
    kosongJadiUndefined,
    z
      .string()
      .trim()
      .max(30, { error: 'Kode surat paling banyak 30 karakter.' })
      .regex(/^[A-Za-z0-9][A-Za-z0-9./-]*$/, { error: 'Kode surat hanya huruf, angka, titik, garis miring dan -.' })
      .optional(),
  ),
  jumlah: z.coerce
    .number({ error: `Jumlah nomor harus 1 sampai ${CADANGAN_MAKS}.` })
    .int({ error: `Jumlah nomor harus 1 sampai ${CADANGAN_MAKS}.` })
    .min(1, { error: `Jumlah nomor harus 1 sampai ${CADANGAN_MAKS}.` })
    .max(CADANGAN_MAKS, { error: `Jumlah nomor harus 1 sampai ${CADANGAN_MAKS}.` }),
  keterangan: z
    .string({ error: 'Tulis untuk apa nomor ini dicadangkan.' })
    .trim()
    .min(1, { error: 'Tulis untuk apa nomor ini dicadangkan.' })
    .max(500, { error: 'Keterangan paling banyak 500 karakter.' }),
  tanggal: z
    .string({ error: 'Tulis tanggal surat.' })
    .refine(isCalendarDate, { error: 'Tanggal tidak valid; tulis TTTT-BB-HH.' }),
  mulai: z.preprocess(
    kosongJadiUndefined,
    z.coerce
      .number({ error: 'Nomor awal harus bilangan bulat mulai 1.' })
      .int({ error: 'Nomor awal harus bilangan bulat mulai 1.' })
      .min(1, { error: 'Nomor awal harus bilangan bulat mulai 1.' })
      .optional(),
  ),
});
export type CadanganForm = z.output<typeof CadanganFormSchema>;
