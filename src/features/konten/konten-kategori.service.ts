import { type Actor, audit } from '#src/lib/audit/audit.js';
import type { Db } from '#src/lib/db/connect.js';
import { HttpError, notFound } from '#src/lib/errors.js';
import * as repo from './konten.repository.js';
import { slugify } from './konten-slug.js';

export const daftarKategori = repo.listKategori;

/** A new category; its slug (the public URL) must be new in the desa. */
export async function buatKategori(db: Db, actor: Actor, desaKode: string, nama: string): Promise<number> {
  const slug = slugify(nama);
  return db.transaction().execute(async (trx) => {
    if (await repo.findKategoriBySlug(trx, desaKode, slug))
      throw new HttpError(409, 'invalid', {}, { nama: 'kategoriSudahAda' });
    const id = await repo.insertKategori(trx, { desa_kode: desaKode, nama, slug });
    await audit.record(trx, actor, {
      aksi: 'buat-kategori',
      entitas: 'artikel',
      entitasId: null,
      desaKode,
      perubahan: { kategori: [null, nama] },
    });
    return id;
  });
}

/** Delete a category; its articles stay, without a category. */
export async function hapusKategori(db: Db, actor: Actor, desaKode: string, id: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const kategori = await repo.findKategori(trx, desaKode, id);
    if (!kategori) throw notFound();
    await repo.deleteKategori(trx, desaKode, id);
    await audit.record(trx, actor, {
      aksi: 'hapus-kategori',
      entitas: 'artikel',
      entitasId: null,
      desaKode,
      perubahan: { kategori: [kategori.nama, null] },
    });
  });
}
