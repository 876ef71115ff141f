import type { Db } from '#src/lib/db/connect.js';
import type { WargaAkunTable, WargaSesiTable } from './mandiri.table.js';

/** Status of a living resident in the register (penduduk.status_dasar). */
export const HIDUP = 1;

/** A resident as the login sees them: the account (if any), whether alive, and whether the desa offers the service. */
export interface WargaMasuk {
  pendudukId: number;
  nama: string;
  desaKode: string;
  tanggallahir: string | null;
  statusDasar: number;
  akunId: number | null;
  pinHash: string | null;
  akunAktif: number | null;
  harusGantiPin: number | null;
  layananAktif: boolean;
}

function wargaQuery(db: Db) {
  return db
    .selectFrom('penduduk as p')
    .innerJoin('desa as d', 'd.kode', 'p.desa_kode')
    .leftJoin('warga_akun as a', 'a.penduduk_id', 'p.id')
    .leftJoin('mandiri_desa as md', 'md.desa_kode', 'p.desa_kode')
    .select([
      'p.id as pendudukId',
      'p.nama',
      'p.desa_kode as desaKode',
      'p.tanggallahir',
      'p.status_dasar as statusDasar',
      'a.id as akunId',
      'a.pin_hash as pinHash',
      'a.aktif as akunAktif',
      'a.harus_ganti_pin as harusGantiPin',
      'md.aktif as layanan',
    ]);
}

function toWarga(row: Awaited<ReturnType<ReturnType<typeof wargaQuery>['executeTakeFirst']>>): WargaMasuk | null {
  if (!row) return null;
  const { layanan, ...rest } = row;
  return { ...rest, layananAktif: layanan === null || layanan === 1 };
}

/** The living resident holding this NIK (a NIK can be on a dead or moved record too: the living one wins). */
export async function findWargaByNik(db: Db, nik: string): Promise<WargaMasuk | null> {
  const row = await wargaQuery(db).where('p.nik', '=', nik).orderBy('p.status_dasar').executeTakeFirst();
  return toWarga(row);
}

export async function findWargaByPenduduk(db: Db, pendudukId: number): Promise<WargaMasuk | null> {
  return toWarga(await wargaQuery(db).where('p.id', '=', pendudukId).executeTakeFirst());
}

export async function findWargaByKartu(db: Db, kartuHash: string): Promise<WargaMasuk | null> {
  return toWarga(await wargaQuery(db).where('a.kartu_hash', '=', kartuHash).executeTakeFirst());
}

export function findAkun(db: Db, akunId: number) {
  return db.selectFrom('warga_akun').selectAll().where('id', '=', akunId).executeTakeFirst();
}

export async function insertAkun(db: Db, row: Omit<WargaAkunTable, 'id'>): Promise<number> {
  const r = await db.insertInto('warga_akun').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateAkun(db: Db, akunId: number, changes: Partial<Omit<WargaAkunTable, 'id'>>) {
  await db.updateTable('warga_akun').set(changes).where('id', '=', akunId).execute();
}

export async function insertSesi(db: Db, row: WargaSesiTable) {
  await db.insertInto('warga_sesi').values(row).execute();
}

/** The live session with its account and resident, or undefined if unknown or expired. */
export function findLiveSesi(db: Db, idHash: string, now: string) {
  return db
    .selectFrom('warga_sesi as s')
    .innerJoin('warga_akun as a', 'a.id', 's.akun_id')
    .innerJoin('penduduk as p', 'p.id', 'a.penduduk_id')
    .leftJoin('mandiri_desa as md', 'md.desa_kode', 'p.desa_kode')
    .select([
      's.id_hash',
      's.csrf',
      's.anjungan_id',
      's.dibuat_pada',
      's.terakhir_aktif',
      'a.id as akun_id',
      'a.aktif',
      'a.harus_ganti_pin',
      'p.id as penduduk_id',
      'p.nama',
      'p.desa_kode',
      'p.status_dasar',
      'md.aktif as layanan',
    ])
    .where('s.id_hash', '=', idHash)
    .where('s.kedaluwarsa_pada', '>', now)
    .executeTakeFirst();
}

export async function touchSesi(db: Db, idHash: string, now: string, expires: string) {
  await db
    .updateTable('warga_sesi')
    .set({ terakhir_aktif: now, kedaluwarsa_pada: expires })
    .where('id_hash', '=', idHash)
    .execute();
}

export async function deleteSesi(db: Db, idHash: string) {
  await db.deleteFrom('warga_sesi').where('id_hash', '=', idHash).execute();
}

export async function deleteSesiOfAkun(db: Db, akunId: number) {
  await db.deleteFrom('warga_sesi').where('akun_id', '=', akunId).execute();
}
