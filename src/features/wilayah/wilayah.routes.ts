import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { Deps } from '#src/deps.js';
import { levelOf, parentOf } from '#src/domain/region-code.js';
import { activateDesa } from '#src/features/desa/desa.service.js';
import { getInstallationKabupaten } from '#src/features/instalasi/instalasi.service.js';
import { grantsWith, type Target } from '#src/lib/auth/grants.js';
import { notFound } from '#src/lib/errors.js';
import { setFlash } from '#src/lib/http/flash.js';
import { pageCtx, sendPage } from '#src/lib/http/page.js';
import { actorOf, grantsOf, param, redirect } from '#src/lib/http/request.js';
import { getRegion, getRegionLineage, listProvinces } from './wilayah.service.js';
import { RegionPage } from './wilayah.views.js';

/** Permission target: the region code in the URL. */
export const regionTarget = (req: FastifyRequest): Target => ({ kode: param(req, 'kode') });

const strip = (c: { kode: string; nama: string; tingkat: string; aktif: boolean }) => ({
  kode: c.kode,
  nama: c.nama,
  tingkat: c.tingkat,
  aktif: c.aktif,
});

export function wilayahRoutes(d: Deps) {
  return {
    /** Open data: the provinces. */
    async apiProvinces(_req: FastifyRequest, reply: FastifyReply) {
      const anak = await listProvinces(d.db);
      return reply.header('cache-control', 'public, max-age=300').send({ anak: anak.map(strip) });
    },

    /** Open data: one region and its children. */
    async apiRegion(req: FastifyRequest, reply: FastifyReply) {
      const region = await getRegion(d.db, param(req, 'kode'));
      return reply.header('cache-control', 'public, max-age=300').send({
        kode: region.kode,
        nama: region.nama,
        tingkat: region.tingkat,
        induk: region.induk,
        anak: region.anak.map(strip),
      });
    },

    /** The region browser opens at the user's own scope. */
    async browseRoot(req: FastifyRequest, reply: FastifyReply) {
      const first = grantsWith(grantsOf(req), 'read:wilayah')[0];
      if (!first) throw notFound();
      return redirect(reply, `/wilayah/${first.lingkupKode}`);
    },

    async browse(req: FastifyRequest, reply: FastifyReply) {
      const region = await getRegionLineage(d.db, param(req, 'kode'));
      const installation = (await getInstallationKabupaten(d.db))?.nama ?? null;
      return sendPage(
        reply,
        200,
        h(RegionPage, { ctx: pageCtx(req, reply, installation), region, grants: grantsOf(req) }),
      );
    },

    /** Activate a desa, or every desa of a kecamatan; back to the kecamatan page. */
    async activate(req: FastifyRequest, reply: FastifyReply) {
      const kode = param(req, 'kode');
      const result = await activateDesa(d.db, actorOf(req), kode);
      setFlash(reply, req.m.flash.diaktifkan(result.diaktifkan.length, result.sudahAktif.length));
      return redirect(reply, `/wilayah/${levelOf(kode) === 3 ? parentOf(kode) : kode}`);
    },
  };
}
