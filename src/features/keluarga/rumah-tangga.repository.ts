import type { Insertable, Updateable } from 'kysely';
import type { Db } from '#src/lib/db/connect.js';
import type { RumahTanggaTable } from './keluarga.table.js';

/** Households (rumah tangga, RTM): the only code touching the rumah_tangga table. */
export type RumahTanggaRow = Omit<RumahTanggaTable, 'id' | 'versi'> & { id: number; versi: number };

export async function insertRumahTangga(db: Db, row: Insertable<RumahTanggaTable>): Promise<number> {
  const r = await db.insertInto('rumah_tangga').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export function findRumahTangga(db: Db, id: number): Promise<RumahTanggaRow | undefined> {
  return db.selectFrom('rumah_tangga').selectAll().where('id', '=', id).executeTakeFirst() as Promise<
    RumahTanggaRow | undefined
  >;
}

/** Lock a household of this desa that is still in use (the version bump takes the row lock). */
export function lockActive(db: Db, desaKode: string, id: number): Promise<RumahTanggaRow | undefined> {
  return db
    .updateTable('rumah_tangga')
    .set((eb) => ({ versi: eb('versi', '+', 1) }))
    .where('id', '=', id)
    .where('desa_kode', '=', desaKode)
    .where('ditutup_pada', 'is', null)
    .returningAll()
    .executeTakeFirst() as Promise<RumahTanggaRow | undefined>;
}

export async function updateRumahTangga(db: Db, id: number, changes: Updateable<RumahTanggaTable>): Promise<void> {
  await db
    .updateTable('rumah_tangga')
    .set((eb) => ({ ...changes, versi: eb('versi', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

export async function updateVersioned(
  db: Db,
  id: number,
  versi: number,
  changes: Updateable<RumahTanggaTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('rumah_tangga')
    .set({ ...changes, versi: versi + 1 })
    .where('id', '=', id)
    .where('versi', '=', versi)
    .where('ditutup_pada', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Highest serial of the desa's household numbers (desa code digits + 5 digits), closed ones included. */
export async function maxSerial(db: Db, desaKode: string, prefix: string): Promise<number> {
  const r = await db
    .selectFrom('rumah_tangga')
    .select((eb) => eb.fn.max('nomor').as('m'))
    .where('desa_kode', '=', desaKode)
    .where('nomor', '>=', `${prefix}00000`)
    .where('nomor', '<=', `${prefix}99999`)
    .executeTakeFirst();
  return r?.m ? Number(String(r.m).slice(prefix.length)) : 0;
}

/** Living members, head first. */
export function listMembers(db: Db, rumahTanggaId: number) {
  return db
    .selectFrom('penduduk')
    .leftJoin('keluarga', 'keluarga.id', 'penduduk.keluarga_id')
    .select([
      'penduduk.id',
      'penduduk.nama',
      'penduduk.nik',
      'penduduk.nik_sementara',
      'penduduk.sex',
      'penduduk.tanggallahir',
      'penduduk.rtm_level',
      'penduduk.kk_level',
      'penduduk.keluarga_id',
      'keluarga.no_kk',
    ])
    .where('penduduk.rumah_tangga_id', '=', rumahTanggaId)
    .where('penduduk.status_dasar', '=', 1)
    .orderBy('penduduk.rtm_level')
    .orderBy('penduduk.tanggallahir')
    .orderBy('penduduk.id')
    .execute();
}
export type RumahTanggaMember = Awaited<ReturnType<typeof listMembers>>[number];

export interface RumahTanggaQuery {
  desaKode: string;
  nomor?: string;
  namaPrefix?: string;
  limit: number;
  offset: number;
}

function filtered(db: Db, q: RumahTanggaQuery) {
  let query = db
    .selectFrom('rumah_tangga')
    .leftJoin('penduduk as kepala', 'kepala.id', 'rumah_tangga.kepala_id')
    .where('rumah_tangga.desa_kode', '=', q.desaKode)
    .where('rumah_tangga.ditutup_pada', 'is', null);
  if (q.nomor) query = query.where('rumah_tangga.nomor', '=', q.nomor);
  if (q.namaPrefix)
    query = query
      .where('kepala.nama_normal', '>=', q.namaPrefix)
      .where('kepala.nama_normal', '<', `${q.namaPrefix}\uffff`);
  return query;
}

export function listRumahTangga(db: Db, q: RumahTanggaQuery) {
  return filtered(db, q)
    .select((eb) => [
      'rumah_tangga.id',
      'rumah_tangga.nomor',
      'rumah_tangga.lingkungan_id',
      'rumah_tangga.terdaftar_dtks',
      'rumah_tangga.kelas_sosial',
      'kepala.nama as kepala_nama',
      eb
        .selectFrom('penduduk as a')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('a.rumah_tangga_id', '=', 'rumah_tangga.id')
        .where('a.status_dasar', '=', 1)
        .as('jumlah'),
    ])
    .orderBy('rumah_tangga.nomor')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
}

export async function countRumahTangga(db: Db, q: RumahTanggaQuery): Promise<number> {
  const r = await filtered(db, q)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
