import { z } from 'zod';
import { positiveId } from '#src/lib/forms/fields.js';
import { code } from '#src/lib/forms/penduduk-fields.js';
import { optionalId, versi } from './keluarga.schema.js';

/** Household forms: creating one, and the operation forms of a household's page (told apart by `intent`). */

/** Basis Data Terpadu id: up to 16 digits; empty → null. */
const bdt = () =>
  z
    .union([z.string(), z.number()])
    .optional()
    .nullable()
    .transform((v) => (v === undefined || v === null ? '' : String(v).replace(/\s/g, '')))
    .refine((v) => v === '' || /^\d{1,16}$/.test(v), { error: 'bdtTidakValid' })
    .transform((v) => (v === '' ? null : v));

/** A checkbox: ticked sends "1" (or "on"); absent means no. */
const flag = () =>
  z
    .union([z.string(), z.number()])
    .optional()
    .transform((v): 0 | 1 => (v === '1' || v === 1 || v === 'on' || v === 'ya' ? 1 : 0));

const data = { kelas_sosial: code('keluarga_sejahtera'), bdt: bdt(), terdaftar_dtks: flag() };

export const NewRumahTanggaSchema = z.object({ kepala_id: positiveId(), ...data });

/** One schema per operation form of a household's page. */
export const RT_OP = {
  tambahAnggota: z.object({ intent: z.literal('tambah-anggota'), penduduk_id: positiveId() }),
  keluarkan: z.object({ intent: z.literal('keluarkan'), penduduk_id: positiveId(), kepala_baru_id: optionalId() }),
  gantiKepala: z.object({ intent: z.literal('ganti-kepala'), kepala_baru_id: positiveId() }),
  ubahData: z.object({ intent: z.literal('ubah-data'), versi: versi(), ...data }),
};

export const RumahTanggaOpSchema = z.discriminatedUnion(
  'intent',
  [RT_OP.tambahAnggota, RT_OP.keluarkan, RT_OP.gantiKepala, RT_OP.ubahData],
  { error: 'pilihanTidakValid' },
);
export type RumahTanggaOp = z.infer<typeof RumahTanggaOpSchema>;
