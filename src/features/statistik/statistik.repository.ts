import { sql } from 'kysely';
import { KOLOM_ORANG_STAT, type OrangStat } from '#src/domain/statistik-kategori.js';
import type { PendudukRingkas, PeristiwaRingkas } from '#src/domain/statistik-kehadiran.js';
import type { Db } from '#src/lib/db/connect.js';

/** The columns the categories read, plus where the person lives and in which family. */
export const KOLOM_STAT = [
  'id',
  'desa_kode',
  'status_dasar',
  'lingkungan_id',
  'keluarga_id',
  'rumah_tangga_id',
  ...KOLOM_ORANG_STAT,
] as const;

export type OrangBaris = OrangStat &
  PendudukRingkas & {
    lingkungan_id: number | null;
    keluarga_id: number | null;
    rumah_tangga_id: number | null;
    akta_mati?: string | null;
  };

/** The living residents of a desa now. */
export function listHidup(db: Db, desaKode: string): Promise<OrangBaris[]> {
  return db
    .selectFrom('penduduk')
    .select(KOLOM_STAT)
    .where('desa_kode', '=', desaKode)
    .where('status_dasar', '=', 1)
    .execute() as Promise<OrangBaris[]>;
}

/**
 * Everyone who has lived in a desa: registered there now (any status) or with an event there. Two index scans
 * joined by UNION ALL: as one `… or id in (…)` PostgreSQL scanned the whole table (0.3–0.8 s per desa).
 */
export function listPernahDiDesa(db: Db, desaKode: string): Promise<OrangBaris[]> {
  return db
    .selectFrom('penduduk')
    .select(KOLOM_STAT)
    .where('desa_kode', '=', desaKode)
    .unionAll(
      db
        .selectFrom('penduduk')
        .select(KOLOM_STAT)
        .where('desa_kode', '<>', desaKode)
        .where('id', 'in', (eb) => eb.selectFrom('peristiwa').select('penduduk_id').where('desa_kode', '=', desaKode)),
    )
    .execute() as Promise<OrangBaris[]>;
}

export function listPeristiwaDesa(db: Db, desaKode: string, sampai?: string): Promise<PeristiwaRingkas[]> {
  let q = db
    .selectFrom('peristiwa')
    .select(['id', 'penduduk_id', 'desa_kode', 'kode', 'tgl_peristiwa', 'membatalkan_id', 'akta_mati'])
    .where('desa_kode', '=', desaKode);
  if (sampai) q = q.where('tgl_peristiwa', '<=', sampai);
  return q.execute();
}

/**
 * Each desa's change mark (see migration 20261201090000_statistik): a counter on SQLite, the sum of the change
 * rows' weights on PostgreSQL. Equal marks mean nothing of the desa changed in between. Also says how many
 * change rows a desa has, so that long ones get folded.
 */
export async function versiDesa(
  db: Db,
  dialect: 'sqlite' | 'postgres',
  kodes: readonly string[],
): Promise<Map<string, { versi: number; baris: number }>> {
  const out = new Map<string, { versi: number; baris: number }>();
  if (kodes.length === 0) return out;
  if (dialect === 'sqlite') {
    const rows = await sql<{ desa_kode: string; versi: number }>`
      select desa_kode, versi from statistik_versi where desa_kode in (${sql.join(kodes)})`.execute(db);
    for (const r of rows.rows) out.set(r.desa_kode, { versi: Number(r.versi), baris: 1 });
  } else {
    const rows = await sql<{ desa_kode: string; versi: string; baris: string }>`
      select desa_kode, sum(bobot) as versi, count(*) as baris from statistik_ubah
      where desa_kode in (${sql.join(kodes)}) group by desa_kode`.execute(db);
    for (const r of rows.rows) out.set(r.desa_kode, { versi: Number(r.versi), baris: Number(r.baris) });
  }
  return out;
}

/** Fold a desa's change rows into one of the same total weight (PostgreSQL; keeps the mark, drops rows). */
export async function rangkumUbah(db: Db, desaKode: string): Promise<void> {
  await sql`
    with lama as (delete from statistik_ubah where desa_kode = ${desaKode} returning bobot)
    insert into statistik_ubah (desa_kode, bobot) select ${desaKode}, coalesce(sum(bobot), 0) from lama`.execute(db);
}

/** A desa's families (open and closed) with their welfare class and the head's sex. */
export function listKeluarga(db: Db, desaKode: string) {
  return db
    .selectFrom('keluarga as k')
    .leftJoin('penduduk as p', 'p.id', 'k.kepala_id')
    .select(['k.id', 'k.kelas_sosial', 'p.sex'])
    .where('k.desa_kode', '=', desaKode)
    .execute();
}

/** A desa's households (open and closed) with their DTKS/BDT registration and the head's sex. */
export function listRumahTangga(db: Db, desaKode: string) {
  return db
    .selectFrom('rumah_tangga as r')
    .leftJoin('penduduk as p', 'p.id', 'r.kepala_id')
    .select(['r.id', 'r.terdaftar_dtks', 'r.bdt', 'p.sex'])
    .where('r.desa_kode', '=', desaKode)
    .execute();
}
