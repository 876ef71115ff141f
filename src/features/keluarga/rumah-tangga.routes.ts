import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { Deps } from '#src/deps.js';
import { normaliseName } from '#src/domain/person-name.js';
import { getDesaProfile } from '#src/features/desa/desa.service.js';
import { getInstallationKabupaten } from '#src/features/instalasi/instalasi.service.js';
import { placeTarget } from '#src/features/lingkungan/lingkungan.service.js';
import type { Target } from '#src/lib/auth/grants.js';
import { notFound } from '#src/lib/errors.js';
import { emptyForm, type FormState, formStateFromError, parseForm } from '#src/lib/forms/form.js';
import { setFlash } from '#src/lib/http/flash.js';
import { pageCtx, sendPage } from '#src/lib/http/page.js';
import { actorOf, intParam, param, query, redirect } from '#src/lib/http/request.js';
import { desaUnits, may, recordNumberRead } from './keluarga.routes.js';
import { CariSchema, KeluargaListQuerySchema } from './keluarga.schema.js';
import { type FailedForm, formKey } from './keluarga-ui.js';
import { FAMILY_PAGE_SIZE, findCandidates } from './keluarga-view.service.js';
import { countRumahTangga, listRumahTangga, type RumahTanggaQuery } from './rumah-tangga.repository.js';
import { NewRumahTanggaSchema, type RumahTanggaOp, RumahTanggaOpSchema } from './rumah-tangga.schema.js';
import {
  addHouseholdMember,
  changeHouseholdHead,
  createHousehold,
  editHousehold,
  findRumahTangga,
  listHouseholdMembers,
  removeHouseholdMember,
} from './rumah-tangga.service.js';
import { RumahTanggaListPage } from './rumah-tangga.views.js';
import { RumahTanggaDetailPage } from './rumah-tangga-detail.views.js';

/** Households: /desa/:kode/rumah-tangga (list, create) and /rumah-tangga/:id (page, operations). */
export function rumahTanggaRoutes(d: Deps) {
  const installation = async () => (await getInstallationKabupaten(d.db))?.nama ?? null;

  async function target(id: number): Promise<Target> {
    const rtm = await findRumahTangga(d.db, id);
    if (!rtm) throw notFound('rumahTanggaTidakDitemukan');
    return placeTarget(d.db, rtm.desa_kode, rtm.lingkungan_id);
  }

  async function renderList(
    req: FastifyRequest,
    reply: FastifyReply,
    status: number,
    state?: FormState,
    chosenId?: number,
  ) {
    const kode = param(req, 'kode');
    const desa = await getDesaProfile(d.db, kode);
    const filters = KeluargaListQuerySchema.parse(query(req));
    const page = filters.halaman ?? 1;
    const q: RumahTanggaQuery = { desaKode: kode, limit: FAMILY_PAGE_SIZE, offset: (page - 1) * FAMILY_PAGE_SIZE };
    const search = filters.q?.trim() ?? '';
    if (/^\d{15}$/.test(search.replace(/[\s.]/g, ''))) q.nomor = search.replace(/[\s.]/g, '');
    else if (normaliseName(search)) q.namaPrefix = normaliseName(search);
    const [rows, total, units] = await Promise.all([
      listRumahTangga(d.db, q),
      countRumahTangga(d.db, q),
      desaUnits(d, kode, req.m, desa.sebutan_dusun),
    ]);
    let create = null;
    if (may(req, 'write:penduduk', { kode })) {
      const { cari, penduduk } = CariSchema.parse(query(req));
      const pick = chosenId ?? penduduk;
      const chosen = pick ? ((await findCandidates(d.db, kode, undefined, pick))[0] ?? null) : null;
      const candidates = chosen ? [] : await findCandidates(d.db, kode, cari);
      create = { cari: cari ?? '', candidates, chosen, state: state ?? emptyForm() };
    }
    return sendPage(
      reply,
      status,
      h(RumahTanggaListPage, {
        ctx: pageCtx(req, reply, await installation()),
        desa,
        q: search,
        result: { rows, total, page, pageSize: q.limit },
        units: units.labels,
        create,
      }),
    );
  }

  async function renderDetail(
    req: FastifyRequest,
    reply: FastifyReply,
    status: number,
    failed: FailedForm | null = null,
    candidateId?: number,
  ) {
    const id = intParam(req, 'id');
    const rtm = await findRumahTangga(d.db, id);
    if (!rtm) throw notFound('rumahTanggaTidakDitemukan');
    const t = await target(id);
    const desa = await getDesaProfile(d.db, rtm.desa_kode);
    const [members, units] = await Promise.all([
      listHouseholdMembers(d.db, id),
      desaUnits(d, rtm.desa_kode, req.m, desa.sebutan_dusun),
    ]);
    const fullNumbers = may(req, 'read:nik', t);
    let ops = null;
    if (may(req, 'write:penduduk', t) && rtm.ditutup_pada === null) {
      const { cari } = CariSchema.parse(query(req));
      const found = await findCandidates(d.db, rtm.desa_kode, cari);
      const extra = candidateId && !found.some((c) => c.id === candidateId);
      const candidates = extra
        ? [...(await findCandidates(d.db, rtm.desa_kode, undefined, candidateId)), ...found]
        : found;
      ops = { cari: cari ?? '', candidates };
    }
    if (fullNumbers) await recordNumberRead(d, req, t, 'rumah_tangga', id);
    return sendPage(
      reply,
      status,
      h(RumahTanggaDetailPage, {
        ctx: pageCtx(req, reply, await installation()),
        desa,
        rtm,
        members,
        unit: rtm.lingkungan_id === null ? null : (units.labels.get(rtm.lingkungan_id) ?? null),
        fullNumbers,
        canList: may(req, 'read:penduduk', { kode: rtm.desa_kode }),
        ops,
        failed,
      }),
    );
  }

  async function apply(req: FastifyRequest, id: number, desaKode: string, op: RumahTanggaOp) {
    const actor = actorOf(req);
    const f = req.m.keluarga.flash;
    const here = `/rumah-tangga/${id}`;
    switch (op.intent) {
      case 'tambah-anggota':
        await addHouseholdMember(d.db, actor, desaKode, id, op);
        return { to: here, flash: f.rtAnggotaDitambah };
      case 'keluarkan': {
        const { ditutup } = await removeHouseholdMember(d.db, actor, desaKode, id, op);
        return ditutup
          ? { to: `/desa/${desaKode}/rumah-tangga`, flash: f.rtDitutup }
          : { to: here, flash: f.rtAnggotaKeluar };
      }
      case 'ganti-kepala':
        await changeHouseholdHead(d.db, actor, desaKode, id, op);
        return { to: here, flash: f.rtKepalaDiganti };
      case 'ubah-data':
        await editHousehold(d.db, actor, desaKode, id, op.versi, op);
        return { to: here, flash: f.rtDisimpan };
    }
  }

  const failedOf = (error: unknown, body: unknown, req: FastifyRequest) => {
    const failed = formStateFromError(error, body, req.m);
    if (!failed || (failed.status === 404 && Object.keys(failed.state.errors).length === 0)) throw error;
    return failed;
  };

  return {
    target: (req: FastifyRequest) => target(intParam(req, 'id')),

    list: (req: FastifyRequest, reply: FastifyReply) => renderList(req, reply, 200),

    async create(req: FastifyRequest, reply: FastifyReply) {
      const kode = param(req, 'kode');
      const body = (req.body ?? {}) as Record<string, unknown>;
      const chosenId = Number(body.kepala_id) || undefined;
      const parsed = parseForm(NewRumahTanggaSchema, body, req.m);
      if (!parsed.ok) return renderList(req, reply, 400, parsed.state, chosenId);
      let id: number;
      try {
        await getDesaProfile(d.db, kode);
        id = await createHousehold(d.db, actorOf(req), kode, parsed.data);
      } catch (error) {
        const failed = failedOf(error, body, req);
        return renderList(req, reply, failed.status, failed.state, chosenId);
      }
      setFlash(reply, req.m.keluarga.flash.rtDibuat);
      return redirect(reply, `/rumah-tangga/${id}`);
    },

    show: (req: FastifyRequest, reply: FastifyReply) => renderDetail(req, reply, 200),

    async act(req: FastifyRequest, reply: FastifyReply) {
      const id = intParam(req, 'id');
      const body = (req.body ?? {}) as Record<string, unknown>;
      const intent = typeof body.intent === 'string' ? body.intent : '';
      const ref =
        intent === 'keluarkan' || intent === 'tambah-anggota'
          ? String(body.penduduk_id ?? '')
          : intent === 'ganti-kepala'
            ? String(body.kepala_baru_id ?? '')
            : undefined;
      const key = formKey(intent, ref);
      const candidateId = intent === 'tambah-anggota' ? Number(body.penduduk_id) || undefined : undefined;
      const parsed = parseForm(RumahTanggaOpSchema, body, req.m);
      if (!parsed.ok) return renderDetail(req, reply, 400, { key, state: parsed.state }, candidateId);
      const rtm = await findRumahTangga(d.db, id);
      if (!rtm) throw notFound('rumahTanggaTidakDitemukan');
      let next: { to: string; flash: string };
      try {
        next = await apply(req, id, rtm.desa_kode, parsed.data);
      } catch (error) {
        const failed = failedOf(error, body, req);
        return renderDetail(req, reply, failed.status, { key, state: failed.state }, candidateId);
      }
      setFlash(reply, next.flash);
      return redirect(reply, next.to);
    },
  };
}
