import { namaDesa } from '#src/features/mandiri/mandiri-desa.js';
import type { Db } from '#src/lib/db/connect.js';
import { notFound } from '#src/lib/errors.js';

/** A queue ticket: the request's number of the day, the letter, the resident's name. */
export interface Tiket {
  id: number;
  nomor: number;
  tanggal: string;
  jenis: string;
  nama: string;
  desa: string;
}

/**
 * The ticket of a letter request, only for the resident who made it and only at a kiosk of the request's desa;
 * any other request answers "not found" (its existence stays hidden).
 */
export async function tiketPermohonan(
  db: Db,
  warga: { pendudukId: number; nama: string },
  desaKode: string,
  id: number,
): Promise<Tiket> {
  const row = await db
    .selectFrom('permohonan_surat as p')
    .innerJoin('surat_jenis as j', 'j.id', 'p.jenis_id')
    .select(['p.id', 'p.nomor_antrian', 'p.tanggal_antrian', 'j.nama as jenis'])
    .where('p.id', '=', id)
    .where('p.penduduk_id', '=', warga.pendudukId)
    .where('p.desa_kode', '=', desaKode)
    .executeTakeFirst();
  if (!row) throw notFound();
  return {
    id: row.id,
    nomor: row.nomor_antrian,
    tanggal: row.tanggal_antrian,
    jenis: row.jenis,
    nama: warga.nama,
    desa: await namaDesa(db, desaKode),
  };
}

/** "A-007": the number as the counter calls it. */
export const nomorTiket = (nomor: number) => `A-${String(nomor).padStart(3, '0')}`;
