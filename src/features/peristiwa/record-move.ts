import { STATUS } from '#src/domain/peristiwa.js';
import { createFamilyWithHead, getActiveFamily } from '#src/features/keluarga/keluarga.service.js';
import { householdAfterDeparture } from '#src/features/keluarga/rumah-tangga-departure.js';
import { updatePenduduk } from '#src/features/penduduk/penduduk.repository.js';
import { assertUnitInDesa, placeName } from '#src/features/penduduk/penduduk.service.js';
import { type Actor, audit } from '#src/lib/audit/audit.js';
import type { Db } from '#src/lib/db/connect.js';
import { nowIso } from '#src/lib/db/time.js';
import { HttpError } from '#src/lib/errors.js';
import type { Arrival } from './kedatangan.service.js';
import { writeArrivalEvent } from './peristiwa-common.js';

/** An existing record (with its history) arrives in this desa: new place, new family, alive again here. */
export async function moveRecordIn(
  trx: Db,
  actor: Actor,
  pendudukId: number,
  desaKode: string,
  arrival: Pick<Arrival, 'lingkunganId' | 'family' | 'alamatAsal' | 'maksud' | 'catatan'>,
  dates: { tgl_peristiwa: string; tgl_lapor: string },
): Promise<number> {
  const before = await trx
    .selectFrom('penduduk')
    .select(['desa_kode', 'status_dasar'])
    .where('id', '=', pendudukId)
    .executeTakeFirstOrThrow();
  await assertUnitInDesa(trx, desaKode, arrival.lingkunganId);
  const now = nowIso();
  // the household left behind keeps a head (their own family's new head was settled by the move-out event)
  await householdAfterDeparture(trx, actor, pendudukId, null, 'pindah ke desa lain');
  await updatePenduduk(trx, pendudukId, {
    desa_kode: desaKode,
    lingkungan_id: arrival.lingkunganId,
    status_dasar: STATUS.hidup,
    keluarga_id: null,
    kk_level: null,
    rumah_tangga_id: null,
    rtm_level: null,
    diperbarui_pada: now,
    diperbarui_oleh: actor.username,
  });
  if (arrival.family.kind === 'new') {
    await createFamilyWithHead(
      trx,
      actor,
      desaKode,
      {
        noKk: arrival.family.noKk,
        alamat: arrival.family.alamat,
        kelasSosial: null,
        lingkunganId: arrival.lingkunganId,
      },
      { existingId: pendudukId },
      5,
    );
  } else {
    await getActiveFamily(trx, desaKode, arrival.family.keluargaId);
    if (arrival.family.kkLevel === 1) throw new HttpError(409, 'invalid', {}, { kk_level: 'kepalaSudahAda' });
    await updatePenduduk(trx, pendudukId, { keluarga_id: arrival.family.keluargaId, kk_level: arrival.family.kkLevel });
  }
  await trx
    .updateTable('penduduk_peringatan')
    .set({ desa_kode: desaKode })
    .where('penduduk_id', '=', pendudukId)
    .execute();
  await writeArrivalEvent(trx, actor, pendudukId, desaKode, dates, {
    asal_desa_kode: before.desa_kode,
    alamat_asal: arrival.alamatAsal ?? (await placeName(trx, before.desa_kode)),
    maksud_tujuan_kedatangan: arrival.maksud,
    catatan: arrival.catatan,
    status_sebelum: before.status_dasar,
  });
  await audit.record(trx, actor, {
    aksi: 'pindah-masuk',
    entitas: 'penduduk',
    entitasId: pendudukId,
    desaKode,
    perubahan: { desa_kode: [before.desa_kode, desaKode], status_dasar: [before.status_dasar, STATUS.hidup] },
  });
  return pendudukId;
}
