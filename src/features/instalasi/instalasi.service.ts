import { tingkatOf } from '#src/domain/region-code.js';
import {
  assertPasswordPolicy,
  countUsers,
  createUser,
  validateAssignment,
} from '#src/features/pengguna/pengguna.service.js';
import { findRegion } from '#src/features/wilayah/wilayah.repository.js';
import { systemActor } from '#src/lib/audit/audit.js';
import { hashSecret, newSecret } from '#src/lib/auth/tokens.js';
import type { Db } from '#src/lib/db/connect.js';
import { addMinutes, nowIso } from '#src/lib/db/time.js';
import { HttpError, notFound } from '#src/lib/errors.js';
import * as repo from './instalasi.repository.js';
import type { SetupInput } from './instalasi.schema.js';

const KABUPATEN = 'kabupaten_kode';
const SETUP_LINK_MINUTES = 24 * 60;

/** The kabupaten/kota this installation serves (set at setup or by the demo), if any. */
export async function getInstallationKabupaten(db: Db): Promise<{ kode: string; nama: string } | null> {
  return (await repo.findSettingRegion(db, KABUPATEN)) ?? null;
}

export async function setInstallationKabupaten(db: Db, kode: string): Promise<void> {
  const tingkat = tingkatOf(kode);
  if (!(await findRegion(db, kode)) || (tingkat !== 'kabupaten' && tingkat !== 'kota')) {
    throw new HttpError(400, 'invalid', {}, { kabupaten: 'bukanKabupaten' });
  }
  await repo.setSetting(db, KABUPATEN, kode);
}

/**
 * On an empty installation (no account at all), a one-time setup link: valid 24 hours, replaced at every
 * start. Returns the raw token to print on the console, or null when accounts already exist.
 */
export async function createSetupLink(db: Db): Promise<string | null> {
  if ((await countUsers(db)) > 0) return null;
  const token = newSecret();
  const now = nowIso();
  await repo.replaceSetupToken(db, hashSecret(token), now, addMinutes(now, SETUP_LINK_MINUTES));
  return token;
}

export async function isSetupLinkValid(db: Db, token: string): Promise<boolean> {
  if ((await countUsers(db)) > 0) return false;
  return (await repo.findSetupToken(db, hashSecret(token), nowIso())) !== undefined;
}

/** Create the first kabupaten admin through the setup link; the link works once. */
export async function completeSetup(db: Db, token: string, input: SetupInput): Promise<number> {
  if (!(await isSetupLinkValid(db, token))) throw notFound('setupTidakValid');
  const tingkat = tingkatOf(input.kabupaten);
  if (tingkat !== 'kabupaten' && tingkat !== 'kota')
    throw new HttpError(400, 'invalid', {}, { kabupaten: 'bukanKabupaten' });
  const assignment = { peran: 'admin-kabupaten' as const, lingkup_kode: input.kabupaten, lingkungan_id: null };
  await validateAssignment(db, assignment).catch((error: unknown) => {
    throw error instanceof HttpError ? new HttpError(400, 'invalid', {}, { kabupaten: 'bukanKabupaten' }) : error;
  });
  assertPasswordPolicy(input.sandi, input.username);
  // consume the link first: of two simultaneous submissions only one gets past this point
  const consumed = await db.deleteFrom('tautan_setup').where('token_hash', '=', hashSecret(token)).executeTakeFirst();
  if (Number(consumed.numDeletedRows) !== 1) throw notFound('setupTidakValid');
  const id = await createUser(
    db,
    systemActor('setup'),
    { username: input.username, nama: input.nama, email: null, sandi: input.sandi, harusGantiSandi: false, assignment },
    null,
  );
  await repo.setSetting(db, KABUPATEN, input.kabupaten);
  return id;
}
