import { todayIn } from '#src/domain/age.js';
import { PERISTIWA, STATUS, statusAfterReversal } from '#src/domain/peristiwa.js';
import { findActiveByNoKk, recordNoKkChange } from '#src/features/keluarga/keluarga.repository.js';
import {
  findKeluarga,
  insertFamilyEvent,
  nextTemporaryKk,
  updateKeluarga,
} from '#src/features/keluarga/keluarga.service.js';
import { updatePenduduk } from '#src/features/penduduk/penduduk.repository.js';
import { assertNikFree, getPenduduk } from '#src/features/penduduk/penduduk.service.js';
import { type Actor, audit } from '#src/lib/audit/audit.js';
import type { Db } from '#src/lib/db/connect.js';
import { nowIso } from '#src/lib/db/time.js';
import { conflict, notFound } from '#src/lib/errors.js';
import { handleHeadLeaving } from './kepergian.service.js';
import * as repo from './peristiwa.repository.js';
import { writeEvent } from './peristiwa-common.js';

/**
 * Correct a wrong event with a reversing entry (and a reason): the event stays in the history, the person
 * returns to the status before it. Only the latest standing event of a person can be reversed; an arrival
 * that moved a record from another desa is undone by moving the person back, not by reversal.
 */
export async function reverseEvent(db: Db, actor: Actor, peristiwaId: number, alasan: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const event = await repo.findPeristiwa(trx, peristiwaId);
    if (!event || event.membatalkan_id !== null) throw notFound();
    if (await repo.findReversalOf(trx, peristiwaId)) throw conflict('sudahDibatalkan');
    const latest = await repo.latestStandingEvent(trx, event.penduduk_id);
    if (latest?.id !== event.id || event.asal_desa_kode !== null) throw conflict('tidakBisaDibatalkan');
    const person = await getPenduduk(trx, event.penduduk_id);
    const restored = statusAfterReversal(event.kode, event.status_sebelum);
    if (restored === STATUS.hidup && person.nik) await assertNikFree(trx, person.nik, person.id);
    const id = await writeEvent(trx, actor, {
      penduduk_id: person.id,
      desa_kode: person.desa_kode,
      kode: event.kode,
      tgl_peristiwa: event.tgl_peristiwa,
      tgl_lapor: todayIn(),
      keluarga_id: event.keluarga_id,
      no_kk: event.no_kk,
      nama_kk: event.nama_kk,
      membatalkan_id: event.id,
      alasan,
      status_sebelum: person.status_dasar,
      status_sesudah: restored,
    });
    const now = nowIso();
    await updatePenduduk(trx, person.id, {
      status_dasar: restored,
      diperbarui_pada: now,
      diperbarui_oleh: actor.username,
    });
    if (restored === STATUS.hidup && person.keluarga_id !== null && person.kk_level === 1) {
      const family = await findKeluarga(trx, person.keluarga_id);
      if (family?.ditutup_pada !== null && family?.kepala_id === null) {
        // the KK was closed when its last member (this head) left: it comes back with them
        // its number may have gone to another family meanwhile: then it comes back with a temporary number
        const noKk = (await findActiveByNoKk(trx, family.no_kk))
          ? await nextTemporaryKk(trx, family.desa_kode)
          : family.no_kk;
        if (noKk !== family.no_kk)
          await recordNoKkChange(trx, family.id, noKk, 'nomor lama sudah dipakai keluarga lain');
        await updateKeluarga(trx, family.id, {
          no_kk: noKk,
          kepala_id: person.id,
          ditutup_pada: null,
          alasan_tutup: null,
          diperbarui_pada: now,
          diperbarui_oleh: actor.username,
        });
        await insertFamilyEvent(trx, {
          keluarga_id: family.id,
          kode: 14,
          tgl_peristiwa: todayIn(),
          penduduk_id: person.id,
          peristiwa_id: id,
          catatan: alasan,
          dicatat_oleh: actor.username,
        });
      } else if (family && family.kepala_id !== person.id) {
        // someone else heads the family now: the returning person stays a member ("lainnya") until changed
        await updatePenduduk(trx, person.id, { kk_level: 11 });
      }
    }
    if (event.kode === PERISTIWA.lahir || event.kode === PERISTIWA.pindahMasuk) {
      // the record should never have existed: if it heads a family, that family needs another head (or closes)
      await handleHeadLeaving(trx, actor, person, null, 11, todayIn(), id).catch((error: unknown) => {
        // a head with other members: the family needs another head first (family page), then reverse
        throw (error as { fields?: Record<string, string> }).fields?.kepala_baru_id
          ? conflict('batalKepalaKeluarga')
          : error;
      });
    }
    await audit.record(trx, actor, {
      aksi: 'batal-peristiwa',
      entitas: 'peristiwa',
      entitasId: event.id,
      desaKode: person.desa_kode,
      perubahan: { status_dasar: [person.status_dasar, restored] },
      alasan,
    });
    return id;
  });
}
