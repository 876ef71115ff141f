import { type AuthState, toAuthUser, toGrants } from '#src/lib/auth/auth-state.js';
import { hashSecret, newSecret } from '#src/lib/auth/tokens.js';
import type { Db } from '#src/lib/db/connect.js';
import { addDays, addMinutes, earlier, nowIso } from '#src/lib/db/time.js';
import * as repo from './auth.repository.js';

export interface SessionPolicy {
  idleMinutes: number;
  maxDays: number;
}

/** Refresh the sliding expiry at most this often, so that most requests do not write. */
const TOUCH_AFTER_MINUTES = 5;

/**
 * Start a new session (always a new id: login rotates the session). The raw id goes into the cookie;
 * the database keeps only its hash.
 */
export async function startSession(
  db: Db,
  userId: number,
  client: { ip: string | null; agen: string | null },
  policy: SessionPolicy,
): Promise<{ token: string; csrf: string; expires: string }> {
  const token = newSecret();
  const csrf = newSecret();
  const now = nowIso();
  const expires = addMinutes(now, policy.idleMinutes);
  await repo.insertSession(db, {
    id_hash: hashSecret(token),
    pengguna_id: userId,
    csrf,
    dibuat_pada: now,
    terakhir_aktif: now,
    kedaluwarsa_pada: expires,
    ip: client.ip,
    agen: client.agen?.slice(0, 200) ?? null,
  });
  return { token, csrf, expires };
}

/** The live session behind a cookie value, with the user and roles; null if unknown, expired or disabled. */
export async function resumeSession(db: Db, token: string, policy: SessionPolicy): Promise<AuthState | null> {
  const idHash = hashSecret(token);
  const now = nowIso();
  const row = await repo.findLiveSession(db, idHash, now);
  if (row?.aktif !== 1) return null;
  if (Date.parse(now) - Date.parse(row.terakhir_aktif) > TOUCH_AFTER_MINUTES * 60_000) {
    const cap = addDays(row.dibuat_pada, policy.maxDays);
    const idle = addMinutes(now, policy.idleMinutes);
    await repo.touchSession(db, idHash, now, earlier(idle, cap));
  }
  const grants = toGrants(await repo.loadGrantRows(db, row.id));
  return { user: toAuthUser(row), grants, via: 'session', session: { idHash, csrf: row.csrf } };
}

export async function endSession(db: Db, idHash: string): Promise<void> {
  await repo.deleteSession(db, idHash);
}

/** "Log out everywhere": every session of the user (optionally keeping the current one). */
export function endAllSessions(db: Db, userId: number, exceptIdHash?: string): Promise<number> {
  return repo.deleteSessionsOf(db, userId, exceptIdHash);
}

export async function purgeExpiredSessions(db: Db): Promise<void> {
  await repo.deleteExpiredSessions(db, nowIso());
}
