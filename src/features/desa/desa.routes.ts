import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { Deps } from '#src/deps.js';
import { getInstallationKabupaten } from '#src/features/instalasi/instalasi.service.js';
import { findGrant } from '#src/lib/auth/grants.js';
import { type FormState, formStateFromError, parseForm } from '#src/lib/forms/form.js';
import { setFlash } from '#src/lib/http/flash.js';
import { pageCtx, sendPage } from '#src/lib/http/page.js';
import { actorOf, grantsOf, param, redirect } from '#src/lib/http/request.js';
import { DesaProfileSchema } from './desa.schema.js';
import { getDesaProfile, updateDesaProfile } from './desa.service.js';
import { DesaProfilePage } from './desa.views.js';
import { readDesaLogo, saveDesaLogo } from './desa-logo.service.js';

export function desaRoutes(d: Deps) {
  async function render(
    req: FastifyRequest,
    reply: FastifyReply,
    status: number,
    forms: { state?: FormState; logoState?: FormState } = {},
  ) {
    const kode = param(req, 'kode');
    const desa = await getDesaProfile(d.db, kode);
    const grants = grantsOf(req);
    const installation = (await getInstallationKabupaten(d.db))?.nama ?? null;
    return sendPage(
      reply,
      status,
      h(DesaProfilePage, {
        ctx: pageCtx(req, reply, installation),
        desa,
        canEdit: findGrant(grants, 'update:desa', { kode }) !== null,
        canBrowse: findGrant(grants, 'read:wilayah', { kode: desa.kecamatan_kode }) !== null,
        canEditLingkungan: findGrant(grants, 'update:lingkungan', { kode }) !== null,
        canReadPenduduk: findGrant(grants, 'read:penduduk', { kode }) !== null,
        ...forms,
      }),
    );
  }

  return {
    show: (req: FastifyRequest, reply: FastifyReply) => render(req, reply, 200),

    async update(req: FastifyRequest, reply: FastifyReply) {
      const kode = param(req, 'kode');
      const parsed = parseForm(DesaProfileSchema, req.body, req.m);
      if (!parsed.ok) return render(req, reply, 400, { state: parsed.state });
      try {
        await updateDesaProfile(d.db, actorOf(req), kode, parsed.data);
      } catch (error) {
        const failed = formStateFromError(error, req.body, req.m);
        if (!failed || failed.status === 404) throw error;
        return render(req, reply, failed.status, { state: failed.state });
      }
      setFlash(reply, req.m.flash.disimpan);
      return redirect(reply, `/desa/${kode}`);
    },

    async uploadLogo(req: FastifyRequest, reply: FastifyReply) {
      const kode = param(req, 'kode');
      const file = (req.body as { logo?: unknown } | undefined)?.logo;
      try {
        if (!Buffer.isBuffer(file) || file.length === 0) {
          return render(req, reply, 400, { logoState: { values: {}, errors: { logo: req.m.err.logoBukanGambar } } });
        }
        await saveDesaLogo(d.db, d.files, actorOf(req), kode, file);
      } catch (error) {
        const failed = formStateFromError(error, {}, req.m);
        if (!failed || failed.status === 404) throw error;
        return render(req, reply, failed.status, { logoState: failed.state });
      }
      setFlash(reply, req.m.flash.disimpan);
      return redirect(reply, `/desa/${kode}`);
    },

    /** Public: the re-encoded PNG, never the uploaded bytes. */
    async logo(req: FastifyRequest, reply: FastifyReply) {
      const png = await readDesaLogo(d.db, d.files, param(req, 'kode'));
      return reply
        .header('content-type', 'image/png')
        .header('cache-control', 'public, max-age=3600')
        .header('content-disposition', 'inline; filename="logo.png"')
        .send(png);
    },

    async api(req: FastifyRequest, reply: FastifyReply) {
      const desa = await getDesaProfile(d.db, param(req, 'kode'));
      return reply.header('cache-control', 'no-store').send({
        kode: desa.kode,
        nama: desa.nama,
        tingkat: desa.tingkat,
        sebutan: desa.sebutan,
        sebutan_dusun: desa.sebutan_dusun,
        kecamatan: { kode: desa.kecamatan_kode, nama: desa.kecamatan },
        alamat: desa.alamat,
        kode_pos: desa.kode_pos,
        telepon: desa.telepon,
        email: desa.email,
        situs: desa.situs,
        kepala_desa: desa.kepala_desa,
        hosts: desa.hosts,
        logo: desa.logo_berkas ? `/desa/${desa.kode}/logo` : null,
        diaktifkan_pada: desa.diaktifkan_pada,
      });
    },
  };
}
