import type { Updateable } from 'kysely';
import type { Db } from '#src/lib/db/connect.js';
import type { SuratJenisTable } from './surat.table.js';

/** The letter types a kabupaten admin sees: the built-in ones and those the kabupaten made. */
export function listJenisKabupaten(db: Db, kabupatenKode: string) {
  return db
    .selectFrom('surat_jenis')
    .select(['id', 'slug', 'kode', 'nama', 'kabupaten_kode', 'aktif', 'mandiri', 'diperbarui_pada'])
    .where((eb) => eb.or([eb('kabupaten_kode', 'is', null), eb('kabupaten_kode', '=', kabupatenKode)]))
    .orderBy('nama')
    .execute();
}

/** Replace a kabupaten-made type's definition (its slug and creation time stay). */
export async function updateJenis(db: Db, id: number, row: Updateable<SuratJenisTable>): Promise<void> {
  const { id: _id, slug: _slug, dibuat_pada: _dibuat, ...set } = row;
  await db.updateTable('surat_jenis').set(set).where('id', '=', id).execute();
}
