import * as users from '#src/features/pengguna/pengguna.repository.js';
import { assertPasswordPolicy } from '#src/features/pengguna/pengguna.service.js';
import { type Actor, audit } from '#src/lib/audit/audit.js';
import { hashPassword, verifyAgainstDummy, verifyPassword } from '#src/lib/auth/password.js';
import type { Db } from '#src/lib/db/connect.js';
import { nowIso } from '#src/lib/db/time.js';
import { HttpError, tooManyRequests } from '#src/lib/errors.js';
import { endAllSessions } from './session.service.js';
import {
  ACCOUNT_RULE,
  accountKey,
  clearFailures,
  IP_RULE,
  ipKey,
  recordFailure,
  secondsBlocked,
} from './throttle.service.js';

export interface LoginAttempt {
  username: string;
  password: string;
  ip: string;
}

const loginFailed = () => new HttpError(401, 'loginGagal');

/**
 * Check a username and password, throttled per account and per IP address. Failures say the same thing
 * whether the account exists or not, and take the same time.
 */
export async function verifyLogin(db: Db, attempt: LoginAttempt): Promise<{ id: number; username: string }> {
  const username = attempt.username.trim().toLowerCase();
  const keys = [accountKey(username), ipKey(attempt.ip)] as const;
  const wait = Math.max(await secondsBlocked(db, keys[0]), await secondsBlocked(db, keys[1]));
  if (wait > 0) throw tooManyRequests(wait);

  const user = username ? await users.findUserByUsername(db, username) : undefined;
  const ok = user
    ? await verifyPassword(user.sandi_hash, attempt.password)
    : await verifyAgainstDummy(attempt.password);
  if (!user || !ok) {
    await recordFailure(db, keys[0], ACCOUNT_RULE);
    await recordFailure(db, keys[1], IP_RULE);
    throw loginFailed();
  }
  if (user.aktif !== 1) throw new HttpError(403, 'akunNonaktif');
  await clearFailures(db, keys[0]);
  return { id: user.id, username: user.username };
}

export async function recordLogin(db: Db, actor: Actor): Promise<void> {
  await audit.record(db, actor, { aksi: 'masuk', entitas: 'sesi', entitasId: actor.penggunaId });
}

/** Change one's own password: the old one must be right; every other session of the user ends. */
export async function changeOwnPassword(
  db: Db,
  actor: Actor & { penggunaId: number },
  input: { lama: string; baru: string },
  currentSessionHash?: string,
): Promise<void> {
  const stored = await users.findPasswordHash(db, actor.penggunaId);
  if (!stored || !(await verifyPassword(stored.sandi_hash, input.lama))) {
    throw new HttpError(400, 'invalid', {}, { sandi_lama: 'sandiLamaSalah' });
  }
  if (input.lama === input.baru) throw new HttpError(400, 'invalid', {}, { sandi: 'sandiSamaDenganLama' });
  assertPasswordPolicy(input.baru, actor.username);
  const sandiHash = await hashPassword(input.baru);
  await db.transaction().execute(async (trx) => {
    await users.updateUser(trx, actor.penggunaId, {
      sandi_hash: sandiHash,
      harus_ganti_sandi: 0,
      sandi_diubah_pada: nowIso(),
    });
    await endAllSessions(trx, actor.penggunaId, currentSessionHash);
    await audit.record(trx, actor, { aksi: 'ganti-sandi', entitas: 'pengguna', entitasId: actor.penggunaId });
  });
}
