import type { Env } from '#src/env.js';
import type { Db } from '#src/lib/db/connect.js';

export type KontenEnv = Pick<Env, 'BALAI_IFRAME_HOSTS' | 'BALAI_PUBLIC_URL'>;

/**
 * The domains a desa's own content may link to freely: the desa's host names, the installation's public address
 * and the allowlisted player hosts. Links elsewhere are "unknown" to the injected-content guard.
 */
export async function domainDikenal(db: Db, env: KontenEnv, desaKode: string): Promise<string[]> {
  const rows = await db.selectFrom('desa_host').select('host').where('desa_kode', '=', desaKode).execute();
  const own = env.BALAI_PUBLIC_URL ? [new URL(env.BALAI_PUBLIC_URL).hostname] : [];
  return [...new Set([...rows.map((r) => r.host), ...own, ...env.BALAI_IFRAME_HOSTS])];
}
