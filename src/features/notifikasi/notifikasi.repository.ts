import { sql } from 'kysely';
import type { Db } from '#src/lib/db/connect.js';
import type { NotifikasiKeluarTable } from './notifikasi.table.js';

/** Roles of a desa that process letter requests and therefore hear of new ones. */
const PEMROSES = ['admin-desa', 'operator-desa', 'sekretaris-desa', 'kepala-desa'] as const;

export interface Kontak {
  nama: string;
  telegram: string | null;
  email: string | null;
}

/** The desa's active staff who process requests, with their Telegram chat and email (either may be null). */
export async function kontakPemroses(db: Db, desaKode: string): Promise<Kontak[]> {
  const rows = await db
    .selectFrom('pengguna as u')
    .innerJoin('peran_pengguna as r', 'r.pengguna_id', 'u.id')
    .leftJoin('pengguna_telegram as t', 't.pengguna_id', 'u.id')
    .where('r.lingkup_kode', '=', desaKode)
    .where('r.peran', 'in', [...PEMROSES])
    .where('u.aktif', '=', 1)
    .select(['u.id', 'u.nama', 'u.email', 't.chat_id'])
    .distinct()
    .execute();
  return rows.map((r) => ({ nama: r.nama, telegram: r.chat_id, email: r.email }));
}

/** A resident's channels: their linked Telegram chat and their email only once verified; null without an active account. */
export async function kontakWarga(db: Db, pendudukId: number): Promise<Kontak | null> {
  const row = await db
    .selectFrom('warga_akun as a')
    .innerJoin('penduduk as p', 'p.id', 'a.penduduk_id')
    .where('a.penduduk_id', '=', pendudukId)
    .where('a.aktif', '=', 1)
    .select(['p.nama', 'a.telegram_chat_id', 'a.email', 'a.email_terverifikasi'])
    .executeTakeFirst();
  if (!row) return null;
  return {
    nama: row.nama,
    telegram: row.telegram_chat_id,
    email: row.email_terverifikasi === 1 ? row.email : null,
  };
}

export async function templatDesa(db: Db, desaKode: string, jenis: string) {
  return db
    .selectFrom('notifikasi_templat')
    .where('desa_kode', '=', desaKode)
    .where('jenis', '=', jenis)
    .select(['subjek', 'teks'])
    .executeTakeFirst();
}

export async function insertKeluar(db: Db, rows: Omit<NotifikasiKeluarTable, 'id'>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('notifikasi_keluar').values(rows).execute();
}

/** Messages due now, oldest first. */
export function findJatuhTempo(db: Db, now: string, limit: number) {
  return db
    .selectFrom('notifikasi_keluar')
    .where('status', '=', 'menunggu')
    .where('coba_pada', '<=', now)
    .orderBy('coba_pada')
    .orderBy('id')
    .limit(limit)
    .selectAll()
    .execute();
}

/**
 * Claims a due message for this worker: moves its next attempt into the future only if nobody else did, so two
 * workers never send the same message twice at once.
 */
export async function klaim(db: Db, id: number, cobaPada: string, sampai: string): Promise<boolean> {
  const res = await db
    .updateTable('notifikasi_keluar')
    .set({ coba_pada: sampai })
    .where('id', '=', id)
    .where('status', '=', 'menunggu')
    .where('coba_pada', '=', cobaPada)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function updateKeluar(db: Db, id: number, changes: Partial<Omit<NotifikasiKeluarTable, 'id'>>) {
  await db.updateTable('notifikasi_keluar').set(changes).where('id', '=', id).execute();
}

/** Counts per status, for the desa's notification page. */
export async function hitungKeluar(db: Db, desaKode: string) {
  return db
    .selectFrom('notifikasi_keluar')
    .where('desa_kode', '=', desaKode)
    .select(['status', sql<number>`count(*)`.as('n')])
    .groupBy('status')
    .execute();
}

/** Removes delivered, skipped and given-up messages older than the cut-off (the outbox is not an archive). */
export async function hapusKeluarLama(db: Db, sebelum: string): Promise<number> {
  const res = await db
    .deleteFrom('notifikasi_keluar')
    .where('status', '<>', 'menunggu')
    .where('diperbarui_pada', '<', sebelum)
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}
