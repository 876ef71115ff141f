import { pinLemah } from '#src/domain/pin.js';
import {
  IP_RULE,
  ipKey,
  recordFailure,
  secondsBlocked,
  type ThrottleRule,
} from '#src/features/auth/throttle.service.js';
import * as mandiri from '#src/features/mandiri/mandiri.repository.js';
import { wargaActor } from '#src/features/mandiri/warga-akun.service.js';
import { bolehMasuk, hashPin } from '#src/features/mandiri/warga-masuk.service.js';
import { buatTokenLupaPin, pakaiToken } from '#src/features/notifikasi/notifikasi-token.js';
import { audit } from '#src/lib/audit/audit.js';
import { hashSecret } from '#src/lib/auth/tokens.js';
import type { Db } from '#src/lib/db/connect.js';
import { nowIso } from '#src/lib/db/time.js';
import { invalid } from '#src/lib/errors.js';

/**
 * Forgotten PIN by email: a link to the resident's VERIFIED address only; every asker gets the same answer, so
 * the page never tells whether a NIK has an account. At most 3 links per NIK an hour (and the IP limit).
 */
const LUPA_RULE: ThrottleRule = { limit: 3, windowMinutes: 60, blockMinutes: 60 };
const kunciLupa = (nik: string) => `lupa-pin:${hashSecret(nik)}`;

export type HasilLupa =
  | { terkunci: number }
  | { terkunci: 0; kirim: { email: string; token: string; desaKode: string } | null };

export async function mintaLupaPin(db: Db, nik: string, ip: string): Promise<HasilLupa> {
  const blocked = Math.max(await secondsBlocked(db, kunciLupa(nik)), await secondsBlocked(db, ipKey(ip)));
  if (blocked > 0) return { terkunci: blocked };
  await recordFailure(db, kunciLupa(nik), LUPA_RULE);
  await recordFailure(db, ipKey(ip), IP_RULE);
  const warga = await mandiri.findWargaByNik(db, nik);
  if (!bolehMasuk(warga)) return { terkunci: 0, kirim: null };
  const akun = await mandiri.findAkun(db, warga.akunId);
  if (!akun?.email || akun.email_terverifikasi !== 1) return { terkunci: 0, kirim: null };
  const token = await buatTokenLupaPin(db, warga.akunId, akun.email);
  return { terkunci: 0, kirim: { email: akun.email, token, desaKode: warga.desaKode } };
}

/** Sets the PIN the resident chose from the link; the link works once, every session ends, audited. */
export async function aturPinDariTautan(db: Db, token: string, pin: string, ulangi: string): Promise<boolean> {
  const peek = await db
    .selectFrom('notifikasi_token')
    .where('hash', '=', hashSecret(token.toUpperCase()))
    .where('tujuan', '=', 'pin-email')
    .select(['akun_id', 'email'])
    .executeTakeFirst();
  const akun = peek?.akun_id ? await mandiri.findAkun(db, peek.akun_id) : undefined;
  const warga = akun ? await mandiri.findWargaByPenduduk(db, akun.penduduk_id) : null;
  // the address must still be the verified one the link went to
  if (!peek || !akun || !bolehMasuk(warga) || akun.email !== peek.email || akun.email_terverifikasi !== 1) return false;
  // a weak or mistyped PIN does not use the link up
  if (pinLemah(pin, warga.tanggallahir)) throw invalid({ pin_baru: 'mandiriPinLemah' });
  if (pin !== ulangi) throw invalid({ ulangi: 'mandiriPinTidakSama' });
  if (!(await pakaiToken(db, token, ['pin-email']))) return false;
  const akunId = akun.id;
  const pinHash = await hashPin(pin);
  await db.transaction().execute(async (trx) => {
    await mandiri.updateAkun(trx, akunId, { pin_hash: pinHash, harus_ganti_pin: 0, diperbarui_pada: nowIso() });
    await mandiri.deleteSesiOfAkun(trx, akunId);
    await audit.record(trx, wargaActor(akunId), {
      aksi: 'lupa-pin',
      entitas: 'warga_akun',
      entitasId: akunId,
      desaKode: warga.desaKode,
      alasan: 'PIN baru lewat tautan email',
    });
  });
  return true;
}
