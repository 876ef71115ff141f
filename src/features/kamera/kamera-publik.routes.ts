import type { FastifyReply, FastifyRequest } from 'fastify';
import { h, type VNode } from 'preact';
import type { Deps } from '#src/deps.js';
import { usesHttps } from '#src/env.js';
import { kirimHalaman } from '#src/features/situs/situs-kirim.js';
import { notFound } from '#src/lib/errors.js';
import { intParam, query } from '#src/lib/http/request.js';
import { getKameraIn, getKameraPublik, listKameraPublik } from './kamera.service.js';
import { mapCsp, playerCsp } from './kamera-csp.js';
import { KameraListPage, KameraPlayerPage } from './kamera-publik.views.js';
import { createSnapshotCache } from './kamera-snapshot.service.js';
import { resolveLayananSitus } from './layanan-situs.js';

/** Public camera pages under `/situs/{kode}/kamera` (or the desa's own host). Nothing staff-only is shown. */
export function kameraPublikRoutes(d: Deps) {
  const https = usesHttps(d.env);
  const snapshots = createSnapshotCache({ izinkanPrivat: d.env.BALAI_KAMERA_ALAMAT_PRIVAT });
  /** Through the site core's sender (ETag, gzip, a minute of caching) with this page's own CSP. */
  // biome-ignore lint/suspicious/noExplicitAny: any page component's props
  const html = (req: FastifyRequest, reply: FastifyReply, csp: string, page: VNode<any>) => {
    reply.header('content-security-policy', csp);
    return kirimHalaman(req, reply, page);
  };

  return {
    async list(req: FastifyRequest, reply: FastifyReply) {
      const situs = await resolveLayananSitus(d.db, req);
      const kamera = await listKameraPublik(d.db, situs.kode);
      const tile = d.env.BALAI_PETA_TILE;
      return html(
        req,
        reply,
        mapCsp(tile, https),
        h(KameraListPage, { situs, m: req.m, lang: req.lang, kamera, tile }),
      );
    },

    async player(req: FastifyRequest, reply: FastifyReply) {
      const situs = await resolveLayananSitus(d.db, req);
      const kamera = await getKameraPublik(d.db, situs.kode, intParam(req, 'id'));
      const putar = query(req).putar === '1';
      const csp = playerCsp(kamera.jenis, kamera.stream_url, https);
      return html(req, reply, csp, h(KameraPlayerPage, { situs, m: req.m, lang: req.lang, kamera, putar }));
    },

    /** The camera's latest picture, fetched and re-encoded by Balai (at most once per 30 s per camera). */
    async snapshot(req: FastifyRequest, reply: FastifyReply) {
      const situs = await resolveLayananSitus(d.db, req);
      const k = await getKameraIn(d.db, situs.kode, intParam(req, 'id'));
      if (k.aktif !== 1 || !k.snapshot_url) throw notFound();
      const jpeg = await snapshots.get(k.id, k.snapshot_url);
      reply.header('cache-control', 'public, max-age=30');
      if (!jpeg) throw notFound();
      return reply.header('content-type', 'image/jpeg').send(jpeg);
    },
  };
}
