import { findUserByUsername } from '#src/features/pengguna/pengguna.repository.js';
import { type Actor, audit } from '#src/lib/audit/audit.js';
import { type AuthState, toAuthUser, toGrants } from '#src/lib/auth/auth-state.js';
import { hashSecret, newSecret } from '#src/lib/auth/tokens.js';
import type { Db } from '#src/lib/db/connect.js';
import { addDays, nowIso } from '#src/lib/db/time.js';
import { notFound } from '#src/lib/errors.js';
import * as repo from './auth.repository.js';

/** Create an API token for a machine client; the raw token is returned once and only its hash is kept. */
export async function createApiToken(db: Db, actor: Actor, username: string, days: number | null): Promise<string> {
  const user = await findUserByUsername(db, username.toLowerCase());
  if (!user) throw notFound('penggunaTidakDitemukan');
  const token = newSecret('balai_');
  const now = nowIso();
  await db.transaction().execute(async (trx) => {
    const { id } = await repo.insertToken(trx, {
      pengguna_id: user.id,
      token_hash: hashSecret(token),
      dibuat_pada: now,
      kedaluwarsa_pada: days === null ? null : addDays(now, days),
    });
    await audit.record(trx, actor, {
      aksi: 'buat-token',
      entitas: 'token_api',
      entitasId: id,
      perubahan: { pengguna: [null, user.username], berlaku_hari: [null, days] },
    });
  });
  return token;
}

/** The user behind a Bearer token, with the user's roles; null if unknown, revoked, expired or disabled. */
export async function authenticateToken(db: Db, token: string): Promise<AuthState | null> {
  const now = nowIso();
  const row = await repo.findLiveToken(db, hashSecret(token), now);
  if (row?.aktif !== 1) return null;
  if (!row.terakhir_dipakai || Date.parse(now) - Date.parse(row.terakhir_dipakai) > 60_000) {
    await repo.markTokenUsed(db, row.token_id, now);
  }
  const grants = toGrants(await repo.loadGrantRows(db, row.id));
  // a token acts with the user's scope; a pending password change does not block machine clients
  return { user: { ...toAuthUser(row), harusGantiSandi: false }, grants, via: 'token' };
}
