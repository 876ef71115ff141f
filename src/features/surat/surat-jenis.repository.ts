import type { Insertable } from 'kysely';
import type { Db } from '#src/lib/db/connect.js';
import { nowIso, readJson } from '#src/lib/db/time.js';
import type { SuratJenisTable } from './surat.table.js';

export type JenisRow = Omit<SuratJenisTable, 'id'> & { id: number };

export function findJenisBySlug(db: Db, slug: string): Promise<JenisRow | undefined> {
  return db.selectFrom('surat_jenis').selectAll().where('slug', '=', slug).executeTakeFirst() as Promise<
    JenisRow | undefined
  >;
}

export function findJenis(db: Db, id: number): Promise<JenisRow | undefined> {
  return db.selectFrom('surat_jenis').selectAll().where('id', '=', id).executeTakeFirst() as Promise<
    JenisRow | undefined
  >;
}

/** The types a desa may use: built in, or made by its kabupaten; with the desa's own body text if any. */
export function listJenisForDesa(db: Db, desaKode: string) {
  const kabupaten = desaKode.slice(0, 5);
  return db
    .selectFrom('surat_jenis as j')
    .leftJoin('surat_jenis_desa as o', (join) => join.onRef('o.jenis_id', '=', 'j.id').on('o.desa_kode', '=', desaKode))
    .select([
      'j.id',
      'j.slug',
      'j.kode',
      'j.nama',
      'j.mandiri',
      'j.bawaan',
      'j.aktif',
      'j.kabupaten_kode',
      'o.template as template_desa',
      'o.nonaktif as nonaktif_desa',
    ])
    .where((eb) => eb.or([eb('j.kabupaten_kode', 'is', null), eb('j.kabupaten_kode', '=', kabupaten)]))
    .orderBy('j.nama')
    .execute();
}

export function findOverride(db: Db, desaKode: string, jenisId: number) {
  return db
    .selectFrom('surat_jenis_desa')
    .selectAll()
    .where('desa_kode', '=', desaKode)
    .where('jenis_id', '=', jenisId)
    .executeTakeFirst();
}

export async function upsertOverride(
  db: Db,
  row: { desa_kode: string; jenis_id: number; template: string | null; nonaktif: number; oleh: string },
): Promise<void> {
  const values = {
    desa_kode: row.desa_kode,
    jenis_id: row.jenis_id,
    template: row.template,
    format_nomor: null,
    nonaktif: row.nonaktif,
    diperbarui_oleh: row.oleh,
    diperbarui_pada: nowIso(),
  };
  await db
    .insertInto('surat_jenis_desa')
    .values(values)
    .onConflict((oc) =>
      oc.columns(['desa_kode', 'jenis_id']).doUpdateSet({
        template: values.template,
        nonaktif: values.nonaktif,
        diperbarui_oleh: values.diperbarui_oleh,
        diperbarui_pada: values.diperbarui_pada,
      }),
    )
    .execute();
}

/** Insert a type, or (for built-in types, by slug) bring its definition up to date. */
export async function upsertJenis(db: Db, row: Insertable<SuratJenisTable>): Promise<void> {
  const { dibuat_pada: _created, slug: _slug, ...update } = row;
  await db
    .insertInto('surat_jenis')
    .values(row)
    .onConflict((oc) => oc.column('slug').doUpdateSet(update))
    .execute();
}

export async function insertJenis(db: Db, row: Insertable<SuratJenisTable>): Promise<number> {
  const r = await db.insertInto('surat_jenis').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export const jsonOf = <T>(value: unknown, fallback: T): T => readJson<T>(value) ?? fallback;
