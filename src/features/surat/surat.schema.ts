import { z } from 'zod';
import { cleanNumber, isPersonalNumber } from '#src/domain/nik.js';
import { isCalendarDate } from '#src/lib/forms/penduduk-fields.js';
import type { DataSurat, SuratInput } from './surat.service.js';
import { type Blok, isianSchema, type JenisSurat } from './surat-jenis.schema.js';
import type { SubjekInput } from './surat-subjek.service.js';

/**
 * The letter forms. The issuing form is built from the type: per person block `subjek.<blok>.penduduk_id`
 * (chosen from the search), `subjek.<blok>.nik` (typed) and, when the block allows people from outside the
 * desa, `subjek.<blok>.luar.<field>`; per custom field `isian.<kode>`. This schema checks the shape (lengths,
 * NIK digits, dates); the letter service checks the rest against the type (required answers, who may be the
 * subject) and reports every problem at once.
 */

/** What the buttons of the form ask for: save, submit, preview, or (no JavaScript) search/choose/clear a person. */
export type Intent =
  | { aksi: 'draf' | 'ajukan' | 'pratinjau' }
  | { aksi: 'cari'; blok: string | null }
  | { aksi: 'ganti'; blok: string }
  | { aksi: 'pilih'; blok: string; id: number };

const INTENT = /^(?:(draf|ajukan|pratinjau)|(cari)|(cari|ganti):([a-z][a-z0-9_]*)|pilih:([a-z][a-z0-9_]*):(\d{1,12}))$/;

/**
 * The pressed button (`intent`). A bare `cari` is the form's default button (Enter in any box): it searches
 * the block whose name box was filled, or just shows the form again. Anything unknown saves a draft.
 */
export function parseIntent(raw: unknown): Intent {
  const m = typeof raw === 'string' ? INTENT.exec(raw) : null;
  if (!m) return { aksi: 'draf' };
  if (m[1]) return { aksi: m[1] as 'draf' | 'ajukan' | 'pratinjau' };
  if (m[2]) return { aksi: 'cari', blok: null };
  if (m[3] === 'cari') return { aksi: 'cari', blok: m[4] as string };
  if (m[3]) return { aksi: 'ganti', blok: m[4] as string };
  return { aksi: 'pilih', blok: m[5] as string, id: Number(m[6]) };
}

/** Outsider fields: name and NIK, or — for blocks taking full data — birth, sex, religion, work and address. */
export const LUAR_NIK = ['nama', 'nik'] as const;
export const LUAR_LENGKAP = [
  ...LUAR_NIK,
  'tempatlahir',
  'tanggallahir',
  'sex',
  'agama_id',
  'pekerjaan_id',
  'alamat',
] as const;
export type LuarField = (typeof LUAR_LENGKAP)[number];

const teks = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `terlaluPanjang|${max}` })
    .optional();
const kode = z
  .string()
  .trim()
  .regex(/^\d{0,3}$/, { error: 'invalid' })
  .optional();
/** A NIK typed into the form: spaces and dots dropped; empty = none. */
const nikKetik = z
  .string()
  .trim()
  .max(40, { error: 'terlaluPanjang|40' })
  .transform((v) => cleanNumber(v))
  .refine((v) => v === '' || /^\d{16}$/.test(v), { error: 'nikFormat' })
  .optional();

const LUAR_SCHEMA: Record<LuarField, z.ZodType<string | undefined>> = {
  nama: teks(100),
  nik: nikKetik,
  tempatlahir: teks(100),
  tanggallahir: z
    .string()
    .trim()
    .refine((v) => v === '' || isCalendarDate(v), { error: 'tanggalTidakValid' })
    .optional(),
  sex: z.enum(['', '1', '2']).optional(),
  agama_id: kode,
  pekerjaan_id: kode,
  alamat: teks(200),
};

/** Person blocks of a type (picked from the register or typed in); `manual` blocks hold no person. */
export const blokOrang = (def: Pick<JenisSurat, 'blok'>) => def.blok.filter((b) => b.sumber === 'penduduk');
/** Family-member blocks: ticked members of the main subject's family (`subjek.<blok>.anggota.<id>`). */
export const blokAnggota = (def: Pick<JenisSurat, 'blok'>) => def.blok.filter((b) => b.sumber === 'anggota');
const MAKS_ANGGOTA = 30;

/** The ticked members of a family-member block, from the checkbox names. */
function anggotaTerpilih(values: Record<string, unknown>, blok: string): number[] {
  const prefix = `subjek.${blok}.anggota.`;
  return Object.keys(values)
    .filter((k) => k.startsWith(prefix) && values[k] !== '' && values[k] !== undefined)
    .map((k) => Number(k.slice(prefix.length)))
    .filter((id) => Number.isSafeInteger(id) && id > 0)
    .slice(0, MAKS_ANGGOTA);
}

export function luarFields(blok: Blok): readonly LuarField[] {
  if (blok.data.includes('luar_lengkap')) return LUAR_LENGKAP;
  if (blok.data.includes('luar_nik')) return LUAR_NIK;
  return [];
}

/** The form of one letter type → the service's input (subjects and answers) and the pressed button. */
export function suratFormSchema(def: Pick<JenisSurat, 'blok' | 'isian'>) {
  const shape: Record<string, z.ZodType> = {};
  for (const b of blokOrang(def)) {
    shape[`subjek.${b.kode}.penduduk_id`] = z
      .string()
      .regex(/^\d{0,12}$/, { error: 'invalid' })
      .optional();
    shape[`subjek.${b.kode}.nik`] = nikKetik;
    for (const f of luarFields(b)) shape[`subjek.${b.kode}.luar.${f}`] = LUAR_SCHEMA[f];
  }
  for (const f of def.isian)
    shape[`isian.${f.kode}`] = z.string().max(20_000, { error: 'terlaluPanjang|20000' }).optional();
  // loose: the family-member checkboxes are named by resident id
  return z.looseObject(shape).transform((v): Omit<SuratInput, 'slug'> => {
    const get = (k: string) => (typeof v[k] === 'string' ? (v[k] as string) : '');
    const subjek: Record<string, SubjekInput> = {};
    for (const b of blokOrang(def)) {
      const s: SubjekInput = {};
      const id = Number(get(`subjek.${b.kode}.penduduk_id`));
      if (id > 0) s.pendudukId = id;
      const nik = get(`subjek.${b.kode}.nik`);
      if (nik) s.nik = nik;
      const luar: Record<string, string> = {};
      for (const f of luarFields(b)) {
        const value = get(`subjek.${b.kode}.luar.${f}`);
        if (value) luar[f] = value;
      }
      if (luar.nama || luar.nik) s.luar = luar;
      if (Object.keys(s).length > 0) subjek[b.kode] = s;
    }
    for (const b of blokAnggota(def)) {
      const ids = anggotaTerpilih(v, b.kode);
      if (ids.length > 0) subjek[b.kode] = { anggota: ids };
    }
    const isian = Object.fromEntries(def.isian.map((f) => [f.kode, get(`isian.${f.kode}`).trim()]));
    return { subjek, isian };
  });
}

/** Browser hints for the custom fields (required, maxlength): the same rules the service checks. */
export function isianHintSchema(def: Pick<JenisSurat, 'isian'>) {
  const shape = isianSchema(def).shape as Record<string, z.ZodType>;
  return z.object(Object.fromEntries(def.isian.map((f) => [`isian.${f.kode}`, shape[f.kode] as z.ZodType])));
}

/** A saved letter's data as form values (the edit form starts from them). */
export function valuesFromData(data: DataSurat): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [blok, s] of Object.entries(data.subjek)) {
    if ('penduduk_id' in s) values[`subjek.${blok}.penduduk_id`] = String(s.penduduk_id);
    else if ('luar' in s) for (const [k, v] of Object.entries(s.luar)) values[`subjek.${blok}.luar.${k}`] = v;
    else for (const id of s.anggota) values[`subjek.${blok}.anggota.${id}`] = '1';
  }
  for (const [k, v] of Object.entries(data.isian)) values[`isian.${k}`] = v;
  return values;
}

const tanggal = z
  .string()
  .trim()
  .refine((v) => isCalendarDate(v))
  .optional()
  .catch(undefined);

export const STATUS_FILTER = ['draf', 'diajukan', 'ditolak', 'selesai', 'dibatalkan', 'menunggu'] as const;

/** The archive's filters (GET): bad values are dropped rather than failing the page; no NIK in the URL. */
export const ArsipQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .max(100)
    .transform((v) => (isPersonalNumber(v) ? '' : v))
    .optional()
    .catch(undefined),
  jenis: z.coerce.number().int().positive().max(1e9).optional().catch(undefined),
  status: z.enum(STATUS_FILTER).optional().catch(undefined),
  dari: tanggal,
  sampai: tanggal,
  halaman: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});
export type ArsipQuery = z.infer<typeof ArsipQuerySchema>;

export const JenisQuerySchema = z.object({ q: z.string().trim().max(100).optional().catch(undefined) });

export const AgendaQuerySchema = z.object({
  tahun: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
});

/** Rejecting or cancelling a letter needs a reason (kept in the history and, for a cancelled letter, the agenda). */
export const AlasanSchema = z.object({
  alasan: z
    .string({ error: 'suratAlasanWajib' })
    .trim()
    .min(1, { error: 'suratAlasanWajib' })
    .max(500, { error: 'terlaluPanjang|500' }),
});
