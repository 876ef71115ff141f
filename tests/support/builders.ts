import { activateDesa } from '#src/features/desa/desa.service.js';
import { editLingkungan } from '#src/features/lingkungan/lingkungan.service.js';
import { createUser } from '#src/features/pengguna/pengguna.service.js';
import { systemActor } from '#src/lib/audit/audit.js';
import type { Role } from '#src/lib/auth/roles.js';
import type { Db } from '#src/lib/db/connect.js';

export const KAB = '33.17';
export const KEC = '33.17.09';
/** Meteseh and Maguan, two desa of Kaliori */
export const DESA_A = '33.17.09.2001';
export const DESA_B = '33.17.09.2002';
export const PASSWORD = 'kopi tubruk di balai desa';

const actor = systemActor('test');

export async function activate(db: Db, kode: string) {
  return activateDesa(db, actor, kode);
}

export async function insertUser(
  db: Db,
  username: string,
  peran: Role,
  lingkup: string,
  options: { lingkungan?: number | null; password?: string; mustChange?: boolean } = {},
): Promise<number> {
  return createUser(
    db,
    actor,
    {
      username,
      nama: `Pengguna ${username}`,
      email: null,
      sandi: options.password ?? PASSWORD,
      harusGantiSandi: options.mustChange ?? false,
      assignment: { peran, lingkup_kode: lingkup, lingkungan_id: options.lingkungan ?? null },
    },
    null,
  );
}

/** dusun → RW → RT in a desa; returns the ids. */
export async function insertTree(db: Db, desaKode: string, dusun = 'Krajan') {
  await editLingkungan(db, actor, desaKode, { intent: 'tambah-dusun', nama: dusun });
  const find = async (tingkat: string, nama: string) =>
    (
      await db
        .selectFrom('lingkungan')
        .select('id')
        .where('desa_kode', '=', desaKode)
        .where('tingkat', '=', tingkat as 'dusun')
        .where('nama', '=', nama)
        .executeTakeFirstOrThrow()
    ).id;
  const dusunId = await find('dusun', dusun);
  await editLingkungan(db, actor, desaKode, { intent: 'tambah-rw', induk_id: dusunId, nama: '001' });
  const rwId = await find('rw', '001');
  await editLingkungan(db, actor, desaKode, { intent: 'tambah-rt', induk_id: rwId, nama: '002' });
  const rtId = await find('rt', '002');
  return { dusunId, rwId, rtId };
}
