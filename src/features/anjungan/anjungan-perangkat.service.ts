import { randomInt } from 'node:crypto';
import { IP_RULE, ipKey, recordFailure, secondsBlocked } from '#src/features/auth/throttle.service.js';
import { type Actor, audit, systemActor } from '#src/lib/audit/audit.js';
import { hashSecret, newSecret } from '#src/lib/auth/tokens.js';
import type { Db } from '#src/lib/db/connect.js';
import { addMinutes, nowIso } from '#src/lib/db/time.js';
import { notFound } from '#src/lib/errors.js';
import * as repo from './anjungan.repository.js';

/**
 * Kiosk devices of a desa, from the office's side. A kiosk is trusted by a random device token in a long-lived
 * HttpOnly cookie of its browser (never by IP or MAC address); the token reaches the browser through a one-time
 * code: the office adds (or re-issues) a kiosk, is shown the code once, and opens it on the kiosk. Only
 * hashes of codes and tokens are stored.
 */
export const KODE_BERLAKU_MENIT = 15;
const ALFABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** 10 characters from 32 (50 bits), shown as ABCDE-FGHJK; easy to type on the kiosk, useless after 15 minutes. */
export function kodeBaru(): string {
  let s = '';
  for (let i = 0; i < 10; i++) s += ALFABET[randomInt(ALFABET.length)];
  return `${s.slice(0, 5)}-${s.slice(5)}`;
}

/** What the operator typed, as stored: upper case, no separators. */
export function normalisasiKode(raw: string): string {
  return raw.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

async function kodeUntuk(db: Db, actor: Actor, anjunganId: number): Promise<string> {
  const kode = kodeBaru();
  const now = nowIso();
  await repo.deleteKodeOf(db, anjunganId);
  await repo.insertKode(db, {
    kode_hash: hashSecret(normalisasiKode(kode)),
    anjungan_id: anjunganId,
    dibuat_oleh: actor.username,
    dibuat_pada: now,
    kedaluwarsa_pada: addMinutes(now, KODE_BERLAKU_MENIT),
  });
  return kode;
}

export async function tambahAnjungan(
  db: Db,
  actor: Actor,
  desaKode: string,
  nama: string,
): Promise<{ id: number; kode: string }> {
  return db.transaction().execute(async (trx) => {
    const id = await repo.insertAnjungan(trx, {
      desa_kode: desaKode,
      nama,
      // no browser holds this token: the kiosk works only once its code has been opened
      token_hash: hashSecret(newSecret()),
      aktif: 1,
      dibuat_oleh: actor.username,
      dibuat_pada: nowIso(),
      terakhir_terlihat: null,
    });
    const kode = await kodeUntuk(trx, actor, id);
    await audit.record(trx, actor, { aksi: 'tambah', entitas: 'anjungan', entitasId: id, desaKode });
    return { id, kode };
  });
}

async function milikDesa(db: Db, desaKode: string, id: number) {
  const row = await repo.findAnjungan(db, id);
  if (row?.desa_kode !== desaKode) throw notFound();
  return row;
}

/** A new code for a kiosk (its browser lost the cookie, or a new browser): opening it replaces the old device. */
export async function terbitkanUlang(db: Db, actor: Actor, desaKode: string, id: number): Promise<string> {
  await milikDesa(db, desaKode, id);
  return db.transaction().execute(async (trx) => {
    const kode = await kodeUntuk(trx, actor, id);
    await audit.record(trx, actor, { aksi: 'terbitkan-kode', entitas: 'anjungan', entitasId: id, desaKode });
    return kode;
  });
}

export async function ubahAnjungan(
  db: Db,
  actor: Actor,
  desaKode: string,
  id: number,
  ubah: { nama?: string; aktif?: boolean },
): Promise<void> {
  const before = await milikDesa(db, desaKode, id);
  const after = {
    nama: ubah.nama ?? before.nama,
    aktif: ubah.aktif === undefined ? before.aktif : ubah.aktif ? 1 : 0,
  };
  await db.transaction().execute(async (trx) => {
    await repo.updateAnjungan(trx, id, after);
    if (after.aktif === 0) {
      // a switched-off kiosk: nobody stays signed in on it, and no pending code can wake it
      await repo.deleteSesiOf(trx, id);
      await repo.deleteKodeOf(trx, id);
    }
    await audit.record(trx, actor, {
      aksi: after.aktif !== before.aktif ? (after.aktif ? 'aktifkan' : 'nonaktifkan') : 'ubah',
      entitas: 'anjungan',
      entitasId: id,
      desaKode,
      perubahan: { nama: [before.nama, after.nama], aktif: [before.aktif, after.aktif] },
    });
  });
}

export type HasilPasang =
  | { ok: true; token: string; anjunganId: number; desaKode: string }
  | { ok: false; alasan: 'salah' }
  | { ok: false; alasan: 'terkunci'; detik: number };

/**
 * The kiosk's browser opens its code: a fresh device token (returned for the cookie; its hash replaces the
 * kiosk's, so an earlier browser of the same kiosk stops working). Wrong codes count against the address.
 */
export async function pasangAnjungan(db: Db, kode: string, ip: string): Promise<HasilPasang> {
  const blocked = await secondsBlocked(db, ipKey(ip));
  if (blocked > 0) return { ok: false, alasan: 'terkunci', detik: blocked };
  const token = newSecret();
  const hasil = await db.transaction().execute(async (trx) => {
    const row = await repo.takeKode(trx, hashSecret(normalisasiKode(kode)), nowIso());
    const kiosk = row ? await repo.findAnjungan(trx, row.anjungan_id) : undefined;
    if (!row || kiosk?.aktif !== 1) return null;
    await repo.updateAnjungan(trx, kiosk.id, { token_hash: hashSecret(token), terakhir_terlihat: nowIso() });
    await repo.deleteSesiOf(trx, kiosk.id);
    await audit.record(
      trx,
      { ...systemActor('anjungan'), ip },
      {
        aksi: 'pasang',
        entitas: 'anjungan',
        entitasId: kiosk.id,
        desaKode: kiosk.desa_kode,
      },
    );
    return { anjunganId: kiosk.id, desaKode: kiosk.desa_kode };
  });
  if (!hasil) {
    await recordFailure(db, ipKey(ip), IP_RULE);
    return { ok: false, alasan: 'salah' };
  }
  return { ok: true, token, ...hasil };
}
