import { hashSecret, newSecret } from '#src/lib/auth/tokens.js';
import type { Db } from '#src/lib/db/connect.js';
import { addMinutes, earlier, nowIso } from '#src/lib/db/time.js';
import * as repo from './mandiri.repository.js';

/** Who a resident session belongs to, resolved once per request (req.warga). */
export interface WargaState {
  akunId: number;
  pendudukId: number;
  nama: string;
  desaKode: string;
  harusGantiPin: boolean;
  /** the kiosk the session was opened at, or null on the resident's own device */
  anjunganId: number | null;
  sesi: { idHash: string; csrf: string };
}

/** Phone sessions: 30 idle minutes, 12 hours at most. Kiosk sessions: 3 idle minutes (the next person waits). */
export const SESI_WARGA = { idleMinutes: 30, maxMinutes: 12 * 60 };
export const SESI_ANJUNGAN = { idleMinutes: 3, maxMinutes: 30 };
const TOUCH_AFTER_SECONDS = 30;

export async function startWargaSesi(
  db: Db,
  akunId: number,
  anjunganId: number | null = null,
): Promise<{ token: string; csrf: string }> {
  const token = newSecret();
  const csrf = newSecret();
  const now = nowIso();
  const policy = anjunganId === null ? SESI_WARGA : SESI_ANJUNGAN;
  await repo.insertSesi(db, {
    id_hash: hashSecret(token),
    akun_id: akunId,
    csrf,
    anjungan_id: anjunganId,
    dibuat_pada: now,
    terakhir_aktif: now,
    kedaluwarsa_pada: addMinutes(now, policy.idleMinutes),
  });
  await repo.updateAkun(db, akunId, { terakhir_masuk: now });
  return { token, csrf };
}

/**
 * The resident behind a session cookie; null when the session is unknown or expired, or when the resident
 * may no longer use the service (account switched off, died/moved, desa's service off) — checked on every
 * request, so a death recorded at the office ends the resident's sessions at once.
 */
export async function resumeWargaSesi(db: Db, token: string): Promise<WargaState | null> {
  const idHash = hashSecret(token);
  const now = nowIso();
  const row = await repo.findLiveSesi(db, idHash, now);
  if (!row) return null;
  if (row.aktif !== 1 || row.status_dasar !== repo.HIDUP || row.layanan === 0) return null;
  if (Date.parse(now) - Date.parse(row.terakhir_aktif) > TOUCH_AFTER_SECONDS * 1000) {
    const policy = row.anjungan_id === null ? SESI_WARGA : SESI_ANJUNGAN;
    const cap = addMinutes(row.dibuat_pada, policy.maxMinutes);
    await repo.touchSesi(db, idHash, now, earlier(addMinutes(now, policy.idleMinutes), cap));
  }
  return {
    akunId: row.akun_id,
    pendudukId: row.penduduk_id,
    nama: row.nama,
    desaKode: row.desa_kode,
    harusGantiPin: row.harus_ganti_pin === 1,
    anjunganId: row.anjungan_id,
    sesi: { idHash, csrf: row.csrf },
  };
}

export async function endWargaSesi(db: Db, idHash: string): Promise<void> {
  await repo.deleteSesi(db, idHash);
}
