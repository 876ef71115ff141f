import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { Deps } from '#src/deps.js';
import { getDesaProfile } from '#src/features/desa/desa.service.js';
import { getInstallationKabupaten } from '#src/features/instalasi/instalasi.service.js';
import { type FormState, formStateFromError, parseForm } from '#src/lib/forms/form.js';
import { setFlash } from '#src/lib/http/flash.js';
import { pageCtx, sendPage } from '#src/lib/http/page.js';
import { actorOf, param, query, redirect } from '#src/lib/http/request.js';
import { desaUnits, may } from './keluarga.routes.js';
import { CariSchema, KeluargaListQuerySchema, NewKkSchema } from './keluarga.schema.js';
import { listLivingMembers } from './keluarga.service.js';
import { KeluargaListPage } from './keluarga.views.js';
import { KeluargaBaruPage } from './keluarga-baru.views.js';
import { newKkForResident } from './keluarga-ops.service.js';
import { findCandidates, searchFamilies } from './keluarga-view.service.js';

/** The desa's family list and the new-KK page (/desa/:kode/keluarga…). */
export function keluargaDesaRoutes(d: Deps) {
  const installation = async () => (await getInstallationKabupaten(d.db))?.nama ?? null;

  async function renderNew(
    req: FastifyRequest,
    reply: FastifyReply,
    status: number,
    state?: FormState,
    chosenId?: number,
  ) {
    const kode = param(req, 'kode');
    const desa = await getDesaProfile(d.db, kode);
    const { cari, penduduk } = CariSchema.parse(query(req));
    const pick = chosenId ?? penduduk;
    const chosen = pick ? ((await findCandidates(d.db, kode, undefined, pick))[0] ?? null) : null;
    const candidates = chosen ? [] : await findCandidates(d.db, kode, cari);
    // the chosen resident heads a family with other members: someone must take over
    const successors =
      chosen?.keluarga_id && chosen.kepala_id === chosen.id
        ? (await listLivingMembers(d.db, chosen.keluarga_id)).filter((p) => p.id !== chosen.id)
        : [];
    const units = await desaUnits(d, kode, req.m, desa.sebutan_dusun);
    return sendPage(
      reply,
      status,
      h(KeluargaBaruPage, {
        ctx: pageCtx(req, reply, await installation()),
        desa,
        cari: cari ?? '',
        candidates,
        chosen,
        successors,
        units: units.options,
        ...(state ? { state } : {}),
      }),
    );
  }

  return {
    async list(req: FastifyRequest, reply: FastifyReply) {
      const kode = param(req, 'kode');
      const desa = await getDesaProfile(d.db, kode);
      const filters = KeluargaListQuerySchema.parse(query(req));
      const fullNumbers = may(req, 'read:nik', { kode });
      const result = await searchFamilies(d.db, kode, filters, fullNumbers);
      const units = await desaUnits(d, kode, req.m, desa.sebutan_dusun);
      return sendPage(
        reply,
        200,
        h(KeluargaListPage, {
          ctx: pageCtx(req, reply, await installation()),
          desa,
          q: filters.q ?? '',
          result,
          fullNumbers,
          canWrite: may(req, 'write:penduduk', { kode }),
          units: units.labels,
        }),
      );
    },

    showNew: (req: FastifyRequest, reply: FastifyReply) => renderNew(req, reply, 200),

    async create(req: FastifyRequest, reply: FastifyReply) {
      const kode = param(req, 'kode');
      const body = (req.body ?? {}) as Record<string, unknown>;
      const chosenId = Number(body.penduduk_id) || undefined;
      const parsed = parseForm(NewKkSchema, body, req.m);
      if (!parsed.ok) return renderNew(req, reply, 400, parsed.state, chosenId);
      let id: number;
      try {
        await getDesaProfile(d.db, kode);
        id = await newKkForResident(d.db, actorOf(req), kode, parsed.data);
      } catch (error) {
        const failed = formStateFromError(error, body, req.m);
        if (!failed || (failed.status === 404 && Object.keys(failed.state.errors).length === 0)) throw error;
        return renderNew(req, reply, failed.status, failed.state, chosenId);
      }
      setFlash(reply, req.m.keluarga.flash.kkDibuat);
      return redirect(reply, `/keluarga/${id}`);
    },
  };
}
