import { countFamiliesWithoutHead } from '#src/features/keluarga/keluarga-invariants.js';
import {
  type Column,
  insertUnnest,
  insertValues,
  isPostgres,
  reserveIds,
  type TableRows,
  type Value,
} from '#src/lib/db/bulk.js';
import type { Db } from '#src/lib/db/connect.js';
import type { DemoPerson, DesaPenduduk } from './demo-penduduk.js';

/**
 * Writes one generated desa in the caller's transaction. Ids are reserved first, so every family is
 * written with its head (kepala_id) and every household with its head, in the same transaction as the
 * residents; a check before commit confirms each family's head is a living member with SHDK 1.
 */
const BY = 'demo';

const PERSON_FIELDS: readonly (readonly [keyof DemoPerson, Column[1]])[] = [
  ['nik', 'text'],
  ['nama', 'text'],
  ['nama_normal', 'text'],
  ['sex', 'int'],
  ['tempatlahir', 'text'],
  ['tanggallahir', 'date'],
  ['waktu_lahir', 'text'],
  ['tempat_dilahirkan', 'int'],
  ['jenis_kelahiran', 'int'],
  ['kelahiran_anak_ke', 'int'],
  ['penolong_kelahiran', 'int'],
  ['berat_lahir', 'int'],
  ['panjang_lahir', 'text'],
  ['agama_id', 'int'],
  ['pendidikan_kk_id', 'int'],
  ['pendidikan_sedang_id', 'int'],
  ['pekerjaan_id', 'int'],
  ['status_kawin', 'int'],
  ['ayah_nik', 'text'],
  ['ibu_nik', 'text'],
  ['nama_ayah', 'text'],
  ['nama_ibu', 'text'],
  ['nama_ibu_normal', 'text'],
  ['golongan_darah_id', 'int'],
  ['status', 'int'],
  ['status_dasar', 'int'],
  ['alamat_sebelumnya', 'text'],
  ['hamil', 'int'],
  ['cacat_id', 'int'],
  ['sakit_menahun_id', 'int'],
  ['cara_kb_id', 'int'],
  ['akta_lahir', 'text'],
  ['akta_perkawinan', 'text'],
  ['tanggalperkawinan', 'date'],
  ['akta_perceraian', 'text'],
  ['tanggalperceraian', 'date'],
  ['ktp_el', 'int'],
  ['status_rekam', 'int'],
  ['id_asuransi', 'int'],
  ['telepon', 'text'],
  ['bahasa_id', 'int'],
  ['suku', 'text'],
  ['kk_level', 'int'],
  ['rtm_level', 'int'],
  ['lingkungan_id', 'int'],
];

const BOOKKEEPING: Column[] = [
  ['dibuat_pada', 'timestamptz'],
  ['dibuat_oleh', 'text'],
  ['diperbarui_pada', 'timestamptz'],
  ['diperbarui_oleh', 'text'],
];

/** What an event records besides dates and family (death, move, arrival details). */
const EVENT_DETAILS: Column[] = [
  ['meninggal_di', 'text'],
  ['jam_mati', 'text'],
  ['sebab', 'int'],
  ['penolong_mati', 'int'],
  ['akta_mati', 'text'],
  ['ref_pindah', 'int'],
  ['alamat_tujuan', 'text'],
  ['alamat_asal', 'text'],
  ['maksud_tujuan_kedatangan', 'text'],
];

const COLUMNS = {
  keluarga: [
    ['id', 'int'],
    ['desa_kode', 'text'],
    ['no_kk', 'text'],
    ['kepala_id', 'int'],
    ['alamat', 'text'],
    ['lingkungan_id', 'int'],
    ['kelas_sosial', 'int'],
    ['tgl_daftar', 'date'],
    ['tgl_cetak_kk', 'date'],
    ...BOOKKEEPING,
  ],
  keluarga_no_kk: [
    ['keluarga_id', 'int'],
    ['no_kk', 'text'],
    ['berlaku_sejak', 'timestamptz'],
    ['alasan', 'text'],
  ],
  rumah_tangga: [
    ['id', 'int'],
    ['desa_kode', 'text'],
    ['nomor', 'text'],
    ['kepala_id', 'int'],
    ['kelas_sosial', 'int'],
    ['terdaftar_dtks', 'int'],
    ['lingkungan_id', 'int'],
    ['tgl_daftar', 'date'],
    ...BOOKKEEPING,
  ],
  penduduk: [
    ['id', 'int'],
    ['desa_kode', 'text'],
    ['keluarga_id', 'int'],
    ['rumah_tangga_id', 'int'],
    ...PERSON_FIELDS.map(([name, type]): Column => [name, type]),
    ...BOOKKEEPING,
  ],
  peristiwa: [
    ['id', 'int'],
    ['penduduk_id', 'int'],
    ['desa_kode', 'text'],
    ['kode', 'int'],
    ['tgl_peristiwa', 'date'],
    ['tgl_lapor', 'date'],
    ['keluarga_id', 'int'],
    ['no_kk', 'text'],
    ['nama_kk', 'text'],
    ...EVENT_DETAILS,
    ['status_sebelum', 'int'],
    ['status_sesudah', 'int'],
    ['dicatat_oleh', 'text'],
    ['dicatat_pada', 'timestamptz'],
  ],
  peristiwa_keluarga: [
    ['keluarga_id', 'int'],
    ['kode', 'int'],
    ['tgl_peristiwa', 'date'],
    ['penduduk_id', 'int'],
    ['peristiwa_id', 'int'],
    ['catatan', 'text'],
    ['dicatat_oleh', 'text'],
    ['dicatat_pada', 'timestamptz'],
  ],
} as const satisfies Record<string, readonly Column[]>;

/** Recorded at 10:00 WIB on the report date. */
const recordedAt = (date: string) => `${date}T03:00:00.000Z`;

function tables(desaKode: string, data: DesaPenduduk, ids: Record<'k' | 'r' | 'p' | 'e', number[]>): TableRows[] {
  const now = new Date().toISOString();
  const at = <T>(list: readonly T[], i: number) => list[i] as T;
  const personId = (key: number) => at(ids.p, key);
  const familyId = (key: number) => at(ids.k, key);
  const keluarga = data.families.map((f, i): Value[] => [
    at(ids.k, i),
    desaKode,
    f.no_kk,
    personId(f.headKey),
    f.alamat,
    f.lingkungan_id,
    f.kelas_sosial,
    f.tgl_daftar,
    f.tgl_daftar,
    now,
    BY,
    now,
    BY,
  ]);
  const householdHeads = new Map<number, number>();
  for (const [i, p] of data.persons.entries())
    if (p.rtm_level === 1 && p.householdKey !== null) householdHeads.set(p.householdKey, i);
  const rumahTangga = data.households.map((h, i): Value[] => [
    at(ids.r, i),
    desaKode,
    h.nomor,
    personId(householdHeads.get(i) ?? -1),
    h.kelas_sosial,
    h.terdaftar_dtks,
    h.lingkungan_id,
    h.tgl_daftar,
    now,
    BY,
    now,
    BY,
  ]);
  const penduduk = data.persons.map((p, i): Value[] => {
    const row: Value[] = [
      at(ids.p, i),
      desaKode,
      familyId(p.familyKey),
      p.householdKey === null ? null : at(ids.r, p.householdKey),
    ];
    for (const [field] of PERSON_FIELDS) row.push(p[field]);
    row.push(now, BY, now, BY);
    return row;
  });
  const peristiwa = data.events.map((e, i): Value[] => {
    const row: Value[] = [at(ids.e, i), personId(e.personKey), desaKode, e.kode, e.tgl_peristiwa, e.tgl_lapor];
    row.push(familyId(e.familyKey), data.families[e.familyKey]?.no_kk ?? null, e.nama_kk);
    for (const [d] of EVENT_DETAILS) row.push(e.details[d] ?? null);
    row.push(e.status_sebelum, e.status_sesudah, BY, recordedAt(e.tgl_lapor));
    return row;
  });
  const peristiwaKeluarga = data.familyEvents.map((e): Value[] => [
    familyId(e.familyKey),
    e.kode,
    e.tgl_peristiwa,
    personId(e.personKey),
    e.eventKey === null ? null : at(ids.e, e.eventKey),
    e.newHeadKey === null ? null : `kepala keluarga baru #${personId(e.newHeadKey)}`,
    BY,
    recordedAt(e.tgl_peristiwa),
  ]);
  const noKk = data.families.map((f, i): Value[] => [at(ids.k, i), f.no_kk, recordedAt(f.tgl_daftar), 'keluarga baru']);
  return [
    { table: 'keluarga', columns: COLUMNS.keluarga, rows: keluarga, explicitIds: true },
    { table: 'keluarga_no_kk', columns: COLUMNS.keluarga_no_kk, rows: noKk, explicitIds: false },
    { table: 'rumah_tangga', columns: COLUMNS.rumah_tangga, rows: rumahTangga, explicitIds: true },
    { table: 'penduduk', columns: COLUMNS.penduduk, rows: penduduk, explicitIds: true },
    { table: 'peristiwa', columns: COLUMNS.peristiwa, rows: peristiwa, explicitIds: true },
    { table: 'peristiwa_keluarga', columns: COLUMNS.peristiwa_keluarga, rows: peristiwaKeluarga, explicitIds: false },
  ];
}

export async function writeDesaPenduduk(trx: Db, desaKode: string, data: DesaPenduduk): Promise<void> {
  const ids = {
    k: await reserveIds(trx, 'keluarga', data.families.length),
    r: await reserveIds(trx, 'rumah_tangga', data.households.length),
    p: await reserveIds(trx, 'penduduk', data.persons.length),
    e: await reserveIds(trx, 'peristiwa', data.events.length),
  };
  const rows = tables(desaKode, data, ids);
  if (isPostgres(trx)) await insertUnnest(trx, rows);
  else await insertValues(trx, rows);
  const broken = await countFamiliesWithoutHead(trx, desaKode);
  if (broken > 0) throw new Error(`${desaKode}: ${broken} keluarga/rumah tangga tanpa kepala yang sah`);
}

export async function hasResidents(db: Db, desaKode: string): Promise<boolean> {
  const row = await db
    .selectFrom('penduduk')
    .select('id')
    .where('desa_kode', '=', desaKode)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Those of `values` already in use, looked up in chunks: NIKs of living residents, or active KK numbers. */
export async function findTaken(db: Db, kind: 'nik' | 'no_kk', values: readonly string[]): Promise<Set<string>> {
  const taken = new Set<string>();
  for (let i = 0; i < values.length; i += 5_000) {
    const chunk = values.slice(i, i + 5_000);
    const found =
      kind === 'nik'
        ? await db
            .selectFrom('penduduk')
            .select('nik as v')
            .where('status_dasar', '=', 1)
            .where('nik', 'in', chunk)
            .execute()
        : await db
            .selectFrom('keluarga')
            .select('no_kk as v')
            .where('ditutup_pada', 'is', null)
            .where('no_kk', 'in', chunk)
            .execute();
    for (const r of found) if (r.v) taken.add(r.v);
  }
  return taken;
}

/** Highest serial of the desa's household numbers (`kode desa` + 5 digits), found through the desa index. */
export async function maxHouseholdSerial(db: Db, desaKode: string): Promise<number> {
  const prefix = desaKode.replaceAll('.', '');
  const r = await db
    .selectFrom('rumah_tangga')
    .select((eb) => eb.fn.max('nomor').as('m'))
    .where('desa_kode', '=', desaKode)
    .where('nomor', '>=', `${prefix}00000`)
    .where('nomor', '<=', `${prefix}99999`)
    .executeTakeFirst();
  return r?.m ? Number(String(r.m).slice(prefix.length)) : 0;
}
