import { randomInt } from 'node:crypto';
import { hashSecret, newSecret } from '#src/lib/auth/tokens.js';
import type { Db } from '#src/lib/db/connect.js';
import { addMinutes, nowIso } from '#src/lib/db/time.js';
import type { TujuanToken } from './notifikasi.table.js';

/** Telegram linking codes: 8 characters without look-alikes (0/O, 1/I/L), valid 10 minutes, single use. */
const ALFABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const KODE_PATTERN = /^[A-Za-z2-9]{8}$/;
export const KODE_MENIT = 10;
/** Email verification links: valid 24 hours, single use. */
export const EMAIL_MENIT = 24 * 60;

type Pemilik = { akunId: number } | { penggunaId: number };

function kodeBaru(): string {
  let kode = '';
  for (let i = 0; i < 8; i++) kode += ALFABET[randomInt(0, ALFABET.length)];
  return kode;
}

async function simpan(db: Db, rahasia: string, tujuan: TujuanToken, pemilik: Pemilik, menit: number, email?: string) {
  const akunId = 'akunId' in pemilik ? pemilik.akunId : null;
  const penggunaId = 'penggunaId' in pemilik ? pemilik.penggunaId : null;
  // one live token per owner and purpose: a new one replaces the old
  let del = db.deleteFrom('notifikasi_token').where('tujuan', '=', tujuan);
  del = akunId !== null ? del.where('akun_id', '=', akunId) : del.where('pengguna_id', '=', penggunaId);
  await del.execute();
  const now = nowIso();
  await db
    .insertInto('notifikasi_token')
    .values({
      hash: hashSecret(rahasia.toUpperCase()),
      tujuan,
      akun_id: akunId,
      pengguna_id: penggunaId,
      email: email ?? null,
      dibuat_pada: now,
      kedaluwarsa_pada: addMinutes(now, menit),
      dipakai_pada: null,
    })
    .execute();
}

/** A fresh Telegram linking code for a resident account or a staff account (shown once on their page). */
export async function buatKodeTelegram(db: Db, pemilik: Pemilik): Promise<string> {
  const kode = kodeBaru();
  await simpan(db, kode, 'akunId' in pemilik ? 'telegram-warga' : 'telegram-staf', pemilik, KODE_MENIT);
  return kode;
}

/** A forgotten-PIN link secret (sent to the verified email only): valid 30 minutes. */
export async function buatTokenLupaPin(db: Db, akunId: number, email: string): Promise<string> {
  const token = newSecret();
  await simpan(db, token, 'pin-email', { akunId }, 30, email);
  return token;
}

/** Whether a secret is live (for showing a form), without using it up. */
export async function tokenBerlaku(db: Db, rahasia: string, tujuan: TujuanToken): Promise<boolean> {
  const row = await db
    .selectFrom('notifikasi_token')
    .where('hash', '=', hashSecret(rahasia.toUpperCase()))
    .where('tujuan', '=', tujuan)
    .where('dipakai_pada', 'is', null)
    .where('kedaluwarsa_pada', '>', nowIso())
    .select('hash')
    .executeTakeFirst();
  return row !== undefined;
}

/** A verification link secret for the resident's email address. */
export async function buatTokenEmail(db: Db, akunId: number, email: string): Promise<string> {
  const token = newSecret();
  await simpan(db, token, 'email', { akunId }, EMAIL_MENIT, email);
  return token;
}

/**
 * Uses a code or link secret once: marks it used only if it is live, so two concurrent uses cannot both
 * succeed. Returns its row, or null (unknown, expired or used).
 */
export async function pakaiToken(db: Db, rahasia: string, tujuan: readonly TujuanToken[]) {
  const hash = hashSecret(rahasia.toUpperCase());
  const now = nowIso();
  const row = await db
    .selectFrom('notifikasi_token')
    .where('hash', '=', hash)
    .where('tujuan', 'in', [...tujuan])
    .selectAll()
    .executeTakeFirst();
  if (!row || row.dipakai_pada !== null || row.kedaluwarsa_pada <= now) return null;
  const res = await db
    .updateTable('notifikasi_token')
    .set({ dipakai_pada: now })
    .where('hash', '=', hash)
    .where('dipakai_pada', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1 ? row : null;
}

/** Whether an owner has a live code, and until when (the account page shows the code only once). */
export async function tokenHidup(db: Db, akunId: number, tujuan: TujuanToken) {
  return db
    .selectFrom('notifikasi_token')
    .where('akun_id', '=', akunId)
    .where('tujuan', '=', tujuan)
    .where('dipakai_pada', 'is', null)
    .where('kedaluwarsa_pada', '>', nowIso())
    .select(['kedaluwarsa_pada', 'email'])
    .executeTakeFirst();
}
