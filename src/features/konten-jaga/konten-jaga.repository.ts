import type { Insertable } from 'kysely';
import type { Db } from '#src/lib/db/connect.js';
import type { KontenTemuanTable, StatusTemuan, SumberTemuan } from './konten-jaga.table.js';

/** A finding with the title and state of the content it was found in, for the review pages. */
export interface TemuanBaris {
  id: number;
  desa_kode: string;
  desa_nama: string | null;
  sumber: SumberTemuan;
  sumber_id: number;
  jenis: KontenTemuanTable['jenis'];
  detail: string;
  status: StatusTemuan;
  dibuat_pada: string;
  diputus_oleh: string | null;
  diputus_pada: string | null;
  judul: string | null;
  status_konten: string | null;
}

export async function insertTemuan(db: Db, rows: Insertable<KontenTemuanTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('konten_temuan').values(rows).execute();
}

/** Findings already known for one piece of content that are waiting or were released (not to be raised again). */
export function temuanTercatat(db: Db, sumber: SumberTemuan, sumberId: number) {
  return db
    .selectFrom('konten_temuan')
    .select(['jenis', 'detail', 'status'])
    .where('sumber', '=', sumber)
    .where('sumber_id', '=', sumberId)
    .where('status', 'in', ['menunggu', 'dilepas'])
    .execute();
}

/**
 * Findings of desa within any of `lingkup` (region codes: a desa, kecamatan or kabupaten), newest first;
 * only those waiting for a decision unless `semua`.
 */
export function listTemuan(db: Db, lingkup: readonly string[], opsi: { semua: boolean; batas?: number }) {
  let q = db
    .selectFrom('konten_temuan as t')
    .leftJoin('artikel as a', (j) =>
      j.onRef('a.id', '=', 't.sumber_id').onRef('a.desa_kode', '=', 't.desa_kode').on('t.sumber', '=', 'artikel'),
    )
    .leftJoin('wilayah as w', 'w.kode', 't.desa_kode')
    .select([
      't.id',
      't.desa_kode',
      'w.nama as desa_nama',
      't.sumber',
      't.sumber_id',
      't.jenis',
      't.detail',
      't.status',
      't.dibuat_pada',
      't.diputus_oleh',
      't.diputus_pada',
      'a.judul',
      'a.status as status_konten',
    ])
    .where((eb) =>
      eb.or(lingkup.flatMap((kode) => [eb('t.desa_kode', '=', kode), eb('t.desa_kode', 'like', `${kode}.%`)])),
    );
  if (!opsi.semua) q = q.where('t.status', '=', 'menunggu');
  return q
    .orderBy('t.dibuat_pada', 'desc')
    .orderBy('t.id', 'desc')
    .limit(opsi.batas ?? 500)
    .execute() as Promise<TemuanBaris[]>;
}

/** Close every waiting finding of one piece of content; the number closed. */
export async function putuskanTemuan(
  db: Db,
  k: { desaKode: string; sumber: SumberTemuan; sumberId: number },
  v: { status: Exclude<StatusTemuan, 'menunggu'>; oleh: string; pada: string },
): Promise<number> {
  const res = await db
    .updateTable('konten_temuan')
    .set({ status: v.status, diputus_oleh: v.oleh, diputus_pada: v.pada })
    .where('desa_kode', '=', k.desaKode)
    .where('sumber', '=', k.sumber)
    .where('sumber_id', '=', k.sumberId)
    .where('status', '=', 'menunggu')
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** Published articles in id order, one page at a time (the nightly scan). */
export function artikelTerbit(db: Db, setelahId: number, batas: number) {
  return db
    .selectFrom('artikel')
    .select(['id', 'desa_kode', 'isi_html', 'isi_mentah'])
    .where('status', '=', 'terbit')
    .where('id', '>', setelahId)
    .orderBy('id')
    .limit(batas)
    .execute();
}

export function findArtikelStatus(db: Db, desaKode: string, id: number) {
  return db
    .selectFrom('artikel')
    .select(['id', 'status', 'terbit_pada', 'judul'])
    .where('desa_kode', '=', desaKode)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Change an article's state only (held, released, back to draft); its content and editor stay as they were. */
export async function setArtikelStatus(
  db: Db,
  desaKode: string,
  id: number,
  v: { status: 'terbit' | 'terjadwal' | 'draf' | 'ditahan'; terbit_pada?: string | null },
): Promise<void> {
  await db
    .updateTable('artikel')
    .set({ status: v.status, ...(v.terbit_pada !== undefined ? { terbit_pada: v.terbit_pada } : {}) })
    .where('desa_kode', '=', desaKode)
    .where('id', '=', id)
    .execute();
}
