import type { Db } from '#src/lib/db/connect.js';

/**
 * Letter number counters (letters.md §4): one per desa, sequence scope and calendar year (of the letter date),
 * taken at final approval inside the approving transaction — a rollback returns the number, so there are no
 * gaps — skipping numbers reserved for letters made outside Balai (surat_nomor_cadangan).
 */

/** One counter: a desa's sequence ('*' for every letter, or one letter code) in one calendar year. */
export interface KunciUrut {
  desaKode: string;
  lingkup: string;
  tahun: number;
}

/**
 * Add one to the counter (creating it at 1) and return the new value, in one statement. On PostgreSQL the
 * upsert locks the counter row until the transaction ends, so concurrent callers queue behind it and a
 * rollback gives the number back; on SQLite the writer lock does the same.
 */
export async function naikkanUrut(db: Db, k: KunciUrut): Promise<number> {
  const row = await db
    .insertInto('surat_nomor_urut')
    .values({ desa_kode: k.desaKode, lingkup: k.lingkup, tahun: k.tahun, terakhir: 1 })
    .onConflict((oc) =>
      oc
        .columns(['desa_kode', 'lingkup', 'tahun'])
        .doUpdateSet((eb) => ({ terakhir: eb('surat_nomor_urut.terakhir', '+', 1) })),
    )
    .returning('terakhir')
    .executeTakeFirstOrThrow();
  return Number(row.terakhir);
}

/**
 * The counter's current value (0 when unused), locking it for the rest of the transaction the same way an
 * allocation does — so numbers checked against it cannot be handed out meanwhile.
 */
export async function kunciUrut(db: Db, k: KunciUrut): Promise<number> {
  const row = await db
    .insertInto('surat_nomor_urut')
    .values({ desa_kode: k.desaKode, lingkup: k.lingkup, tahun: k.tahun, terakhir: 0 })
    .onConflict((oc) =>
      oc
        .columns(['desa_kode', 'lingkup', 'tahun'])
        .doUpdateSet((eb) => ({ terakhir: eb.ref('surat_nomor_urut.terakhir') })),
    )
    .returning('terakhir')
    .executeTakeFirstOrThrow();
  return Number(row.terakhir);
}

export async function isDicadangkan(db: Db, k: KunciUrut, urut: number): Promise<boolean> {
  const row = await db
    .selectFrom('surat_nomor_cadangan')
    .select('id')
    .where('desa_kode', '=', k.desaKode)
    .where('lingkup', '=', k.lingkup)
    .where('tahun', '=', k.tahun)
    .where('urut', '=', urut)
    .executeTakeFirst();
  return row !== undefined;
}

export interface CadanganBaru {
  urut: number;
  nomor: string;
  keterangan: string;
  dibuatOleh: string;
  dibuatPada: string;
}

export async function insertCadangan(db: Db, k: KunciUrut, rows: CadanganBaru[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('surat_nomor_cadangan')
    .values(
      rows.map((r) => ({
        desa_kode: k.desaKode,
        lingkup: k.lingkup,
        tahun: k.tahun,
        urut: r.urut,
        nomor: r.nomor,
        keterangan: r.keterangan,
        dibuat_oleh: r.dibuatOleh,
        dibuat_pada: r.dibuatPada,
      })),
    )
    .execute();
}

export function listCadanganRows(db: Db, desaKode: string, tahun: number) {
  return db
    .selectFrom('surat_nomor_cadangan')
    .select(['id', 'lingkup', 'tahun', 'urut', 'nomor', 'keterangan', 'dibuat_oleh', 'dibuat_pada'])
    .where('desa_kode', '=', desaKode)
    .where('tahun', '=', tahun)
    .orderBy('lingkup')
    .orderBy('urut')
    .execute();
}

/** Every counter of a desa for a year (settings page: "last number used"). */
export function listUrut(db: Db, desaKode: string, tahun: number) {
  return db
    .selectFrom('surat_nomor_urut')
    .select(['lingkup', 'terakhir'])
    .where('desa_kode', '=', desaKode)
    .where('tahun', '=', tahun)
    .orderBy('lingkup')
    .execute();
}

export function checkKunci(k: KunciUrut): void {
  if (!Number.isInteger(k.tahun) || k.tahun < 1900 || k.tahun > 9999) throw new RangeError(`tahun: ${k.tahun}`);
  if (k.lingkup.length < 1 || k.lingkup.length > 30) throw new RangeError(`lingkup nomor: ${k.lingkup}`);
}

/**
 * The next number of a counter, skipping reserved ones. Call it inside the transaction that stores the number
 * on the letter: the counter stays locked until that transaction ends (keep it short), and a rollback gives
 * the number back. The transaction must run at READ COMMITTED (PostgreSQL's default).
 */
export async function allocateNomor(trx: Db, k: KunciUrut): Promise<number> {
  if (!trx.isTransaction) throw new Error('allocateNomor harus dipanggil di dalam transaksi yang menyimpan nomornya');
  checkKunci(k);
  let urut = await naikkanUrut(trx, k);
  while (await isDicadangkan(trx, k, urut)) urut = await naikkanUrut(trx, k);
  return urut;
}
