import type { SessionPolicy } from '#src/features/auth/session.service.js';
import type { Db, DialectName } from '#src/lib/db/connect.js';
import type { FileStore } from '#src/lib/storage.js';
import { type Env, usesHttps } from './env.js';

/** What the route handlers need, wired once in app.ts and passed explicitly (no globals, no container). */
export interface Deps {
  db: Db;
  dialect: DialectName;
  env: Env;
  files: FileStore;
  sessionPolicy: SessionPolicy;
  /** origins accepted for state-changing requests besides the request's own host */
  origins: string[];
  cookies: { secure: boolean; session: string; warga: string; anjungan: string };
}

export function cookieSettings(env: Env): Deps['cookies'] {
  const secure = usesHttps(env);
  const name = (n: string) => (secure ? `__Host-${n}` : n);
  return { secure, session: name('balai_sesi'), warga: name('balai_warga'), anjungan: name('balai_anjungan') };
}
