import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { Deps } from '#src/deps.js';
import { WargaLayout } from '#src/features/mandiri/warga-layout.js';
import { sendPage } from '#src/lib/http/page.js';
import type { RouteDef } from '#src/lib/http/route.js';
import { PUBLIC_DIR } from '#src/lib/paths.js';
import type { PageCtx } from '#src/lib/views/page-context.js';

/**
 * The installable app of layanan mandiri: the service worker at /sw.js (its path allows the /layanan-mandiri
 * scope; never cached by the browser so an update reaches every phone) and the offline page it keeps. The
 * manifest and icons are plain files of /public (/aset/manifest.webmanifest).
 */
export function pwaRouteDefs(_d: Deps): RouteDef[] {
  const sw = readFileSync(join(PUBLIC_DIR, 'sw.js'));

  async function serviceWorker(_req: FastifyRequest, reply: FastifyReply) {
    return reply.header('content-type', 'text/javascript; charset=utf-8').header('cache-control', 'no-cache').send(sw);
  }

  /** The same for everyone: no resident data, no session token, safe to keep in the worker's cache. */
  async function luring(req: FastifyRequest, reply: FastifyReply) {
    const ctx: PageCtx = {
      m: req.m,
      lang: req.lang,
      user: null,
      csrf: null,
      flash: null,
      nav: [],
      path: '/layanan-mandiri/luring',
      installation: null,
    };
    const t = req.m.notifikasi.pwa;
    reply.header('cache-control', 'no-cache');
    return sendPage(
      reply,
      200,
      h(WargaLayout, { ctx, title: t.offlineJudul, signedIn: false, children: h('p', null, t.offlineTeks) }),
    );
  }

  return [
    { method: 'GET', url: '/sw.js', access: 'public', handler: serviceWorker },
    { method: 'GET', url: '/layanan-mandiri/luring', access: 'public', handler: luring },
  ];
}
