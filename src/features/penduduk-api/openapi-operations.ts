import { z } from 'zod';
import {
  CreatedPersonSchema,
  CreatedSchema,
  KeluargaListSchema,
  KeluargaRecordSchema,
  PendudukListSchema,
  PendudukRecordSchema,
  SavedSchema,
  TransferPendingSchema,
} from './penduduk-api.responses.js';
import {
  BatalSchema,
  KeluargaCariSchema,
  KepergianDocSchema,
  LahirApiSchema,
  PendudukBaruSchema,
  PendudukCariSchema,
  PendudukUbahSchema,
  PindahMasukApiSchema,
} from './penduduk-api.schema.js';

/**
 * What the OpenAPI document says about each /api/v1 route (keyed `METHOD url` as in src/routes.ts). Access
 * (public, signed in, permission) comes from the route table itself; the test checks that every registered
 * route has an entry here and that no entry is stale.
 */
export interface OperationDoc {
  summary: string;
  description?: string;
  tag: 'wilayah' | 'statistik' | 'desa' | 'akun' | 'penduduk' | 'keluarga' | 'peristiwa' | 'dokumen';
  query?: z.ZodObject;
  body?: z.ZodType;
  /** success responses */
  responses: Record<number, { description: string; schema?: z.ZodType }>;
  /** the operation can answer 409 (conflict: a number in use, a stale version, an event that cannot be undone) */
  conflict?: boolean;
}

const RegionSchema = z.object({ kode: z.string(), nama: z.string(), tingkat: z.string(), aktif: z.boolean() });
const unit = (anak?: z.ZodType) =>
  z.object({ id: z.int(), tingkat: z.enum(['dusun', 'rw', 'rt']), nama: z.string(), anak: anak ?? z.array(z.never()) });

const DesaSchema = z.object({
  kode: z.string(),
  nama: z.string(),
  tingkat: z.string(),
  sebutan: z.string(),
  sebutan_dusun: z.string(),
  kecamatan: z.object({ kode: z.string(), nama: z.string() }),
  alamat: z.string().nullable(),
  kode_pos: z.string().nullable(),
  telepon: z.string().nullable(),
  email: z.string().nullable(),
  situs: z.string().nullable(),
  kepala_desa: z.string().nullable(),
  hosts: z.array(z.string()),
  logo: z.string().nullable(),
  diaktifkan_pada: z.string(),
});

export const OPERATIONS: Readonly<Record<string, OperationDoc>> = {
  'GET /api/v1/openapi.json': {
    tag: 'dokumen',
    summary: 'This document (OpenAPI 3.1)',
    responses: { 200: { description: 'The OpenAPI document' } },
  },
  'GET /api/v1/wilayah': {
    tag: 'wilayah',
    summary: 'Provinces (Kemendagri region codes, edition 2025)',
    responses: { 200: { description: 'Provinces', schema: z.object({ anak: z.array(RegionSchema) }) } },
  },
  'GET /api/v1/wilayah/{kode}': {
    tag: 'wilayah',
    summary: 'A region and its children',
    responses: {
      200: {
        description: 'The region',
        schema: z.object({
          kode: z.string(),
          nama: z.string(),
          tingkat: z.string(),
          induk: z.string().nullable(),
          anak: z.array(RegionSchema),
        }),
      },
    },
  },
  'GET /api/v1/statistik/{kode}/{kategori}': {
    tag: 'statistik',
    summary: 'One population category of a region (desa, kecamatan, kabupaten) at a date',
    description:
      'Aggregates only, never persons. `kategori` is a slug of statistics.md §3 (e.g. jenis-kelamin, agama, rentang-umur) ' +
      'or keluarga-sejahtera / rumah-tangga-dtks. Rows are the codes and BELUM MENGISI (777); they add up to `total`. ' +
      'Counts from 1 to `sel_minimum` − 1 are given as the string "<N" (small cells hidden).',
    query: z.object({ per: z.string().optional().describe('a past date, YYYY-MM-DD (default: today)') }),
    responses: {
      200: {
        description: 'The table',
        schema: (() => {
          const n = z.union([z.int(), z.string()]);
          const row = z.object({ kode: z.string(), label: z.string(), laki: n, perempuan: n, jumlah: n });
          return z.object({
            kode: z.string(),
            kategori: z.string(),
            label: z.string(),
            per_tanggal: z.string(),
            baris: z.array(row),
            jumlah: row,
            total: z.int(),
            total_rinci: row,
            sel_minimum: z.int(),
          });
        })(),
      },
    },
  },
  'GET /api/v1/saya': {
    tag: 'akun',
    summary: 'The caller: user name and role assignments',
    responses: {
      200: {
        description: 'The signed-in user or token owner',
        schema: z.object({
          username: z.string(),
          nama: z.string(),
          peran: z.array(z.object({ peran: z.string(), lingkup: z.string(), lingkungan_id: z.int().nullable() })),
          via: z.enum(['session', 'token']),
        }),
      },
    },
  },
  'GET /api/v1/desa/{kode}': {
    tag: 'desa',
    summary: 'Profile of an active desa',
    responses: { 200: { description: 'The desa', schema: DesaSchema } },
  },
  'GET /api/v1/desa/{kode}/lingkungan': {
    tag: 'desa',
    summary: 'The dusun → RW → RT tree of a desa',
    responses: {
      200: {
        description: 'The tree',
        schema: z.object({ desa: z.string(), dusun: z.array(unit(z.array(unit(z.array(unit()))))) }),
      },
    },
  },
  'GET /api/v1/desa/{kode}/penduduk': {
    tag: 'penduduk',
    summary: 'Find residents: exact NIK (`nik`) or name prefix (`q`)',
    description: 'Living residents unless `status_dasar` says otherwise. Code filters take a code or a label.',
    query: PendudukCariSchema,
    responses: { 200: { description: 'A page of residents', schema: PendudukListSchema } },
  },
  'POST /api/v1/desa/{kode}/penduduk': {
    tag: 'penduduk',
    summary: 'Enter a resident of the baseline register (as the OpenSID import; no population event)',
    description:
      'A dusun/RW/RT not yet in the desa is created. A new `no_kk` with `kk_level` 1 creates the family with this ' +
      'person as head; a member joins the family of this desa using that number (its head must come first). ' +
      'A NIK living anywhere in the installation → 409 naming the desa. Births and arrivals: /peristiwa endpoints.',
    body: PendudukBaruSchema,
    responses: { 201: { description: 'Created', schema: CreatedPersonSchema } },
    conflict: true,
  },
  'GET /api/v1/penduduk/{id}': {
    tag: 'penduduk',
    summary: "A resident's whole record (the read is audited)",
    responses: { 200: { description: 'The record', schema: PendudukRecordSchema } },
  },
  'PUT /api/v1/penduduk/{id}': {
    tag: 'penduduk',
    summary: "Replace a resident's data (every person field; absent = empty)",
    description:
      'Send the `versi` from GET: if someone saved in between, nothing is changed and 409 says who and when. ' +
      'no_kk, kk_level, alamat and status_dasar change only through family operations and events. The ' +
      'dusun/RW/RT must exist in the desa.',
    body: PendudukUbahSchema,
    responses: { 200: { description: 'Saved', schema: SavedSchema } },
    conflict: true,
  },
  'POST /api/v1/penduduk/{id}/peristiwa': {
    tag: 'peristiwa',
    summary: 'Record a death, moving out, missing person or departure (kode mati/pindah_keluar/hilang/pergi)',
    description:
      'When the person heads a family with other living members, `kepala_baru_id` names the new head (422 otherwise); ' +
      'the last member leaving closes the KK.',
    body: KepergianDocSchema,
    responses: { 201: { description: 'The event', schema: CreatedSchema } },
    conflict: true,
  },
  'POST /api/v1/desa/{kode}/peristiwa/lahir': {
    tag: 'peristiwa',
    summary: 'Record a birth into a family of this desa',
    description: 'The dusun/RW/RT defaults to the family’s; when named it must exist.',
    body: LahirApiSchema,
    responses: { 201: { description: 'The new resident', schema: CreatedPersonSchema } },
    conflict: true,
  },
  'POST /api/v1/desa/{kode}/peristiwa/pindah-masuk': {
    tag: 'peristiwa',
    summary: 'Record an arrival (pindah masuk)',
    description:
      'Joins a family of this desa (`no_kk` or `keluarga_id` with `kk_level`), or brings its own KK (a new family ' +
      'with this person as head; a temporary number without `no_kk`). A NIK living in another desa of this ' +
      'installation is not entered again: a transfer request goes to that desa (202).',
    body: PindahMasukApiSchema,
    responses: {
      201: { description: 'The resident', schema: CreatedSchema },
      202: { description: 'A transfer request waits for the desa of origin', schema: TransferPendingSchema },
    },
    conflict: true,
  },
  'POST /api/v1/peristiwa/{id}/batal': {
    tag: 'peristiwa',
    summary: 'Reverse an event (a reversing entry; the event stays in the history)',
    description: 'Only the latest standing event of a person can be reversed.',
    body: BatalSchema,
    responses: { 201: { description: 'The reversing entry', schema: CreatedSchema } },
    conflict: true,
  },
  'GET /api/v1/desa/{kode}/keluarga': {
    tag: 'keluarga',
    summary: 'Families (KK) of a desa, or the one using `no_kk`',
    query: KeluargaCariSchema,
    responses: { 200: { description: 'A page of families', schema: KeluargaListSchema } },
  },
  'GET /api/v1/keluarga/{id}': {
    tag: 'keluarga',
    summary: 'A family with its living members (the read is audited)',
    responses: { 200: { description: 'The family', schema: KeluargaRecordSchema } },
  },
};
