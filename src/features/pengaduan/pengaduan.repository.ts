import type { Insertable, Updateable } from 'kysely';
import type { Db } from '#src/lib/db/connect.js';
import type { PengaduanTable, PengaduanTanggapanTable, StatusPengaduan } from './pengaduan.table.js';

export async function insertPengaduan(db: Db, row: Insertable<PengaduanTable>): Promise<number> {
  return (await db.insertInto('pengaduan').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export function findPengaduanByNomor(db: Db, desaKode: string, nomor: string) {
  return db
    .selectFrom('pengaduan')
    .selectAll()
    .where('desa_kode', '=', desaKode)
    .where('nomor', '=', nomor)
    .executeTakeFirst();
}

export function findPengaduan(db: Db, desaKode: string, id: number) {
  return db
    .selectFrom('pengaduan')
    .selectAll()
    .where('desa_kode', '=', desaKode)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Public list: never the contact, never the hidden ones. */
export function listPengaduanPublik(db: Db, desaKode: string, limit: number) {
  return db
    .selectFrom('pengaduan')
    .select(['id', 'nomor', 'nama', 'kategori', 'isi', 'status', 'dibuat_pada'])
    .where('desa_kode', '=', desaKode)
    .where('status', '!=', 'disembunyikan')
    .orderBy('dibuat_pada', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export function listPengaduanStaf(db: Db, desaKode: string, status: StatusPengaduan | null, limit: number) {
  let q = db
    .selectFrom('pengaduan')
    .select(['id', 'nomor', 'nama', 'kategori', 'isi', 'status', 'dibuat_pada', 'diperbarui_pada'])
    .where('desa_kode', '=', desaKode);
  if (status) q = q.where('status', '=', status);
  return q.orderBy('dibuat_pada', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

export function listTanggapan(db: Db, pengaduanId: number, onlyPublic: boolean) {
  let q = db.selectFrom('pengaduan_tanggapan').selectAll().where('pengaduan_id', '=', pengaduanId);
  if (onlyPublic) q = q.where('publik', '=', 1);
  return q.orderBy('id').execute();
}

export async function insertTanggapan(db: Db, row: Insertable<PengaduanTanggapanTable>): Promise<void> {
  await db.insertInto('pengaduan_tanggapan').values(row).execute();
}

export async function updatePengaduan(db: Db, id: number, patch: Updateable<PengaduanTable>): Promise<void> {
  await db.updateTable('pengaduan').set(patch).where('id', '=', id).execute();
}

export async function countRecentByIp(
  db: Db,
  ipHash: string,
  since: string,
): Promise<{ n: number; oldest: string | null }> {
  const r = await db
    .selectFrom('pengaduan')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('dibuat_pada').as('oldest')])
    .where('ip_hash', '=', ipHash)
    .where('dibuat_pada', '>', since)
    .executeTakeFirstOrThrow();
  return { n: Number(r.n), oldest: (r.oldest as string | null) ?? null };
}

/** The installation's secret for IP hashes and form tokens, made once (concurrent first calls agree). */
export async function ensureSecret(db: Db, kunci: string, fresh: string): Promise<string> {
  await db
    .insertInto('pengaturan')
    .values({ kunci, nilai: fresh })
    .onConflict((oc) => oc.column('kunci').doNothing())
    .execute();
  const r = await db.selectFrom('pengaturan').select('nilai').where('kunci', '=', kunci).executeTakeFirstOrThrow();
  return r.nilai;
}
