import { pinBaru } from '#src/domain/pin.js';
import * as mandiri from '#src/features/mandiri/mandiri.repository.js';
import { wargaActor } from '#src/features/mandiri/warga-akun.service.js';
import { bolehMasuk, hashPin } from '#src/features/mandiri/warga-masuk.service.js';
import { buatTokenEmail, pakaiToken } from '#src/features/notifikasi/notifikasi-token.js';
import { audit } from '#src/lib/audit/audit.js';
import type { Db } from '#src/lib/db/connect.js';
import { nowIso } from '#src/lib/db/time.js';

/**
 * A resident's verified channels: a Telegram chat linked with a one-time code, an email address confirmed by
 * a link. Only these receive notifications and forgotten-PIN resets.
 */

export type Tertaut =
  | { jenis: 'warga'; akunId: number; nama: string }
  | { jenis: 'staf'; penggunaId: number; nama: string };

/** Links a chat with a one-time code (a resident's or a staff member's); null if the code is not live. */
export async function hubungkanTelegram(db: Db, kode: string, chatId: string): Promise<Tertaut | null> {
  const token = await pakaiToken(db, kode, ['telegram-warga', 'telegram-staf']);
  if (!token) return null;
  if (token.akun_id !== null) {
    const akunId = token.akun_id;
    const akun = await mandiri.findAkun(db, akunId);
    const warga = akun ? await mandiri.findWargaByPenduduk(db, akun.penduduk_id) : null;
    if (!bolehMasuk(warga)) return null;
    await db.transaction().execute(async (trx) => {
      // a chat speaks for one account: taken from any other first
      await trx
        .updateTable('warga_akun')
        .set({ telegram_chat_id: null })
        .where('telegram_chat_id', '=', chatId)
        .execute();
      await mandiri.updateAkun(trx, akunId, { telegram_chat_id: chatId, diperbarui_pada: nowIso() });
      await audit.record(trx, wargaActor(akunId), {
        aksi: 'hubungkan-telegram',
        entitas: 'warga_akun',
        entitasId: akunId,
        desaKode: warga.desaKode,
      });
    });
    return { jenis: 'warga', akunId, nama: warga.nama };
  }
  const penggunaId = token.pengguna_id;
  const staf = penggunaId
    ? await db
        .selectFrom('pengguna')
        .where('id', '=', penggunaId)
        .where('aktif', '=', 1)
        .select(['nama'])
        .executeTakeFirst()
    : undefined;
  if (!penggunaId || !staf) return null;
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('pengguna_telegram').where('chat_id', '=', chatId).execute();
    await trx.deleteFrom('pengguna_telegram').where('pengguna_id', '=', penggunaId).execute();
    await trx
      .insertInto('pengguna_telegram')
      .values({ pengguna_id: penggunaId, chat_id: chatId, dibuat_pada: nowIso() })
      .execute();
  });
  return { jenis: 'staf', penggunaId, nama: staf.nama };
}

export async function putuskanTelegram(db: Db, akunId: number, desaKode: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await mandiri.updateAkun(trx, akunId, { telegram_chat_id: null, diperbarui_pada: nowIso() });
    await audit.record(trx, wargaActor(akunId), {
      aksi: 'putuskan-telegram',
      entitas: 'warga_akun',
      entitasId: akunId,
      desaKode,
    });
  });
}

/** The resident a chat is linked to, only while they may use layanan mandiri (alive, account and desa on). */
export async function wargaDariChat(db: Db, chatId: string) {
  const akun = await db
    .selectFrom('warga_akun')
    .where('telegram_chat_id', '=', chatId)
    .select(['id', 'penduduk_id'])
    .executeTakeFirst();
  if (!akun) return null;
  const warga = await mandiri.findWargaByPenduduk(db, akun.penduduk_id);
  return bolehMasuk(warga) ? warga : null;
}

/** Stores a new (unverified) address and returns the secret of its verification link. */
export async function mintaVerifikasiEmail(db: Db, akunId: number, email: string, desaKode: string): Promise<string> {
  await db.transaction().execute(async (trx) => {
    await mandiri.updateAkun(trx, akunId, { email, email_terverifikasi: 0, diperbarui_pada: nowIso() });
    await audit.record(trx, wargaActor(akunId), {
      aksi: 'ubah-email',
      entitas: 'warga_akun',
      entitasId: akunId,
      desaKode,
    });
  });
  return buatTokenEmail(db, akunId, email);
}

/** Confirms an address from its link: only the address the link was made for, only once. */
export async function verifikasiEmail(db: Db, token: string): Promise<number | null> {
  const row = await pakaiToken(db, token, ['email']);
  if (!row || row.akun_id === null) return null;
  const akunId = row.akun_id;
  const akun = await mandiri.findAkun(db, akunId);
  if (!akun || akun.email !== row.email) return null;
  const warga = await mandiri.findWargaByPenduduk(db, akun.penduduk_id);
  await db.transaction().execute(async (trx) => {
    await mandiri.updateAkun(trx, akunId, { email_terverifikasi: 1, diperbarui_pada: nowIso() });
    await audit.record(trx, wargaActor(akunId), {
      aksi: 'verifikasi-email',
      entitas: 'warga_akun',
      entitasId: akunId,
      desaKode: warga?.desaKode ?? null,
    });
  });
  return akunId;
}

export async function hapusEmail(db: Db, akunId: number, desaKode: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await mandiri.updateAkun(trx, akunId, { email: null, email_terverifikasi: 0, diperbarui_pada: nowIso() });
    await trx.deleteFrom('notifikasi_token').where('akun_id', '=', akunId).where('tujuan', '=', 'email').execute();
    await audit.record(trx, wargaActor(akunId), {
      aksi: 'hapus-email',
      entitas: 'warga_akun',
      entitasId: akunId,
      desaKode,
    });
  });
}

/**
 * Forgotten PIN through a verified channel: a fresh random PIN (the caller sends it to that channel only),
 * to be changed at the next login; every session of the account ends.
 */
export async function aturUlangPinLewatKanal(db: Db, akunId: number, kanal: 'telegram' | 'email'): Promise<string> {
  const akun = await mandiri.findAkun(db, akunId);
  const warga = akun ? await mandiri.findWargaByPenduduk(db, akun.penduduk_id) : null;
  if (!bolehMasuk(warga)) throw new Error('akun tidak boleh diatur ulang');
  const pin = pinBaru(warga.tanggallahir);
  const pinHash = await hashPin(pin);
  await db.transaction().execute(async (trx) => {
    await mandiri.updateAkun(trx, akunId, { pin_hash: pinHash, harus_ganti_pin: 1, diperbarui_pada: nowIso() });
    await mandiri.deleteSesiOfAkun(trx, akunId);
    await audit.record(trx, wargaActor(akunId), {
      aksi: 'lupa-pin',
      entitas: 'warga_akun',
      entitasId: akunId,
      desaKode: warga.desaKode,
      alasan: `PIN baru dikirim lewat ${kanal}`,
    });
  });
  return pin;
}
