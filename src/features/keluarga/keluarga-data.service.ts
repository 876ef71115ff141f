import { todayIn } from '#src/domain/age.js';
import { type Actor, audit, diffRecords } from '#src/lib/audit/audit.js';
import type { Db } from '#src/lib/db/connect.js';
import { nowIso } from '#src/lib/db/time.js';
import { HttpError, isHttpError } from '#src/lib/errors.js';
import * as core from './keluarga.repository.js';
import { assertNoKkFree } from './keluarga.service.js';
import { fieldError, lockFamily, unitOfDesa } from './keluarga-ops.common.js';
import * as repo from './keluarga-ops.repository.js';

/**
 * A KK number taken by someone else between our check and our write (two operators at once) shows up as a
 * unique violation — on PostgreSQL it also aborts the transaction. Ask again outside it, and answer with the
 * usual 409 naming where the number is used.
 */
export async function withKkConflict<T>(
  db: Db,
  noKk: string | null,
  exceptId: number | null,
  run: () => Promise<T>,
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (noKk && !isHttpError(error)) await assertNoKkFree(db, noKk, exceptId ?? undefined);
    throw error;
  }
}

/** Pindah kolektif: the family and every living member move to another dusun/RW/RT of the desa. */
export function moveFamily(
  db: Db,
  actor: Actor,
  desaKode: string,
  keluargaId: number,
  input: { lingkungan_id: number; alamat: string | null },
): Promise<void> {
  return db.transaction().execute(async (trx) => {
    const family = await lockFamily(trx, desaKode, keluargaId);
    const unit = await unitOfDesa(trx, desaKode, input.lingkungan_id, 'lingkungan_id');
    const now = nowIso();
    const alamat = input.alamat ?? family.alamat;
    await core.updateKeluarga(trx, family.id, {
      lingkungan_id: unit,
      alamat,
      diperbarui_pada: now,
      diperbarui_oleh: actor.username,
    });
    const members = await repo.listLivingMemberUnits(trx, family.id);
    await repo.updateMembers(
      trx,
      members.map((m) => m.id),
      { lingkungan_id: unit, diperbarui_pada: now, diperbarui_oleh: actor.username },
    );
    await audit.record(trx, actor, {
      aksi: 'pindah-wilayah',
      entitas: 'keluarga',
      entitasId: family.id,
      desaKode,
      perubahan: diffRecords(
        { lingkungan_id: family.lingkungan_id, alamat: family.alamat },
        { lingkungan_id: unit, alamat },
      ),
    });
    for (const m of members) {
      if (m.lingkungan_id === unit) continue;
      await audit.record(trx, actor, {
        aksi: 'pindah-wilayah',
        entitas: 'penduduk',
        entitasId: m.id,
        desaKode,
        perubahan: { lingkungan_id: [m.lingkungan_id, unit] },
        alasan: `pindah bersama KK #${family.id}`,
      });
    }
  });
}

/** A new KK number (e.g. Dukcapil reissued the card); the old one stays in the history with the reason. */
export function changeNoKk(
  db: Db,
  actor: Actor,
  desaKode: string,
  keluargaId: number,
  input: { no_kk: string; alasan: string },
): Promise<void> {
  return withKkConflict(db, input.no_kk, keluargaId, () =>
    db.transaction().execute(async (trx) => {
      const family = await lockFamily(trx, desaKode, keluargaId);
      if (family.no_kk === input.no_kk) throw fieldError(400, 'no_kk', 'kkSamaDenganSekarang');
      await assertNoKkFree(trx, input.no_kk, family.id);
      await repo.updateNoKk(trx, family.id, input.no_kk, actor.username, nowIso());
      await core.recordNoKkChange(trx, family.id, input.no_kk, input.alasan);
      await audit.record(trx, actor, {
        aksi: 'ubah-no-kk',
        entitas: 'keluarga',
        entitasId: family.id,
        desaKode,
        perubahan: diffRecords({ no_kk: family.no_kk }, { no_kk: input.no_kk }),
        alasan: input.alasan,
      });
    }),
  );
}

export interface FamilyData {
  alamat: string | null;
  kelas_sosial: number | null;
  tgl_cetak_kk: string | null;
}

/** Address, welfare class and KK print date; refused when someone saved the family after the form was opened. */
export function editFamily(
  db: Db,
  actor: Actor,
  desaKode: string,
  keluargaId: number,
  versi: number,
  input: FamilyData,
): Promise<void> {
  return db.transaction().execute(async (trx) => {
    const before = await core.findKeluarga(trx, keluargaId);
    if (!before || before.desa_kode !== desaKode || before.ditutup_pada !== null)
      throw new HttpError(404, 'keluargaTidakDitemukan');
    const conflict = () =>
      new HttpError(409, 'diubahOrangLain', { oleh: before.diperbarui_oleh ?? '?', pada: before.diperbarui_pada });
    if (before.versi !== versi) throw conflict();
    if (input.tgl_cetak_kk && input.tgl_cetak_kk > todayIn())
      throw fieldError(400, 'tgl_cetak_kk', 'tanggalDiMasaDepan');
    const fields = { alamat: input.alamat, kelas_sosial: input.kelas_sosial, tgl_cetak_kk: input.tgl_cetak_kk };
    const saved = await repo.updateFamilyVersioned(trx, keluargaId, versi, {
      ...fields,
      diperbarui_pada: nowIso(),
      diperbarui_oleh: actor.username,
    });
    if (!saved) throw conflict();
    const perubahan = diffRecords(
      { alamat: before.alamat, kelas_sosial: before.kelas_sosial, tgl_cetak_kk: before.tgl_cetak_kk },
      fields,
    );
    if (Object.keys(perubahan).length === 0) return;
    await audit.record(trx, actor, {
      aksi: 'ubah',
      entitas: 'keluarga',
      entitasId: keluargaId,
      desaKode,
      perubahan,
    });
  });
}
