import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { Deps } from '#src/deps.js';
import { getDesaProfile } from '#src/features/desa/desa.service.js';
import { getInstallationKabupaten } from '#src/features/instalasi/instalasi.service.js';
import { listLingkungan } from '#src/features/lingkungan/lingkungan.repository.js';
import { recordArrival, recordBirth } from '#src/features/peristiwa/kedatangan.service.js';
import { LahirSchema, PindahMasukSchema } from '#src/features/peristiwa/peristiwa.schema.js';
import { emptyForm, type FormState, formStateFromError, parseForm } from '#src/lib/forms/form.js';
import { setFlash } from '#src/lib/http/flash.js';
import { pageCtx, sendPage } from '#src/lib/http/page.js';
import { actorOf, param, query, redirect } from '#src/lib/http/request.js';
import { placeName } from './penduduk.service.js';
import { CreatePendudukPage } from './penduduk-form.views.js';
import { type Body, bodyOf, pickPerson, resolveFamily, stateWith, unitInDesa } from './penduduk-form-input.js';
import { FORM_DEFAULTS } from './penduduk-groups.js';
import { can } from './penduduk-scope.js';
import { listFamilyOptions } from './penduduk-screens.repository.js';

/** The family select lists at most this many families (by head's name); beyond that, the KK number is typed. */
const FAMILY_OPTIONS = 500;

type Jenis = 'lahir' | 'masuk';

/** Schema messages plus our own; when the family lookup failed, its message replaces the schema's on keluarga_id. */
function mergeErrors(schema: Record<string, string>, own: Record<string, string>): Record<string, string> {
  const merged = { ...schema, ...own };
  if (own.cari_no_kk !== undefined && own.keluarga_id === undefined) delete merged.keluarga_id;
  return merged;
}

export function pendudukCreateRoutes(d: Deps) {
  async function render(
    req: FastifyRequest,
    reply: FastifyReply,
    status: number,
    jenis: Jenis | null,
    state: FormState,
  ) {
    const kode = param(req, 'kode');
    const [desa, units, families, installation] = await Promise.all([
      getDesaProfile(d.db, kode),
      listLingkungan(d.db, kode),
      jenis ? listFamilyOptions(d.db, kode, FAMILY_OPTIONS + 1) : Promise.resolve([]),
      getInstallationKabupaten(d.db),
    ]);
    return sendPage(
      reply,
      status,
      h(CreatePendudukPage, {
        ctx: pageCtx(req, reply, installation?.nama ?? null),
        desa,
        jenis,
        state,
        families: families.slice(0, FAMILY_OPTIONS),
        familiesTruncated: families.length > FAMILY_OPTIONS,
        units,
        fullNumbers: can(req, 'read:nik', { kode }),
      }),
    );
  }

  /** A service refusal shown on the form (field messages, a NIK living elsewhere → 409 with the place). */
  function failed(req: FastifyRequest, reply: FastifyReply, jenis: Jenis, error: unknown) {
    const f = formStateFromError(error, req.body, req.m);
    if (!f) throw error;
    return render(req, reply, f.status, jenis, f.state);
  }

  /** Family chosen (select or KK number) → its id; an empty unit means the family's. */
  async function withFamily(kode: string, body: Body, errors: Record<string, string>) {
    const family = await resolveFamily(d.db, kode, body);
    if (!family.ok) {
      errors[family.field] = family.key;
      return;
    }
    body.keluarga_id = String(family.id);
    if (!body.lingkungan_id && family.lingkunganId !== null) body.lingkungan_id = String(family.lingkunganId);
  }

  return {
    async showNew(req: FastifyRequest, reply: FastifyReply) {
      const jenis = query(req).jenis;
      const chosen = jenis === 'lahir' || jenis === 'masuk' ? jenis : null;
      const keluarga = query(req).keluarga ?? '';
      const defaults: Record<string, string> =
        chosen === 'lahir' ? { kk_level: '4', keluarga_id: keluarga } : { keluarga_mode: 'baru' };
      return render(req, reply, 200, chosen, emptyForm({ ...FORM_DEFAULTS, ...defaults }));
    },

    async birth(req: FastifyRequest, reply: FastifyReply) {
      const kode = param(req, 'kode');
      const body = bodyOf(req.body);
      const errors: Record<string, string> = {};
      await withFamily(kode, body, errors);
      const parsed = parseForm(LahirSchema, body, req.m);
      if (!parsed.ok || Object.keys(errors).length > 0) {
        const state = stateWith(req.body, errors, req.m);
        if (!parsed.ok) state.errors = mergeErrors(parsed.state.errors, state.errors);
        return render(req, reply, 400, 'lahir', state);
      }
      const data = parsed.data;
      if (!unitInDesa(await listLingkungan(d.db, kode), data.lingkungan_id))
        return render(
          req,
          reply,
          400,
          'lahir',
          stateWith(req.body, { lingkungan_id: 'lingkunganTidakDitemukan' }, req.m),
        );
      try {
        const born = await recordBirth(d.db, actorOf(req), kode, {
          person: { ...pickPerson(data), tanggallahir: data.tanggallahir },
          lingkunganId: data.lingkungan_id,
          keluargaId: data.keluarga_id,
          kkLevel: data.kk_level,
          tglLapor: data.tgl_lapor,
          catatan: data.catatan,
        });
        setFlash(reply, req.m.pendudukUi.flash.lahirDicatat(data.nama));
        return redirect(reply, `/penduduk/${born.id}`);
      } catch (error) {
        return failed(req, reply, 'lahir', error);
      }
    },

    async arrival(req: FastifyRequest, reply: FastifyReply) {
      const kode = param(req, 'kode');
      const body = bodyOf(req.body);
      const errors: Record<string, string> = {};
      const joins = body.keluarga_mode === 'ada';
      if (joins) {
        await withFamily(kode, body, errors);
        body.no_kk = '';
        if (!body.kk_level) errors.kk_level = 'wajibDiisi';
        else if (body.kk_level === '1') errors.kk_level = 'kepalaSudahAda';
      } else {
        body.keluarga_id = '';
        body.kk_level = '1';
      }
      const parsed = parseForm(PindahMasukSchema, body, req.m);
      if (!parsed.ok || Object.keys(errors).length > 0) {
        const state = stateWith(req.body, errors, req.m);
        if (!parsed.ok) state.errors = mergeErrors(parsed.state.errors, state.errors);
        return render(req, reply, 400, 'masuk', state);
      }
      const data = parsed.data;
      if (!unitInDesa(await listLingkungan(d.db, kode), data.lingkungan_id))
        return render(
          req,
          reply,
          400,
          'masuk',
          stateWith(req.body, { lingkungan_id: 'lingkunganTidakDitemukan' }, req.m),
        );
      try {
        const result = await recordArrival(d.db, actorOf(req), kode, {
          person: pickPerson(data),
          lingkunganId: data.lingkungan_id,
          family:
            joins && data.keluarga_id !== null
              ? { kind: 'existing', keluargaId: data.keluarga_id, kkLevel: data.kk_level ?? 11 }
              : { kind: 'new', noKk: data.no_kk, alamat: data.alamat_kk },
          tglPeristiwa: data.tgl_peristiwa,
          tglLapor: data.tgl_lapor,
          alamatAsal: data.alamat_asal,
          maksud: data.maksud_tujuan_kedatangan,
          catatan: data.catatan,
        });
        const flash = req.m.pendudukUi.flash;
        if (result.kind === 'menunggu') {
          setFlash(reply, flash.pindahDiminta(await placeName(d.db, result.dari)));
          return redirect(reply, `/desa/${kode}/penduduk`);
        }
        setFlash(
          reply,
          result.kind === 'dipindahkan'
            ? flash.masukDipindahkan(data.nama, await placeName(d.db, result.dari))
            : flash.masukDicatat(data.nama),
        );
        return redirect(reply, `/penduduk/${result.id}`);
      } catch (error) {
        return failed(req, reply, 'masuk', error);
      }
    },
  };
}
