import type { Role } from '#src/lib/auth/roles.js';
import type { Db } from '#src/lib/db/connect.js';
import type { PenggunaTable } from './pengguna.table.js';

const USER_COLUMNS = [
  'id',
  'username',
  'nama',
  'email',
  'lingkup_kode',
  'harus_ganti_sandi',
  'aktif',
  'dibuat_pada',
  'sandi_diubah_pada',
] as const;

export function findUserByUsername(db: Db, username: string) {
  return db.selectFrom('pengguna').selectAll().where('username', '=', username).executeTakeFirst();
}

export function findUserById(db: Db, id: number) {
  return db.selectFrom('pengguna').select(USER_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export function findPasswordHash(db: Db, id: number) {
  return db.selectFrom('pengguna').select('sandi_hash').where('id', '=', id).executeTakeFirst();
}

export async function insertUser(db: Db, row: Omit<PenggunaTable, 'id'>): Promise<number> {
  const r = await db.insertInto('pengguna').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateUser(db: Db, id: number, changes: Partial<Omit<PenggunaTable, 'id'>>): Promise<void> {
  await db.updateTable('pengguna').set(changes).where('id', '=', id).execute();
}

export function countUsers(db: Db): Promise<number> {
  return db
    .selectFrom('pengguna')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));
}

/** Users whose home region lies inside any of the given regions. */
export function listUsersUnder(db: Db, regions: readonly string[]) {
  return db
    .selectFrom('pengguna')
    .select(USER_COLUMNS)
    .where((eb) =>
      eb.or(
        regions.map((r) =>
          eb.or([
            eb('lingkup_kode', '=', r),
            eb.and([eb('lingkup_kode', '>', `${r}.`), eb('lingkup_kode', '<', `${r}/`)]),
          ]),
        ),
      ),
    )
    .orderBy('username')
    .execute();
}

export interface GrantRow {
  id: number;
  pengguna_id: number;
  peran: Role;
  lingkup_kode: string;
  lingkungan_id: number | null;
}

export function listGrantRows(db: Db, userIds: readonly number[]): Promise<GrantRow[]> {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('peran_pengguna')
    .select(['id', 'pengguna_id', 'peran', 'lingkup_kode', 'lingkungan_id'])
    .where('pengguna_id', 'in', userIds)
    .orderBy('id')
    .execute();
}

export async function insertGrant(db: Db, row: Omit<GrantRow, 'id'> & { dibuat_pada: string }): Promise<number> {
  const r = await db.insertInto('peran_pengguna').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function deleteGrant(db: Db, id: number): Promise<void> {
  await db.deleteFrom('peran_pengguna').where('id', '=', id).execute();
}

export function countGrantsUnder(db: Db, region: string) {
  return db
    .selectFrom('peran_pengguna')
    .select((eb) => eb.fn.count<number>('pengguna_id').distinct().as('n'))
    .where((eb) =>
      eb.or([
        eb('lingkup_kode', '=', region),
        eb.and([eb('lingkup_kode', '>', `${region}.`), eb('lingkup_kode', '<', `${region}/`)]),
      ]),
    )
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));
}
