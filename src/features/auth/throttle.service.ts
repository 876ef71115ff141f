import type { Db } from '#src/lib/db/connect.js';
import { addMinutes, nowIso } from '#src/lib/db/time.js';
import * as repo from './auth.repository.js';

/**
 * Login throttling, kept in the database so that it holds across processes and restarts.
 * Per account: 5 failures within 15 minutes block the account's logins for 15 minutes.
 * Per IP address: 20 failures within 15 minutes block logins from that address for 15 minutes.
 */
export interface ThrottleRule {
  limit: number;
  windowMinutes: number;
  blockMinutes: number;
}

export const ACCOUNT_RULE: ThrottleRule = { limit: 5, windowMinutes: 15, blockMinutes: 15 };
export const IP_RULE: ThrottleRule = { limit: 20, windowMinutes: 15, blockMinutes: 15 };

export const accountKey = (username: string) => `akun:${username.toLowerCase()}`;
export const ipKey = (ip: string) => `ip:${ip}`;

/** Seconds until the key may try again (0 = not blocked). */
export async function secondsBlocked(db: Db, kunci: string): Promise<number> {
  const row = await repo.findAttempt(db, kunci);
  if (!row?.blokir_sampai) return 0;
  const left = Date.parse(row.blokir_sampai) - Date.now();
  return left > 0 ? Math.ceil(left / 1000) : 0;
}

export async function recordFailure(db: Db, kunci: string, rule: ThrottleRule): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const now = nowIso();
    const row = await repo.findAttempt(trx, kunci);
    const windowOpen = row && addMinutes(row.mulai, rule.windowMinutes) > now;
    const gagal = windowOpen ? row.gagal + 1 : 1;
    const blocked = gagal >= rule.limit;
    await repo.saveAttempt(trx, {
      kunci,
      gagal: blocked ? 0 : gagal,
      mulai: windowOpen && !blocked ? row.mulai : now,
      blokir_sampai: blocked ? addMinutes(now, rule.blockMinutes) : (row?.blokir_sampai ?? null),
    });
  });
}

export async function clearFailures(db: Db, kunci: string): Promise<void> {
  await repo.deleteAttempt(db, kunci);
}
