import { activateDesa } from '#src/features/desa/desa.service.js';
import { createFamilyWithHead } from '#src/features/keluarga/keluarga.service.js';
import { editLingkungan } from '#src/features/lingkungan/lingkungan.service.js';
import { ensureLingkungan } from '#src/features/lingkungan/lingkungan-ensure.js';
import { type PendudukInput, pendudukFields } from '#src/features/penduduk/penduduk.schema.js';
import { insertPerson } from '#src/features/penduduk/penduduk.service.js';
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
  const find = async (tingkat: string, nama: string, indukId: number | null) => {
    let q = db
      .selectFrom('lingkungan')
      .select('id')
      .where('desa_kode', '=', desaKode)
      .where('tingkat', '=', tingkat as 'dusun')
      .where('nama', '=', nama);
    q = indukId === null ? q.where('induk_id', 'is', null) : q.where('induk_id', '=', indukId);
    return (await q.executeTakeFirstOrThrow()).id;
  };
  const dusunId = await find('dusun', dusun, null);
  await editLingkungan(db, actor, desaKode, { intent: 'tambah-rw', induk_id: dusunId, nama: '001' });
  const rwId = await find('rw', '001', dusunId);
  await editLingkungan(db, actor, desaKode, { intent: 'tambah-rt', induk_id: rwId, nama: '002' });
  const rtId = await find('rt', '002', rwId);
  return { dusunId, rwId, rtId };
}

// ——— resident registry ———

let serial = 1;
/** A valid NIK for a birth date and sex, with a Kaliori prefix and a fresh serial. */
export function makeNik(tanggallahir: string, sex: 1 | 2, prefix = '331709'): string {
  const [y, m, d] = tanggallahir.split('-');
  const day = Number(d) + (sex === 2 ? 40 : 0);
  return `${prefix}${String(day).padStart(2, '0')}${m}${y?.slice(2)}${String(serial++).padStart(4, '0')}`;
}

export function person<T extends Partial<PendudukInput> & { nama: string }>(overrides: T): PendudukInput & T {
  const base = Object.fromEntries(Object.keys(pendudukFields).map((k) => [k, null])) as unknown as PendudukInput;
  return { ...base, warganegara_id: 1, status: 1, ...overrides };
}

/** A family in a desa: a head and (optionally) members, placed in the desa's first RT (created if needed). */
export async function insertFamily(
  db: Db,
  desaKode: string,
  head: { nama: string; tanggallahir: string; sex: 1 | 2; nik?: string | null },
  members: {
    nama: string;
    tanggallahir: string;
    sex: 1 | 2;
    kkLevel: number;
    nik?: string | null;
    status?: number;
  }[] = [],
) {
  const lingkunganId = await db
    .transaction()
    .execute((trx) => ensureLingkungan(trx, actor, desaKode, { dusun: 'Krajan', rw: '1', rt: '1' }));
  const made = await db.transaction().execute((trx) =>
    createFamilyWithHead(
      trx,
      actor,
      desaKode,
      { noKk: null, alamat: 'Jl. Kaliori', kelasSosial: null, lingkunganId },
      {
        lingkunganId,
        person: person({
          nama: head.nama,
          tanggallahir: head.tanggallahir,
          sex: head.sex,
          nik: head.nik === undefined ? makeNik(head.tanggallahir, head.sex) : head.nik,
          status_kawin: 2,
        }),
      },
    ),
  );
  const memberIds: number[] = [];
  for (const m of members) {
    const created = await db.transaction().execute((trx) =>
      insertPerson(trx, actor, {
        desaKode,
        lingkunganId,
        person: person({
          nama: m.nama,
          tanggallahir: m.tanggallahir,
          sex: m.sex,
          nik: m.nik === undefined ? makeNik(m.tanggallahir, m.sex) : m.nik,
          status: m.status ?? 1,
        }),
        keluarga: { id: made.keluargaId, kkLevel: m.kkLevel },
      }),
    );
    memberIds.push(created.id);
  }
  return { keluargaId: made.keluargaId, kepalaId: made.kepalaId, memberIds, lingkunganId };
}
