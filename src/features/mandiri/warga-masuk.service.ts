import {
  ACCOUNT_RULE,
  clearFailures,
  IP_RULE,
  ipKey,
  recordFailure,
  secondsBlocked,
  type ThrottleRule,
} from '#src/features/auth/throttle.service.js';
import { hashPassword, verifyAgainstDummy, verifyPassword } from '#src/lib/auth/password.js';
import { hashSecret } from '#src/lib/auth/tokens.js';
import type { Db } from '#src/lib/db/connect.js';
import type { WargaMasuk } from './mandiri.repository.js';
import * as repo from './mandiri.repository.js';

/**
 * Resident login with NIK + PIN. Every refusal looks the same (wrong PIN, no account, dead or moved
 * resident, desa without the service), so the form never tells whether a NIK exists; the PIN check costs
 * the same time either way. Five wrong tries in a row block the NIK for 15 minutes, also for NIKs that
 * have no account; 20 from one address block the address.
 */
export type HasilMasuk =
  | { ok: true; akunId: number; harusGantiPin: boolean }
  | { ok: false; alasan: 'salah' }
  | { ok: false; alasan: 'terkunci'; detik: number };

/** Throttle key of a NIK: its hash, so that the attempts table never holds NIKs. */
export const kunciNik = (nik: string) => `warga:${hashSecret(nik)}`;

export function bolehMasuk(w: WargaMasuk | null): w is WargaMasuk & { akunId: number; pinHash: string } {
  return (
    w !== null &&
    w.akunId !== null &&
    w.pinHash !== null &&
    w.akunAktif === 1 &&
    w.statusDasar === repo.HIDUP &&
    w.layananAktif
  );
}

/** Where the attempts come from, counted together: an IP address, or a kiosk (many residents, one address). */
export interface SumberMasuk {
  kunci: string;
  rule: ThrottleRule;
}

export const sumberIp = (ip: string): SumberMasuk => ({ kunci: ipKey(ip), rule: IP_RULE });
/** A kiosk serves a queue of residents: more room for typos, a shorter block, counted per device. */
export const sumberAnjungan = (id: number): SumberMasuk => ({
  kunci: `anjungan:${id}`,
  rule: { limit: 60, windowMinutes: 15, blockMinutes: 5 },
});

export async function periksaPin(
  db: Db,
  cari: () => Promise<WargaMasuk | null>,
  throttleKey: string,
  pin: string,
  sumber: SumberMasuk,
): Promise<HasilMasuk> {
  const blocked = Math.max(await secondsBlocked(db, throttleKey), await secondsBlocked(db, sumber.kunci));
  if (blocked > 0) return { ok: false, alasan: 'terkunci', detik: blocked };
  const warga = await cari();
  const cocok = bolehMasuk(warga) ? await verifyPassword(warga.pinHash, pin) : await verifyAgainstDummy(pin);
  if (!cocok || !bolehMasuk(warga)) {
    await recordFailure(db, throttleKey, ACCOUNT_RULE);
    await recordFailure(db, sumber.kunci, sumber.rule);
    const now = await secondsBlocked(db, throttleKey);
    return now > 0 ? { ok: false, alasan: 'terkunci', detik: now } : { ok: false, alasan: 'salah' };
  }
  await clearFailures(db, throttleKey);
  return { ok: true, akunId: warga.akunId, harusGantiPin: warga.harusGantiPin === 1 };
}

export function masukDenganNik(db: Db, nik: string, pin: string, ip: string): Promise<HasilMasuk> {
  return periksaPin(db, () => repo.findWargaByNik(db, nik), kunciNik(nik), pin, sumberIp(ip));
}

/** A PIN for storage: argon2id, like staff passwords. */
export function hashPin(pin: string): Promise<string> {
  return hashPassword(pin);
}
