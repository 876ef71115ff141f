import { z } from 'zod';
import { pendudukFields } from '#src/features/penduduk/penduduk.schema.js';
import { CODED_FIELDS, fieldDescription } from './penduduk-api.codes.js';
import { IDENTITY_NUMBERS } from './penduduk-api.serialize.js';

/**
 * Response shapes of the registry API, for the OpenAPI document (the serializers in penduduk-api.serialize.ts
 * produce exactly these; the tests hold them to it).
 */
const text = () => z.string().nullable();
const int = () => z.int().nullable();
const masked = (what: string) =>
  z
    .string()
    .nullable()
    .meta({ description: `${what}; without read:nik only the last 4 digits are shown (************1234)` });
const units = {
  dusun: text().meta({ description: 'Dusun name' }),
  rw: text().meta({ description: 'RW number (3 digits), null when none' }),
  rt: text().meta({ description: 'RT number (3 digits), null when none' }),
};

export const CreatedPersonSchema = z.object({
  id: z.int(),
  nik: z.string().meta({ description: 'The NIK, or the temporary number issued when none was given' }),
});
export const CreatedSchema = z.object({ id: z.int() });
export const TransferPendingSchema = z.object({
  status: z.literal('menunggu'),
  pindah_id: z.int().meta({ description: 'The transfer request; the desa the person lives in confirms it' }),
});
export const SavedSchema = z.object({ id: z.int(), versi: z.int() });

export const PendudukItemSchema = z.object({
  id: z.int(),
  nik: masked('NIK (or temporary number)'),
  nama: z.string(),
  no_kk: masked('Nomor KK'),
  sex: int(),
  sex_label: text(),
  tempatlahir: text(),
  tanggallahir: text().meta({ description: 'YYYY-MM-DD' }),
  kk_level: int(),
  ...units,
  status_dasar: z.int(),
});

const paging = { total: z.int(), halaman: z.int(), per: z.int() };
export const PendudukListSchema = z.object({ data: z.array(PendudukItemSchema), ...paging });

const INTEGER = new Set(['kelahiran_anak_ke', 'berat_lahir']);
const NUMBER = new Set(['lat', 'lng']);

function recordField(name: string): z.ZodType {
  const description = fieldDescription(name)?.split(': code or label')[0];
  let schema: z.ZodType;
  if (IDENTITY_NUMBERS.has(name)) schema = masked(description ?? name);
  else if (CODED_FIELDS[name] || INTEGER.has(name)) schema = int();
  else if (NUMBER.has(name)) schema = z.number().nullable();
  else schema = text();
  return description && !IDENTITY_NUMBERS.has(name) ? schema.meta({ description }) : schema;
}

const personFields = Object.fromEntries(
  Object.keys(pendudukFields)
    .filter((k) => k !== 'nik')
    .map((k) => [k, recordField(k)]),
);

export const PendudukRecordSchema = z.object({
  id: z.int(),
  desa_kode: z.string(),
  nik: masked('NIK (or temporary number)'),
  nik_sementara: z.boolean().meta({ description: 'true when `nik` is a temporary number' }),
  ...personFields,
  no_kk: masked('Nomor KK'),
  keluarga_id: int(),
  kk_level: int(),
  alamat: text().meta({ description: 'Family (KK) address' }),
  ...units,
  lingkungan_id: int(),
  status_dasar: z.int(),
  rumah_tangga_id: int(),
  rtm_level: int(),
  digabung_ke_id: int().meta({ description: 'Set when this record was merged into another' }),
  peringatan: z.array(z.string()).meta({ description: 'Data-quality warnings (never block saving)' }),
  versi: z.int().meta({ description: 'Send it back with PUT' }),
  dibuat_pada: z.string(),
  dibuat_oleh: text(),
  diperbarui_pada: z.string(),
  diperbarui_oleh: text(),
});

export const KeluargaItemSchema = z.object({
  id: z.int(),
  no_kk: masked('Nomor KK'),
  alamat: text(),
  ...units,
  kepala_id: int(),
  nama_kepala: text(),
  jumlah_anggota: z.int(),
  tgl_daftar: z.string(),
  ditutup_pada: text().meta({ description: 'Set when the KK is no longer in use' }),
});
export const KeluargaListSchema = z.object({ data: z.array(KeluargaItemSchema), ...paging });

export const AnggotaSchema = z.object({
  id: z.int(),
  nik: masked('NIK (or temporary number)'),
  nama: z.string(),
  sex: int(),
  tanggallahir: text(),
  kk_level: int(),
  kk_level_label: text(),
  status_dasar: z.int(),
});

export const KeluargaRecordSchema = z.object({
  id: z.int(),
  desa_kode: z.string(),
  no_kk: masked('Nomor KK'),
  alamat: text(),
  ...units,
  kepala_id: int(),
  kelas_sosial: int(),
  tgl_daftar: z.string(),
  ditutup_pada: text(),
  anggota: z.array(AnggotaSchema).meta({ description: 'Living members, head first' }),
});
