import { hashSecret } from '#src/lib/auth/tokens.js';
import type { Db } from '#src/lib/db/connect.js';
import { nowIso } from '#src/lib/db/time.js';

/** A registered kiosk (anjungan) of a desa, known by the device token in its cookie. */
export interface AnjunganState {
  id: number;
  desaKode: string;
  nama: string;
  /** seconds without a touch before a resident's session here ends (BALAI_ANJUNGAN_IDLE_DETIK) */
  idleDetik: number;
}

/** The kiosk behind a device token; null when unknown or switched off. Last-seen is refreshed every minute. */
export async function resumeAnjungan(db: Db, token: string, idleDetik: number): Promise<AnjunganState | null> {
  const row = await db
    .selectFrom('anjungan')
    .select(['id', 'desa_kode', 'nama', 'aktif', 'terakhir_terlihat'])
    .where('token_hash', '=', hashSecret(token))
    .executeTakeFirst();
  if (row?.aktif !== 1) return null;
  const now = nowIso();
  if (!row.terakhir_terlihat || Date.parse(now) - Date.parse(row.terakhir_terlihat) > 60_000)
    await db.updateTable('anjungan').set({ terakhir_terlihat: now }).where('id', '=', row.id).execute();
  return { id: row.id, desaKode: row.desa_kode, nama: row.nama, idleDetik };
}
