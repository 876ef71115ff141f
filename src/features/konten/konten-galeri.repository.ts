import type { Db } from '#src/lib/db/connect.js';

export function listAlbum(db: Db, desaKode: string, hanyaTerbit: boolean) {
  let q = db
    .selectFrom('galeri_album as a')
    .select((eb) => [
      'a.id',
      'a.judul',
      'a.keterangan',
      'a.terbit',
      'a.diperbarui_pada',
      eb
        .selectFrom('galeri_foto as f')
        .whereRef('f.album_id', '=', 'a.id')
        .select(eb.fn.countAll<number>().as('n'))
        .as('jumlah'),
      eb
        .selectFrom('galeri_foto as f')
        .innerJoin('media as m', 'm.id', 'f.media_id')
        .whereRef('f.album_id', '=', 'a.id')
        .select('m.berkas')
        .orderBy('f.id')
        .limit(1)
        .as('sampul'),
      eb
        .selectFrom('galeri_foto as f')
        .innerJoin('media as m', 'm.id', 'f.media_id')
        .whereRef('f.album_id', '=', 'a.id')
        .select('m.varian')
        .orderBy('f.id')
        .limit(1)
        .as('sampul_varian'),
    ])
    .where('a.desa_kode', '=', desaKode);
  if (hanyaTerbit) q = q.where('a.terbit', '=', 1);
  return q.orderBy('a.id', 'desc').execute();
}

export function findAlbum(db: Db, desaKode: string, id: number) {
  return db
    .selectFrom('galeri_album')
    .selectAll()
    .where('desa_kode', '=', desaKode)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function listFoto(db: Db, albumId: number) {
  return db
    .selectFrom('galeri_foto as f')
    .innerJoin('media as m', 'm.id', 'f.media_id')
    .select(['f.id', 'f.keterangan', 'm.berkas', 'm.varian', 'm.lebar', 'm.tinggi'])
    .where('f.album_id', '=', albumId)
    .orderBy('f.id')
    .execute();
}

export async function insertAlbum(
  db: Db,
  v: {
    desa_kode: string;
    judul: string;
    keterangan: string | null;
    terbit: number;
    dibuat_pada: string;
    diperbarui_pada: string;
  },
) {
  const row = await db.insertInto('galeri_album').values(v).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function setAlbumTerbit(db: Db, desaKode: string, id: number, terbit: boolean, now: string) {
  await db
    .updateTable('galeri_album')
    .set({ terbit: terbit ? 1 : 0, diperbarui_pada: now })
    .where('desa_kode', '=', desaKode)
    .where('id', '=', id)
    .execute();
}

export async function insertFoto(
  db: Db,
  v: { album_id: number; media_id: number; keterangan: string | null; dibuat_pada: string },
) {
  await db.insertInto('galeri_foto').values(v).execute();
}

export async function deleteFoto(db: Db, albumId: number, id: number): Promise<number> {
  const r = await db.deleteFrom('galeri_foto').where('album_id', '=', albumId).where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows);
}
