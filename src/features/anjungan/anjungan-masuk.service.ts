import { findWargaByKartu, findWargaByNik, type WargaMasuk } from '#src/features/mandiri/mandiri.repository.js';
import { wargaActor } from '#src/features/mandiri/warga-akun.service.js';
import { type HasilMasuk, kunciNik, periksaPin, sumberAnjungan } from '#src/features/mandiri/warga-masuk.service.js';
import { type Actor, audit } from '#src/lib/audit/audit.js';
import type { Db } from '#src/lib/db/connect.js';
import { nowIso } from '#src/lib/db/time.js';
import { conflict, invalid, notFound } from '#src/lib/errors.js';
import { kartuHash, kunciKartu, normalisasiUid } from './anjungan-kartu.js';

/**
 * Sign-in at a kiosk: an e-KTP card (its UID typed by the USB reader) or a NIK, then the PIN. A kiosk only
 * knows the residents of its own desa: anyone else gets the same refusal as a wrong PIN, counted the same.
 */
const diDesa = (desaKode: string) => (w: WargaMasuk | null) => (w && w.desaKode === desaKode ? w : null);

export async function masukDenganKartu(
  db: Db,
  desaKode: string,
  uid: string,
  pin: string,
  anjunganId: number,
): Promise<HasilMasuk> {
  const norm = normalisasiUid(uid);
  // an unreadable UID is refused like an unknown card (and counted against the kiosk)
  const hash = kartuHash(norm ?? `tidak-sah:${uid.slice(0, 40)}`);
  const cari = async () => diDesa(desaKode)(await findWargaByKartu(db, hash));
  return periksaPin(db, cari, kunciKartu(hash), pin, sumberAnjungan(anjunganId));
}

export async function masukDenganNikDiAnjungan(
  db: Db,
  desaKode: string,
  nik: string,
  pin: string,
  anjunganId: number,
): Promise<HasilMasuk> {
  const cari = async () => diDesa(desaKode)(await findWargaByNik(db, nik));
  return periksaPin(db, cari, kunciNik(nik), pin, sumberAnjungan(anjunganId));
}

/** The signed-in resident links the card they tapped to their own account; a card of someone else is refused. */
export async function daftarkanKartu(
  db: Db,
  akunId: number,
  uid: string,
  req?: { id: string; ip: string },
): Promise<void> {
  const norm = normalisasiUid(uid);
  if (!norm) throw invalid({ uid: 'anjunganKartuTidakSah' });
  const hash = kartuHash(norm);
  await db.transaction().execute(async (trx) => {
    const pemilik = await trx.selectFrom('warga_akun').select('id').where('kartu_hash', '=', hash).executeTakeFirst();
    if (pemilik && pemilik.id !== akunId) throw conflict('anjunganKartuDipakai');
    const akun = await trx
      .selectFrom('warga_akun as a')
      .innerJoin('penduduk as p', 'p.id', 'a.penduduk_id')
      .select(['a.kartu_hash', 'p.desa_kode'])
      .where('a.id', '=', akunId)
      .executeTakeFirst();
    if (!akun) throw notFound();
    await trx
      .updateTable('warga_akun')
      .set({ kartu_hash: hash, diperbarui_pada: nowIso() })
      .where('id', '=', akunId)
      .execute();
    await audit.record(trx, wargaActor(akunId, req), {
      aksi: akun.kartu_hash ? 'ganti-kartu' : 'daftar-kartu',
      entitas: 'warga_akun',
      entitasId: akunId,
      desaKode: akun.desa_kode,
    });
  });
}

/** The office unlinks a resident's card (lost, replaced), found by NIK within the desa. */
export async function lepasKartu(db: Db, actor: Actor, desaKode: string, nik: string): Promise<void> {
  const w = await findWargaByNik(db, nik);
  if (!w || w.desaKode !== desaKode || w.akunId === null) throw invalid({ nik: 'anjunganAkunTidakAda' });
  const akunId = w.akunId;
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('warga_akun')
      .set({ kartu_hash: null, diperbarui_pada: nowIso() })
      .where('id', '=', akunId)
      .execute();
    await audit.record(trx, actor, { aksi: 'lepas-kartu', entitas: 'warga_akun', entitasId: akunId, desaKode });
  });
}

export async function punyaKartu(db: Db, akunId: number): Promise<boolean> {
  const row = await db.selectFrom('warga_akun').select('kartu_hash').where('id', '=', akunId).executeTakeFirst();
  return Boolean(row?.kartu_hash);
}
