import { jenisPindah, PERISTIWA } from '#src/domain/peristiwa.js';
import { placeName } from '#src/features/penduduk/penduduk.service.js';
import { type Actor, audit } from '#src/lib/audit/audit.js';
import type { Db } from '#src/lib/db/connect.js';
import { isUniqueViolation } from '#src/lib/db/errors.js';
import { nowIso, readJson } from '#src/lib/db/time.js';
import { conflict, notFound } from '#src/lib/errors.js';
import type { Arrival } from './kedatangan.service.js';
import { recordLeaving } from './kepergian.service.js';
import { checkDates } from './peristiwa-common.js';
import { moveRecordIn } from './record-move.js';

/** What the receiving desa asked for, kept with the request until the desa of origin answers. */
export type TransferDetails = Pick<Arrival, 'lingkunganId' | 'family' | 'alamatAsal' | 'maksud' | 'catatan'> & {
  tglPeristiwa: string;
  tglLapor: string | null;
};

/**
 * Desa B records the arrival of a person living in desa A of this installation: a request goes to A. Nobody
 * retypes the person; the record with its history moves when A confirms.
 */
export async function requestTransfer(
  db: Db,
  actor: Actor,
  pendudukId: number,
  keDesa: string,
  arrival: Arrival,
): Promise<number> {
  const person = await db
    .selectFrom('penduduk')
    .select(['desa_kode'])
    .where('id', '=', pendudukId)
    .executeTakeFirstOrThrow();
  if (person.desa_kode === keDesa) throw conflict('tujuanSamaDenganAsal');
  const rincian: TransferDetails = {
    lingkunganId: arrival.lingkunganId,
    family: arrival.family,
    alamatAsal: arrival.alamatAsal,
    maksud: arrival.maksud,
    catatan: arrival.catatan,
    tglPeristiwa: arrival.tglPeristiwa,
    tglLapor: arrival.tglLapor,
  };
  try {
    return await db.transaction().execute(async (trx) => {
      const r = await trx
        .insertInto('pindah_antar_desa')
        .values({
          penduduk_id: pendudukId,
          dari_desa: person.desa_kode,
          ke_desa: keDesa,
          status: 'menunggu',
          rincian: JSON.stringify(rincian),
          diminta_oleh: actor.username,
          diminta_pada: nowIso(),
          diputus_oleh: null,
          diputus_pada: null,
          alasan: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit.record(trx, actor, {
        aksi: 'minta-pindah',
        entitas: 'pindah_antar_desa',
        entitasId: r.id,
        desaKode: keDesa,
        perubahan: { dari_desa: [null, person.desa_kode] },
      });
      return r.id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('pindahMenunggu');
    throw error;
  }
}

export function findTransfer(db: Db, id: number) {
  return db.selectFrom('pindah_antar_desa').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Transfers waiting for a desa's answer (as origin) or sent by it (as destination). */
export function listTransfers(db: Db, desaKode: string) {
  return db
    .selectFrom('pindah_antar_desa as t')
    .innerJoin('penduduk as p', 'p.id', 't.penduduk_id')
    .select([
      't.id',
      't.dari_desa',
      't.ke_desa',
      't.status',
      't.diminta_oleh',
      't.diminta_pada',
      't.alasan',
      'p.nama',
      'p.id as penduduk_id',
    ])
    .where((eb) => eb.or([eb('t.dari_desa', '=', desaKode), eb('t.ke_desa', '=', desaKode)]))
    .orderBy('t.id', 'desc')
    .limit(100)
    .execute();
}

/**
 * Desa A confirms: in one transaction the person moves out of A (pindah keluar, with the head-of-family rule)
 * and into B (pindah masuk) with the details B gave. The record keeps its history.
 */
export async function confirmTransfer(
  db: Db,
  actor: Actor,
  transferId: number,
  kepalaBaruId: number | null,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const t = await findTransfer(trx, transferId);
    if (t?.status !== 'menunggu') throw notFound('pindahTidakDitemukan');
    const d = readJson<TransferDetails>(t.rincian);
    if (!d) throw notFound('pindahTidakDitemukan');
    const dates = checkDates(d.tglPeristiwa, d.tglLapor);
    await recordLeaving(trx, actor, t.penduduk_id, PERISTIWA.pindahKeluar, {
      tgl_peristiwa: dates.tgl_peristiwa,
      tgl_lapor: dates.tgl_lapor,
      catatan: d.catatan,
      kepala_baru_id: kepalaBaruId,
      ref_pindah: jenisPindah(t.dari_desa, t.ke_desa),
      alamat_tujuan: await placeName(trx, t.ke_desa),
      tujuan_desa_kode: t.ke_desa,
      meninggal_di: null,
      jam_mati: null,
      sebab: null,
      penolong_mati: null,
      akta_mati: null,
    });
    await moveRecordIn(trx, actor, t.penduduk_id, t.ke_desa, d, dates);
    await trx
      .updateTable('pindah_antar_desa')
      .set({ status: 'selesai', diputus_oleh: actor.username, diputus_pada: nowIso() })
      .where('id', '=', t.id)
      .execute();
    return t.penduduk_id;
  });
}

/** Desa A refuses (with a reason), or desa B withdraws its request. */
export async function closeTransfer(
  db: Db,
  actor: Actor,
  transferId: number,
  status: 'ditolak' | 'batal',
  alasan: string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const t = await findTransfer(trx, transferId);
    if (t?.status !== 'menunggu') throw notFound('pindahTidakDitemukan');
    await trx
      .updateTable('pindah_antar_desa')
      .set({ status, alasan, diputus_oleh: actor.username, diputus_pada: nowIso() })
      .where('id', '=', t.id)
      .execute();
    await audit.record(trx, actor, {
      aksi: status === 'ditolak' ? 'tolak-pindah' : 'batal-pindah',
      entitas: 'pindah_antar_desa',
      entitasId: t.id,
      desaKode: status === 'ditolak' ? t.dari_desa : t.ke_desa,
      alasan,
    });
  });
}
