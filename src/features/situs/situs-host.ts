import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { Db } from '#src/lib/db/connect.js';

/**
 * Desa sites on their own host names: `mojowarno.example/artikel/x` is answered as `/situs/{kode}/artikel/x`.
 * Fastify's `rewriteUrl` is synchronous, so the host → desa map lives in memory: loaded at start, reloaded
 * after a desa profile is saved (the form that edits host names) and every minute (other processes' edits).
 * Hosts not in the map — the installation's own host above all — are never rewritten, so the office (/desa/…,
 * /masuk, …) stays on the main host; on a desa host every path but assets and letter verification lands
 * under /situs/{kode}, where anything that is not a public-site page is a 404.
 */
const SITUS_HOST = Symbol('situsHost');

/** Paths that mean the same on every host: static files, letter verification, the health check. */
const SHARED = ['/aset/', '/v/', '/healthz'];

type Marked = IncomingMessage & { [SITUS_HOST]?: string };

export interface SitusHosts {
  /** host (lowercase, no port) → desa code */
  map: Map<string, string>;
  /** the `rewriteUrl` option of Fastify */
  rewrite: (raw: IncomingMessage) => string;
  reload: (db: Db) => Promise<void>;
}

/** The host name of a request, lowercase, without port (X-Forwarded-Host first behind a trusted proxy). */
export function hostOf(raw: IncomingMessage, trustProxy: boolean): string {
  const forwarded = trustProxy ? raw.headers['x-forwarded-host'] : undefined;
  const value = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0] ?? raw.headers.host ?? '';
  return value.trim().toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
}

/** The desa code whose own host name this request came through (set by the rewrite), else undefined. */
export function situsHostKode(raw: IncomingMessage): string | undefined {
  return (raw as Marked)[SITUS_HOST];
}

/** `ownHost`: the installation's host (from BALAI_PUBLIC_URL), never taken by a desa. */
export function createSitusHosts(options: { trustProxy: boolean; ownHost: string | null }): SitusHosts {
  const map = new Map<string, string>();
  return {
    map,
    rewrite(raw) {
      const url = raw.url ?? '/';
      if (map.size === 0) return url;
      const kode = map.get(hostOf(raw, options.trustProxy));
      if (kode === undefined || SHARED.some((p) => url.startsWith(p))) return url;
      (raw as Marked)[SITUS_HOST] = kode;
      return url === '/'
        ? `/situs/${kode}`
        : url.startsWith('/?')
          ? `/situs/${kode}${url.slice(1)}`
          : `/situs/${kode}${url}`;
    },
    async reload(db) {
      const rows = await db.selectFrom('desa_host').select(['host', 'desa_kode']).execute();
      map.clear();
      for (const r of rows) if (r.host !== options.ownHost) map.set(r.host, r.desa_kode);
    },
  };
}

const SETIAP_MENIT = 60_000;

/**
 * Load the map, keep it fresh (after each saved desa profile in this process, and every minute) and stop the
 * timer when the app closes. Called from app.ts after the routes are registered.
 */
export async function installSitusHosts(app: FastifyInstance, hosts: SitusHosts, db: Db): Promise<void> {
  const reload = () => hosts.reload(db).catch((error) => app.log.error({ err: error }, 'desa_host gagal dimuat'));
  // a database that does not answer yet must not stop the app from starting (health says 503 meanwhile);
  // the host names load on the next minute's retry
  await reload();
  const timer = setInterval(reload, SETIAP_MENIT);
  timer.unref();
  // before the answer leaves: the editor's next request already sees the new host names
  app.addHook('onSend', async (req, reply, payload) => {
    if (req.method === 'POST' && req.routeOptions.url === '/desa/:kode' && reply.statusCode < 400) await reload();
    return payload;
  });
  app.addHook('onClose', async () => clearInterval(timer));
}
