import { HIDUP } from '#src/features/mandiri/mandiri.repository.js';
import type { Db } from '#src/lib/db/connect.js';

/** The facts self-registration compares with what the resident typed, for the living holder of a NIK. */
export function findCalon(db: Db, nik: string) {
  return db
    .selectFrom('penduduk as p')
    .innerJoin('desa as d', 'd.kode', 'p.desa_kode')
    .leftJoin('keluarga as k', 'k.id', 'p.keluarga_id')
    .leftJoin('mandiri_desa as md', 'md.desa_kode', 'p.desa_kode')
    .leftJoin('warga_akun as a', 'a.penduduk_id', 'p.id')
    .select([
      'p.id',
      'p.nama',
      'p.tanggallahir',
      'p.desa_kode',
      'k.no_kk',
      'md.aktif as layanan',
      'md.pendaftaran_mandiri as boleh',
      'a.aktif as akun_aktif',
    ])
    .where('p.nik', '=', nik)
    .where('p.status_dasar', '=', HIDUP)
    .executeTakeFirst();
}

export async function adaMenunggu(db: Db, pendudukId: number): Promise<boolean> {
  const row = await db
    .selectFrom('warga_pendaftaran')
    .select('id')
    .where('penduduk_id', '=', pendudukId)
    .where('status', '=', 'menunggu')
    .executeTakeFirst();
  return row !== undefined;
}

export function findDraf(db: Db, tokenHash: string, now: string) {
  return db
    .selectFrom('warga_pendaftaran_draf')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('kedaluwarsa_pada', '>', now)
    .executeTakeFirst();
}

/** Waiting registrations of a desa, oldest first, with the resident's name. */
export function listMenunggu(db: Db, desaKode: string) {
  return db
    .selectFrom('warga_pendaftaran as w')
    .innerJoin('penduduk as p', 'p.id', 'w.penduduk_id')
    .select(['w.id', 'w.penduduk_id', 'p.nama', 'w.email', 'w.dibuat_pada'])
    .where('w.desa_kode', '=', desaKode)
    .where('w.status', '=', 'menunggu')
    .orderBy('w.dibuat_pada')
    .orderBy('w.id')
    .execute();
}

export function findPendaftaran(db: Db, id: number) {
  return db.selectFrom('warga_pendaftaran').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function bolehDaftar(db: Db, desaKode: string): Promise<boolean> {
  const row = await db
    .selectFrom('mandiri_desa')
    .select('pendaftaran_mandiri')
    .where('desa_kode', '=', desaKode)
    .executeTakeFirst();
  return row?.pendaftaran_mandiri === 1;
}
