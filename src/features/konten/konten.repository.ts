import type { Insertable, Updateable } from 'kysely';
import type { Db } from '#src/lib/db/connect.js';
import type { DaftarFilter } from './konten.schema.js';
import type { ArtikelTable } from './konten.table.js';

export const PER_HALAMAN = 20;

export function findArtikel(db: Db, desaKode: string, id: number) {
  return db.selectFrom('artikel').selectAll().where('desa_kode', '=', desaKode).where('id', '=', id).executeTakeFirst();
}

export async function insertArtikel(db: Db, values: Insertable<ArtikelTable>): Promise<number> {
  const row = await db.insertInto('artikel').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateArtikel(db: Db, desaKode: string, id: number, values: Updateable<ArtikelTable>) {
  await db.updateTable('artikel').set(values).where('desa_kode', '=', desaKode).where('id', '=', id).execute();
}

/** Slugs in use in a desa starting with `prefix` (to pick a free one). */
export async function slugsLike(db: Db, desaKode: string, prefix: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('artikel')
    .select('slug')
    .where('desa_kode', '=', desaKode)
    .where('slug', 'like', `${prefix}%`)
    .execute();
  return new Set(rows.map((r) => r.slug));
}

export async function listArtikel(db: Db, desaKode: string, f: DaftarFilter) {
  let q = db.selectFrom('artikel').where('desa_kode', '=', desaKode);
  if (f.jenis) q = q.where('jenis', '=', f.jenis);
  if (f.status) q = q.where('status', '=', f.status);
  // case-insensitive on both databases (LIKE is case-sensitive on PostgreSQL)
  if (f.q) q = q.where((eb) => eb(eb.fn('lower', ['judul']), 'like', `%${f.q?.toLowerCase().replace(/[%_\\]/g, '')}%`));
  const [rows, total] = await Promise.all([
    q
      .select(['id', 'jenis', 'judul', 'slug', 'status', 'terbit_pada', 'diperbarui_pada', 'diperbarui_oleh'])
      .orderBy('diperbarui_pada', 'desc')
      .orderBy('id', 'desc')
      .limit(PER_HALAMAN)
      .offset((f.halaman - 1) * PER_HALAMAN)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** Scheduled items whose time has come (every desa), for the guard check at publish time. */
export function dueScheduled(db: Db, now: string) {
  return db
    .selectFrom('artikel')
    .select(['id', 'desa_kode', 'isi_mentah'])
    .where('status', '=', 'terjadwal')
    .where('terbit_pada', '<=', now)
    .orderBy('id')
    .limit(500)
    .execute();
}

// ——— revisions ———

export async function insertRevisi(
  db: Db,
  v: { artikel_id: number; judul: string; ringkasan: string | null; isi_html: string; oleh: string; pada: string },
) {
  await db.insertInto('artikel_revisi').values(v).execute();
}

export function listRevisi(db: Db, artikelId: number) {
  return db
    .selectFrom('artikel_revisi')
    .select(['id', 'judul', 'oleh', 'pada'])
    .where('artikel_id', '=', artikelId)
    .orderBy('id', 'desc')
    .execute();
}

export function findRevisi(db: Db, artikelId: number, id: number) {
  return db
    .selectFrom('artikel_revisi')
    .selectAll()
    .where('artikel_id', '=', artikelId)
    .where('id', '=', id)
    .executeTakeFirst();
}

// ——— categories ———

export function listKategori(db: Db, desaKode: string) {
  return db.selectFrom('kategori_artikel').selectAll().where('desa_kode', '=', desaKode).orderBy('nama').execute();
}

export function findKategori(db: Db, desaKode: string, id: number) {
  return db
    .selectFrom('kategori_artikel')
    .selectAll()
    .where('desa_kode', '=', desaKode)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findKategoriBySlug(db: Db, desaKode: string, slug: string) {
  return db
    .selectFrom('kategori_artikel')
    .selectAll()
    .where('desa_kode', '=', desaKode)
    .where('slug', '=', slug)
    .executeTakeFirst();
}

export async function insertKategori(db: Db, v: { desa_kode: string; nama: string; slug: string }) {
  const row = await db.insertInto('kategori_artikel').values(v).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function deleteKategori(db: Db, desaKode: string, id: number) {
  await db.updateTable('artikel').set({ kategori_id: null }).where('kategori_id', '=', id).execute();
  await db.deleteFrom('kategori_artikel').where('desa_kode', '=', desaKode).where('id', '=', id).execute();
}
