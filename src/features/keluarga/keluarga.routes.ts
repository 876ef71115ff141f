import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { Deps } from '#src/deps.js';
import { levelOf } from '#src/domain/region-code.js';
import { getDesaProfile } from '#src/features/desa/desa.service.js';
import { getInstallationKabupaten } from '#src/features/instalasi/instalasi.service.js';
import { getTree } from '#src/features/lingkungan/lingkungan.service.js';
import { audit } from '#src/lib/audit/audit.js';
import { findGrant, type Target } from '#src/lib/auth/grants.js';
import type { Permission } from '#src/lib/auth/roles.js';
import { type FormState, formStateFromError, parseForm } from '#src/lib/forms/form.js';
import { setFlash } from '#src/lib/http/flash.js';
import { pageCtx, sendPage } from '#src/lib/http/page.js';
import { actorOf, grantsOf, intParam, query, redirect } from '#src/lib/http/request.js';
import type { Messages } from '#src/lib/i18n/messages.js';
import { CariSchema, type KeluargaOp, keluargaOpSchema } from './keluarga.schema.js';
import { findKeluarga } from './keluarga.service.js';
import { KeluargaDetailPage } from './keluarga.views.js';
import { KeluargaCetakPage } from './keluarga-cetak.views.js';
import { changeNoKk, editFamily, moveFamily } from './keluarga-data.service.js';
import { addMember, changeHead, changeShdk, newKkForResident, splitFamily } from './keluarga-ops.service.js';
import { type FailedForm, formKey, unitNamer } from './keluarga-ui.js';
import { familyTarget, findCandidates, getFamilyPage, unitOptions } from './keluarga-view.service.js';

/** Shared by the family and household routes: the desa's units as labels and select options. */
export async function desaUnits(d: Deps, kode: string, m: Messages, sebutanDusun: string) {
  const options = unitOptions(await getTree(d.db, kode), unitNamer(m, sebutanDusun));
  return { options, labels: new Map(options.map((o) => [Number(o.value), o.label])) };
}

export const may = (req: FastifyRequest, permission: Permission, target: Target) =>
  findGrant(grantsOf(req), permission, target) !== null;

/**
 * Full numbers shown to a kabupaten or kecamatan role (not the desa's own staff) are a read worth recording:
 * the kabupaten supports its desa, and every such look is in the audit trail.
 */
export async function recordNumberRead(
  d: Deps,
  req: FastifyRequest,
  target: Target,
  entitas: 'keluarga' | 'rumah_tangga',
  id: number,
) {
  const grant = findGrant(grantsOf(req), 'read:nik', target);
  if (!grant || levelOf(grant.lingkupKode) >= 3) return;
  await audit.recordRead(d.db, actorOf(req), { aksi: 'baca', entitas, entitasId: id, desaKode: target.kode });
}

/** Checkbox values come back as an array; the failed split form shows them ticked again. */
function keepTicks(state: FormState, body: Record<string, unknown>): FormState {
  const ticks = body.anggota;
  if (ticks === undefined) return state;
  return { ...state, values: { ...state.values, anggota: [ticks].flat().map(String).join(',') } };
}

const PER_MEMBER = new Set(['ubah-shdk', 'keluarkan', 'tambah-anggota']);

export function keluargaRoutes(d: Deps) {
  const installation = async () => (await getInstallationKabupaten(d.db))?.nama ?? null;

  async function renderDetail(
    req: FastifyRequest,
    reply: FastifyReply,
    status: number,
    failed: FailedForm | null = null,
    candidateId?: number,
  ) {
    const id = intParam(req, 'id');
    const data = await getFamilyPage(d.db, id);
    const kode = data.family.desa_kode;
    const target = await familyTarget(d.db, id);
    const desa = await getDesaProfile(d.db, kode);
    const units = await desaUnits(d, kode, req.m, desa.sebutan_dusun);
    const fullNumbers = may(req, 'read:nik', target);
    let ops = null;
    if (may(req, 'write:penduduk', target) && data.family.ditutup_pada === null) {
      const { cari } = CariSchema.parse(query(req));
      const found = await findCandidates(d.db, kode, cari);
      // a failed "add member" form shows again with its candidate, whatever was searched before
      const extra = candidateId && !found.some((c) => c.id === candidateId);
      const candidates = extra ? [...(await findCandidates(d.db, kode, undefined, candidateId)), ...found] : found;
      ops = { cari: cari ?? '', candidates, units: units.options };
    }
    if (fullNumbers) await recordNumberRead(d, req, target, 'keluarga', id);
    return sendPage(
      reply,
      status,
      h(KeluargaDetailPage, {
        ctx: pageCtx(req, reply, await installation()),
        desa,
        data,
        fullNumbers,
        canList: may(req, 'read:penduduk', { kode }),
        units: units.labels,
        ops,
        failed,
      }),
    );
  }

  /** Run one operation; returns where to go next and the flash message. */
  async function apply(req: FastifyRequest, id: number, desaKode: string, op: KeluargaOp) {
    const actor = actorOf(req);
    const f = req.m.keluarga.flash;
    const here = `/keluarga/${id}`;
    switch (op.intent) {
      case 'tambah-anggota':
        await addMember(d.db, actor, desaKode, id, op);
        return { to: here, flash: f.anggotaDitambah };
      case 'keluarkan': {
        const newId = await newKkForResident(d.db, actor, desaKode, {
          penduduk_id: op.penduduk_id,
          no_kk: op.no_kk,
          alamat: null,
          kelas_sosial: null,
          lingkungan_id: null,
          kepala_baru_id: op.kepala_baru_id,
          dari_keluarga_id: id,
        });
        const old = await findKeluarga(d.db, id);
        return { to: old?.ditutup_pada === null ? here : `/keluarga/${newId}`, flash: f.anggotaKeluar };
      }
      case 'ubah-shdk':
        await changeShdk(d.db, actor, desaKode, id, op);
        return { to: here, flash: f.shdkDiubah };
      case 'ganti-kepala':
        await changeHead(d.db, actor, desaKode, id, op);
        return { to: here, flash: f.kepalaDiganti };
      case 'pecah': {
        const newId = await splitFamily(d.db, actor, desaKode, id, op);
        return { to: `/keluarga/${newId}`, flash: f.pecah };
      }
      case 'pindah-wilayah':
        await moveFamily(d.db, actor, desaKode, id, op);
        return { to: here, flash: f.pindah };
      case 'ubah-no-kk':
        await changeNoKk(d.db, actor, desaKode, id, op);
        return { to: here, flash: f.nomorDiubah };
      case 'ubah-data':
        await editFamily(d.db, actor, desaKode, id, op.versi, op);
        return { to: here, flash: f.disimpan };
    }
  }

  return {
    /** Permission target of /keluarga/:id…: the family's desa and the path of its dusun/RW/RT. */
    target: (req: FastifyRequest) => familyTarget(d.db, intParam(req, 'id')),

    show: (req: FastifyRequest, reply: FastifyReply) => renderDetail(req, reply, 200),

    async act(req: FastifyRequest, reply: FastifyReply) {
      const id = intParam(req, 'id');
      const body = (req.body ?? {}) as Record<string, unknown>;
      const intent = typeof body.intent === 'string' ? body.intent : '';
      const ref = PER_MEMBER.has(intent) ? String(body.penduduk_id ?? '') : undefined;
      const key = formKey(intent, ref);
      const candidateId = intent === 'tambah-anggota' ? Number(body.penduduk_id) || undefined : undefined;
      const parsed = parseForm(keluargaOpSchema(intent), body, req.m);
      if (!parsed.ok) return renderDetail(req, reply, 400, { key, state: keepTicks(parsed.state, body) }, candidateId);
      const family = await findKeluarga(d.db, id);
      if (!family) return renderDetail(req, reply, 404);
      let next: { to: string; flash: string };
      try {
        next = await apply(req, id, family.desa_kode, parsed.data);
      } catch (error) {
        const failed = formStateFromError(error, body, req.m);
        if (!failed || (failed.status === 404 && Object.keys(failed.state.errors).length === 0)) throw error;
        return renderDetail(req, reply, failed.status, { key, state: keepTicks(failed.state, body) }, candidateId);
      }
      setFlash(reply, next.flash);
      return redirect(reply, next.to);
    },

    async print(req: FastifyRequest, reply: FastifyReply) {
      const id = intParam(req, 'id');
      const data = await getFamilyPage(d.db, id);
      const kode = data.family.desa_kode;
      const target = await familyTarget(d.db, id);
      const desa = await getDesaProfile(d.db, kode);
      const units = await desaUnits(d, kode, req.m, desa.sebutan_dusun);
      const fullNumbers = may(req, 'read:nik', target);
      if (fullNumbers) await recordNumberRead(d, req, target, 'keluarga', id);
      return sendPage(
        reply,
        200,
        h(KeluargaCetakPage, {
          ctx: pageCtx(req, reply, await installation()),
          desa,
          data,
          fullNumbers,
          unit: data.family.lingkungan_id === null ? null : (units.labels.get(data.family.lingkungan_id) ?? null),
          printedAt: new Date().toISOString(),
        }),
      );
    },
  };
}
