import { type Actor, audit } from '#src/lib/audit/audit.js';
import type { Db } from '#src/lib/db/connect.js';
import { nowIso } from '#src/lib/db/time.js';
import { notFound } from '#src/lib/errors.js';
import * as repo from './konten-galeri.repository.js';
import { type MediaDeps, simpanGambar } from './konten-media.service.js';

export const daftarAlbum = repo.listAlbum;

export async function bukaAlbum(db: Db, desaKode: string, id: number, hanyaTerbit: boolean) {
  const album = await repo.findAlbum(db, desaKode, id);
  if (!album || (hanyaTerbit && album.terbit !== 1)) throw notFound();
  return { album, foto: await repo.listFoto(db, id) };
}

export async function buatAlbum(
  db: Db,
  actor: Actor,
  desaKode: string,
  v: { judul: string; keterangan: string | null },
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const now = nowIso();
    const id = await repo.insertAlbum(trx, {
      ...v,
      desa_kode: desaKode,
      terbit: 0,
      dibuat_pada: now,
      diperbarui_pada: now,
    });
    await audit.record(trx, actor, {
      aksi: 'buat',
      entitas: 'galeri',
      entitasId: id,
      desaKode,
      perubahan: { judul: [null, v.judul] },
    });
    return id;
  });
}

/** Show the album on the site, or take it off. */
export async function terbitkanAlbum(db: Db, actor: Actor, desaKode: string, id: number, terbit: boolean) {
  await db.transaction().execute(async (trx) => {
    const album = await repo.findAlbum(trx, desaKode, id);
    if (!album) throw notFound();
    await repo.setAlbumTerbit(trx, desaKode, id, terbit, nowIso());
    await audit.record(trx, actor, {
      aksi: terbit ? 'terbitkan' : 'tarik',
      entitas: 'galeri',
      entitasId: id,
      desaKode,
      perubahan: { terbit: [album.terbit === 1, terbit] },
    });
  });
}

/** Add an uploaded photo to an album (re-encoded by the image pipeline). */
export async function tambahFoto(
  d: MediaDeps,
  actor: Actor,
  desaKode: string,
  albumId: number,
  buf: Buffer,
  keterangan: string | null,
) {
  const album = await repo.findAlbum(d.db, desaKode, albumId);
  if (!album) throw notFound();
  const mediaId = await simpanGambar(d, actor, desaKode, buf, { kolom: 'foto', nama: `galeri-${albumId}` });
  await d.db.transaction().execute(async (trx) => {
    await repo.insertFoto(trx, { album_id: albumId, media_id: mediaId, keterangan, dibuat_pada: nowIso() });
    await audit.record(trx, actor, { aksi: 'tambah-foto', entitas: 'galeri', entitasId: albumId, desaKode });
  });
}

export async function hapusFoto(db: Db, actor: Actor, desaKode: string, albumId: number, fotoId: number) {
  await db.transaction().execute(async (trx) => {
    const album = await repo.findAlbum(trx, desaKode, albumId);
    if (!album || (await repo.deleteFoto(trx, albumId, fotoId)) === 0) throw notFound();
    await audit.record(trx, actor, {
      aksi: 'hapus-foto',
      entitas: 'galeri',
      entitasId: albumId,
      desaKode,
      alasan: `foto ${fotoId}`,
    });
  });
}
