import type { Db } from '#src/lib/db/connect.js';
import { nowIso } from '#src/lib/db/time.js';
import type { ImporTugasTable, JenisImpor, StatusImpor } from './impor.table.js';

export type TugasRow = Omit<ImporTugasTable, 'id'> & { id: number };

export async function insertTugas(
  db: Db,
  row: {
    desa_kode: string;
    jenis: JenisImpor;
    nama_berkas: string;
    ukuran: number;
    dibuat_oleh: string;
    pemilik: string;
  },
): Promise<number> {
  const now = nowIso();
  const r = await db
    .insertInto('impor_tugas')
    .values({ ...row, status: 'membaca', hasil: null, pesan: null, dibuat_pada: now, diperbarui_pada: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export function findTugas(db: Db, id: number): Promise<TugasRow | undefined> {
  return db.selectFrom('impor_tugas').selectAll().where('id', '=', id).executeTakeFirst() as Promise<
    TugasRow | undefined
  >;
}

export function listTugas(db: Db, desaKode: string, limit = 20): Promise<TugasRow[]> {
  return db
    .selectFrom('impor_tugas')
    .selectAll()
    .where('desa_kode', '=', desaKode)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute() as Promise<TugasRow[]>;
}

/** Move a job on, only from the status it is expected to be in; false when it was not. */
export async function setStatus(
  db: Db,
  id: number,
  from: readonly StatusImpor[],
  to: StatusImpor,
  extra: { hasil?: unknown; pesan?: string | null; pemilik?: string | null } = {},
): Promise<boolean> {
  const r = await db
    .updateTable('impor_tugas')
    .set({
      status: to,
      diperbarui_pada: nowIso(),
      ...(extra.hasil === undefined ? {} : { hasil: JSON.stringify(extra.hasil) }),
      ...(extra.pesan === undefined ? {} : { pesan: extra.pesan }),
      ...(extra.pemilik === undefined ? {} : { pemilik: extra.pemilik }),
    })
    .where('id', '=', id)
    .where('status', 'in', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Jobs marked running (optionally in one desa), to check their process is still there. */
export function listRunning(db: Db, desaKode?: string) {
  let q = db
    .selectFrom('impor_tugas')
    .select(['id', 'pemilik', 'diperbarui_pada'])
    .where('status', 'in', ['membaca', 'menerapkan']);
  if (desaKode) q = q.where('desa_kode', '=', desaKode);
  return q.execute();
}

/**
 * A fingerprint of a desa's register: row counts, highest ids and latest changes of its residents, families,
 * households and units. Equal fingerprints mean nothing of the desa changed in between (records of other desa
 * are guarded by the unique indexes on NIK, KK number and chip id when the rows are written).
 */
export async function registerFingerprint(db: Db, desaKode: string): Promise<string> {
  const parts = await Promise.all(
    (['penduduk', 'keluarga', 'rumah_tangga'] as const).map((table) =>
      db
        .selectFrom(table)
        .select((eb) => [
          eb.fn.countAll<number>().as('n'),
          eb.fn.max('id').as('id'),
          eb.fn.max('diperbarui_pada').as('t'),
        ])
        .where('desa_kode', '=', desaKode)
        .executeTakeFirstOrThrow(),
    ),
  );
  const units = await db
    .selectFrom('lingkungan')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('id').as('id')])
    .where('desa_kode', '=', desaKode)
    .executeTakeFirstOrThrow();
  return JSON.stringify([...parts, units].map((p) => Object.values(p).map(String)));
}
