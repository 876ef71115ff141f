import { checkPassword } from '#src/domain/password-policy.js';
import { levelOf, tingkatOf } from '#src/domain/region-code.js';
import { endAllSessions } from '#src/features/auth/session.service.js';
import { findDesa } from '#src/features/desa/desa.repository.js';
import { findLingkungan } from '#src/features/lingkungan/lingkungan.repository.js';
import { findRegion } from '#src/features/wilayah/wilayah.repository.js';
import { type Actor, audit } from '#src/lib/audit/audit.js';
import { type Grant, grantCovers } from '#src/lib/auth/grants.js';
import { hashPassword } from '#src/lib/auth/password.js';
import { ROLE_SCOPE, type Role } from '#src/lib/auth/roles.js';
import type { Db } from '#src/lib/db/connect.js';
import { isUniqueViolation } from '#src/lib/db/errors.js';
import { nowIso } from '#src/lib/db/time.js';
import { conflict, forbidden, HttpError, notFound } from '#src/lib/errors.js';
import * as repo from './pengguna.repository.js';
import type { UserAction } from './pengguna.schema.js';

export interface Assignment {
  peran: Role;
  lingkup_kode: string;
  lingkungan_id: number | null;
}

const fieldError = (field: string, key: string, status = 400) => new HttpError(status, 'invalid', {}, { [field]: key });

/** A role fits its scope: kabupaten roles on a kabupaten/kota, desa roles on an active desa, and so on. */
export async function validateAssignment(db: Db, a: Assignment): Promise<void> {
  const level = ROLE_SCOPE[a.peran];
  const region = await findRegion(db, a.lingkup_kode);
  if (!region) throw fieldError('lingkup_kode', 'wilayahTidakDitemukan');
  const tingkat = tingkatOf(a.lingkup_kode);
  const fits =
    (level === 'kabupaten' && (tingkat === 'kabupaten' || tingkat === 'kota')) ||
    (level === 'kecamatan' && tingkat === 'kecamatan') ||
    ((level === 'desa' || level === 'lingkungan') && levelOf(a.lingkup_kode) === 3);
  if (!fits) throw fieldError('lingkup_kode', 'lingkupTidakSesuaiPeran');
  if (levelOf(a.lingkup_kode) === 3 && !(await findDesa(db, a.lingkup_kode))) {
    throw fieldError('lingkup_kode', 'desaBelumAktifSingkat');
  }
  if (level === 'lingkungan') {
    const unit = a.lingkungan_id === null ? undefined : await findLingkungan(db, a.lingkungan_id);
    if (!unit || unit.desa_kode !== a.lingkup_kode) throw fieldError('lingkungan_id', 'lingkunganTidakDitemukan');
  } else if (a.lingkungan_id !== null) {
    throw fieldError('lingkungan_id', 'lingkunganHanyaUntukOperatorWilayah');
  }
}

/** The acting admin may hand out this assignment: it lies inside one of their user-management scopes. */
function assertCanAssign(managerGrants: readonly Grant[], a: Assignment): void {
  if (!managerGrants.some((g) => grantCovers(g, { kode: a.lingkup_kode }))) {
    throw fieldError('lingkup_kode', 'lingkupDiLuarWewenang', 403);
  }
}

export function assertPasswordPolicy(password: string, username: string, field = 'sandi'): void {
  const problem = checkPassword(password, { username });
  if (problem) throw fieldError(field, problem === 'sandiTerlaluPendek' ? 'sandiTerlaluPendek|10' : problem);
}

export interface NewUser {
  username: string;
  nama: string;
  email: string | null;
  sandi: string;
  harusGantiSandi: boolean;
  assignment: Assignment;
}

/** Create an account with its first role. `managerGrants` null = the system (setup, CLI). */
export async function createUser(
  db: Db,
  actor: Actor,
  input: NewUser,
  managerGrants: readonly Grant[] | null,
): Promise<number> {
  if (managerGrants) assertCanAssign(managerGrants, input.assignment);
  await validateAssignment(db, input.assignment);
  assertPasswordPolicy(input.sandi, input.username);
  if (await repo.findUserByUsername(db, input.username)) throw fieldError('username', 'usernameSudahDipakai', 409);
  const sandiHash = await hashPassword(input.sandi);
  try {
    return await db.transaction().execute(async (trx) => {
      const now = nowIso();
      const id = await repo.insertUser(trx, {
        username: input.username,
        nama: input.nama,
        email: input.email,
        lingkup_kode: input.assignment.lingkup_kode,
        sandi_hash: sandiHash,
        harus_ganti_sandi: input.harusGantiSandi ? 1 : 0,
        aktif: 1,
        dibuat_pada: now,
        sandi_diubah_pada: now,
      });
      await repo.insertGrant(trx, { pengguna_id: id, ...input.assignment, dibuat_pada: now });
      await audit.record(trx, actor, {
        aksi: 'buat',
        entitas: 'pengguna',
        entitasId: id,
        desaKode: levelOf(input.assignment.lingkup_kode) === 3 ? input.assignment.lingkup_kode : null,
        perubahan: {
          username: [null, input.username],
          nama: [null, input.nama],
          peran: [null, input.assignment.peran],
          lingkup_kode: [null, input.assignment.lingkup_kode],
          lingkungan_id: [null, input.assignment.lingkungan_id],
        },
      });
      return id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw fieldError('username', 'usernameSudahDipakai', 409);
    throw error;
  }
}

export async function getUserWithGrants(db: Db, id: number) {
  const user = await repo.findUserById(db, id);
  if (!user) throw notFound('penggunaTidakDitemukan');
  const grants = await repo.listGrantRows(db, [id]);
  return { ...user, grants };
}
export type UserWithGrants = Awaited<ReturnType<typeof getUserWithGrants>>;

/** Accounts whose home region lies inside the manager's scopes, each with its roles. */
export async function listUsers(db: Db, scopes: readonly string[]): Promise<UserWithGrants[]> {
  if (scopes.length === 0) return [];
  const users = await repo.listUsersUnder(db, scopes);
  const grants = await repo.listGrantRows(
    db,
    users.map((u) => u.id),
  );
  return users.map((u) => ({ ...u, grants: grants.filter((g) => g.pengguna_id === u.id) }));
}

/** Account-wide actions need every role of the account inside the manager's scope. */
function assertManagesWholeAccount(managerGrants: readonly Grant[], user: UserWithGrants): void {
  const covered = (kode: string) => managerGrants.some((g) => grantCovers(g, { kode }));
  if (!covered(user.lingkup_kode) || !user.grants.every((g) => covered(g.lingkup_kode))) {
    throw forbidden('penggunaDiLuarWewenang');
  }
}

const desaOf = (kode: string) => (levelOf(kode) === 3 ? kode : null);

/** One action of the user page: add/remove a role, reset the password, (de)activate, end sessions. */
export async function applyUserAction(
  db: Db,
  actor: Actor,
  managerGrants: readonly Grant[],
  userId: number,
  action: UserAction,
): Promise<void> {
  const user = await getUserWithGrants(db, userId);
  const self = actor.penggunaId === userId;
  const record = (trx: Db, aksi: string, perubahan: Record<string, [unknown, unknown]>, desaKode: string | null) =>
    audit.record(trx, actor, { aksi, entitas: 'pengguna', entitasId: userId, desaKode, perubahan });

  switch (action.intent) {
    case 'tambah-peran': {
      const a: Assignment = {
        peran: action.peran,
        lingkup_kode: action.lingkup_kode,
        lingkungan_id: action.lingkungan_id,
      };
      assertCanAssign(managerGrants, a);
      await validateAssignment(db, a);
      const exists = user.grants.some(
        (g) => g.peran === a.peran && g.lingkup_kode === a.lingkup_kode && g.lingkungan_id === a.lingkungan_id,
      );
      if (exists) throw fieldError('peran', 'peranSudahAda', 409);
      await db.transaction().execute(async (trx) => {
        await repo.insertGrant(trx, { pengguna_id: userId, ...a, dibuat_pada: nowIso() });
        await record(
          trx,
          'tambah-peran',
          { peran: [null, `${a.peran}@${a.lingkup_kode}${a.lingkungan_id ? `#${a.lingkungan_id}` : ''}`] },
          desaOf(a.lingkup_kode),
        );
      });
      return;
    }
    case 'hapus-peran': {
      const grant = user.grants.find((g) => g.id === action.peran_id);
      if (!grant) throw notFound('peranTidakDitemukan');
      if (!managerGrants.some((g) => grantCovers(g, { kode: grant.lingkup_kode })))
        throw forbidden('lingkupDiLuarWewenang');
      if (self) throw conflict('tidakBisaUbahDiriSendiri');
      await db.transaction().execute(async (trx) => {
        await repo.deleteGrant(trx, grant.id);
        await record(
          trx,
          'hapus-peran',
          { peran: [`${grant.peran}@${grant.lingkup_kode}`, null] },
          desaOf(grant.lingkup_kode),
        );
      });
      return;
    }
    case 'atur-ulang-sandi': {
      assertManagesWholeAccount(managerGrants, user);
      if (self) throw conflict('gunakanHalamanGantiSandi');
      assertPasswordPolicy(action.sandi, user.username);
      const sandiHash = await hashPassword(action.sandi);
      await db.transaction().execute(async (trx) => {
        await repo.updateUser(trx, userId, {
          sandi_hash: sandiHash,
          harus_ganti_sandi: 1,
          sandi_diubah_pada: nowIso(),
        });
        await endAllSessions(trx, userId);
        await record(
          trx,
          'atur-ulang-sandi',
          { harus_ganti_sandi: [user.harus_ganti_sandi, 1] },
          desaOf(user.lingkup_kode),
        );
      });
      return;
    }
    case 'nonaktifkan':
    case 'aktifkan': {
      assertManagesWholeAccount(managerGrants, user);
      if (self) throw conflict('tidakBisaUbahDiriSendiri');
      const aktif = action.intent === 'aktifkan' ? 1 : 0;
      if (user.aktif === aktif) return;
      await db.transaction().execute(async (trx) => {
        await repo.updateUser(trx, userId, { aktif });
        if (!aktif) await endAllSessions(trx, userId);
        await record(trx, action.intent, { aktif: [user.aktif, aktif] }, desaOf(user.lingkup_kode));
      });
      return;
    }
    case 'akhiri-sesi': {
      assertManagesWholeAccount(managerGrants, user);
      await db.transaction().execute(async (trx) => {
        const ended = await endAllSessions(trx, userId);
        await record(trx, 'akhiri-sesi', { sesi: [ended, 0] }, desaOf(user.lingkup_kode));
      });
      return;
    }
  }
}

export const countUsers = repo.countUsers;
export const countGrantsUnder = repo.countGrantsUnder;
