import { pinBaru, pinLemah } from '#src/domain/pin.js';
import type { Actor } from '#src/lib/audit/audit.js';
import { audit } from '#src/lib/audit/audit.js';
import { verifyPassword } from '#src/lib/auth/password.js';
import type { Db } from '#src/lib/db/connect.js';
import { nowIso } from '#src/lib/db/time.js';
import { invalid, notFound } from '#src/lib/errors.js';
import * as repo from './mandiri.repository.js';
import { hashPin } from './warga-masuk.service.js';

/**
 * Resident accounts, from the office's side: activate (a fresh PIN, shown once), reset the PIN (the resident
 * must choose a new one at the next login), switch off. Only living residents of the desa can get an account.
 */
export async function aktifkanAkun(
  db: Db,
  actor: Actor,
  pendudukId: number,
  desaKode?: string,
): Promise<{ akunId: number; pin: string }> {
  const warga = await repo.findWargaByPenduduk(db, pendudukId);
  if (!warga || (desaKode !== undefined && warga.desaKode !== desaKode)) throw notFound();
  if (warga.statusDasar !== repo.HIDUP) throw invalid({ penduduk: 'mandiriBukanWargaHidup' });
  const pin = pinBaru(warga.tanggallahir);
  const pinHash = await hashPin(pin);
  const now = nowIso();
  const akunId = await db.transaction().execute(async (trx) => {
    let id = warga.akunId;
    if (id === null) {
      id = await repo.insertAkun(trx, {
        penduduk_id: pendudukId,
        pin_hash: pinHash,
        harus_ganti_pin: 1,
        aktif: 1,
        kartu_hash: null,
        telegram_chat_id: null,
        email: null,
        email_terverifikasi: 0,
        dibuat_oleh: actor.username,
        dibuat_pada: now,
        diperbarui_pada: now,
        terakhir_masuk: null,
      });
    } else {
      await repo.updateAkun(trx, id, { pin_hash: pinHash, harus_ganti_pin: 1, aktif: 1, diperbarui_pada: now });
      await repo.deleteSesiOfAkun(trx, id);
    }
    await audit.record(trx, actor, {
      aksi: warga.akunId === null ? 'aktifkan' : 'atur-ulang-pin',
      entitas: 'warga_akun',
      entitasId: id,
      desaKode: warga.desaKode,
    });
    return id;
  });
  return { akunId, pin };
}

export async function nonaktifkanAkun(db: Db, actor: Actor, akunId: number, desaKode: string): Promise<void> {
  const akun = await repo.findAkun(db, akunId);
  const warga = akun ? await repo.findWargaByPenduduk(db, akun.penduduk_id) : null;
  if (!akun || warga?.desaKode !== desaKode) throw notFound();
  await db.transaction().execute(async (trx) => {
    await repo.updateAkun(trx, akunId, { aktif: 0, diperbarui_pada: nowIso() });
    await repo.deleteSesiOfAkun(trx, akunId);
    await audit.record(trx, actor, { aksi: 'nonaktifkan', entitas: 'warga_akun', entitasId: akunId, desaKode });
  });
}

/** The resident changes their own PIN (after a reset: required before anything else). */
export async function gantiPin(
  db: Db,
  akunId: number,
  input: { pinLama: string; pinBaru: string; ulangi: string },
  keepSesi: string,
): Promise<void> {
  const akun = await repo.findAkun(db, akunId);
  if (!akun) throw notFound();
  const warga = await repo.findWargaByPenduduk(db, akun.penduduk_id);
  if (!(await verifyPassword(akun.pin_hash, input.pinLama))) throw invalid({ pin_lama: 'mandiriPinLamaSalah' });
  if (input.pinBaru !== input.ulangi) throw invalid({ ulangi: 'mandiriPinTidakSama' });
  if (pinLemah(input.pinBaru, warga?.tanggallahir)) throw invalid({ pin_baru: 'mandiriPinLemah' });
  if (input.pinBaru === input.pinLama) throw invalid({ pin_baru: 'mandiriPinSama' });
  const pinHash = await hashPin(input.pinBaru);
  await db.transaction().execute(async (trx) => {
    await repo.updateAkun(trx, akunId, { pin_hash: pinHash, harus_ganti_pin: 0, diperbarui_pada: nowIso() });
    // other sessions end: whoever knew the old PIN is out
    await trx.deleteFrom('warga_sesi').where('akun_id', '=', akunId).where('id_hash', '!=', keepSesi).execute();
    await audit.record(trx, wargaActor(akunId), {
      aksi: 'ganti-pin',
      entitas: 'warga_akun',
      entitasId: akunId,
      desaKode: warga?.desaKode ?? null,
    });
  });
}

/** The audit actor for a resident's own actions (no NIK in the trail: the account id names them). */
export function wargaActor(akunId: number, req?: { id: string; ip: string }): Actor {
  return {
    penggunaId: null,
    username: `warga#${akunId}`,
    peran: 'warga',
    lingkup: null,
    requestId: req?.id ?? null,
    ip: req?.ip ?? null,
  };
}
