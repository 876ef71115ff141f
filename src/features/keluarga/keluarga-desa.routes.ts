import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { Deps } from '#src/deps.js';
import { getDesaProfile } from '#src/features/desa/desa.service.js';
import { getInstallationKabupaten } from '#src/features/instalasi/instalasi.service.js';
import { forbidden } from '#src/lib/errors.js';
import { type FormState, formStateFromError, parseForm } from '#src/lib/forms/form.js';
import { setFlash } from '#src/lib/http/flash.js';
import { pageCtx, sendPage } from '#src/lib/http/page.js';
import { actorOf, param, query, redirect } from '#src/lib/http/request.js';
import { desaUnits, may } from './keluarga.routes.js';
import { CariSchema, KeluargaListQuerySchema, KkLookupSchema, NewKkSchema } from './keluarga.schema.js';
import { listLivingMembers } from './keluarga.service.js';
import { KeluargaListPage } from './keluarga.views.js';
import { KeluargaBaruPage } from './keluarga-baru.views.js';
import { newKkForResident } from './keluarga-ops.service.js';
import {
  type FamilyListResult,
  findCandidates,
  findFamiliesByNumber,
  searchFamilies,
} from './keluarga-view.service.js';

/** What one rendering of the family list shows: a name search, or the families a number look-up found. */
interface ListView {
  q: string;
  halaman?: number | undefined;
  result?: FamilyListResult;
  lookup?: { state: FormState; message?: string };
}

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

  async function renderList(req: FastifyRequest, reply: FastifyReply, status: number, view: ListView) {
    const kode = param(req, 'kode');
    const desa = await getDesaProfile(d.db, kode);
    const result = view.result ?? (await searchFamilies(d.db, kode, { q: view.q, halaman: view.halaman }));
    const units = await desaUnits(d, kode, req.m, desa.sebutan_dusun);
    // a page answering a POST look-up names the list as its place (language switch, navigation)
    const ctx = { ...pageCtx(req, reply, await installation()), path: `/desa/${kode}/keluarga` };
    return sendPage(
      reply,
      status,
      h(KeluargaListPage, {
        ctx,
        desa,
        // a number typed in the name box is neither searched nor carried on in the page's links
        q: result.numberIgnored ? '' : view.q,
        result,
        fullNumbers: may(req, 'read:nik', { kode }),
        canWrite: may(req, 'write:penduduk', { kode }),
        units: units.labels,
        lookup: view.lookup ?? null,
      }),
    );
  }

  return {
    list(req: FastifyRequest, reply: FastifyReply) {
      const { q, halaman } = KeluargaListQuerySchema.parse(query(req));
      return renderList(req, reply, 200, { q: q ?? '', halaman });
    },

    /**
     * "Cari nomor KK" (POST): one family → its page; none → the list again with "not found"; several → listed
     * in this response. The number stays out of every URL. Refused without read:nik: a look-up would tell a
     * masked user whose number it is.
     */
    async lookupKk(req: FastifyRequest, reply: FastifyReply) {
      const kode = param(req, 'kode');
      if (!may(req, 'read:nik', { kode })) throw forbidden('cariKkDitolak');
      const parsed = parseForm(KkLookupSchema, req.body, req.m);
      if (!parsed.ok) return renderList(req, reply, 400, { q: '', lookup: { state: parsed.state } });
      await getDesaProfile(d.db, kode);
      const found = await findFamiliesByNumber(d.db, kode, parsed.data.no_kk);
      const [only] = found.rows;
      if (found.total === 1 && only) return redirect(reply, `/keluarga/${only.id}`);
      const state = { values: { no_kk: parsed.data.no_kk }, errors: {} };
      const c = req.m.keluarga.cariKk;
      if (found.total === 0)
        return renderList(req, reply, 404, { q: '', lookup: { state, message: c.tidakDitemukan } });
      return renderList(req, reply, 200, { q: '', result: found, lookup: { state, message: c.beberapa(found.total) } });
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
