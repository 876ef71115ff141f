import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { Deps } from '#src/deps.js';
import { findWargaByPenduduk } from '#src/features/mandiri/mandiri.repository.js';
import { wargaCtx } from '#src/features/mandiri/warga.routes.js';
import { regionTarget } from '#src/features/wilayah/wilayah.routes.js';
import { badRequest, isHttpError } from '#src/lib/errors.js';
import { type FormState, formStateFromError, keepValues, parseForm } from '#src/lib/forms/form.js';
import { setFlash } from '#src/lib/http/flash.js';
import { pageCtx, sendPage } from '#src/lib/http/page.js';
import { actorOf, intParam, param, redirect } from '#src/lib/http/request.js';
import type { RouteDef } from '#src/lib/http/route.js';
import { localise } from '#src/lib/i18n/messages.js';
import { bolehDaftar, listMenunggu } from './pendaftaran.repository.js';
import { IdentitasSchema, LangkahSchema, PutusanSchema } from './pendaftaran.schema.js';
import {
  aturPendaftaran,
  bacaBerkas,
  mulaiPendaftaran,
  setujuiPendaftaran,
  tambahBerkas,
  tolakPendaftaran,
} from './pendaftaran.service.js';
import { DaftarPage, PendaftaranKantorPage } from './pendaftaran.views.js';

/** Self-registration: the public steps /layanan-mandiri/daftar, the office's queue /desa/{kode}/mandiri/pendaftaran. */
export function pendaftaranRouteDefs(d: Deps): RouteDef[] {
  const batas = d.env.BALAI_UPLOAD_LIMIT;
  const mb = Math.round((batas / 1_048_576) * 10) / 10;
  const daftar = (
    req: FastifyRequest,
    reply: FastifyReply,
    status: number,
    langkah: Parameters<typeof DaftarPage>[0]['langkah'],
    extra: { token?: string; state?: FormState } = {},
  ) => {
    reply.header('cache-control', 'no-store');
    return sendPage(reply, status, h(DaftarPage, { ctx: wargaCtx(req, reply), langkah, mb, ...extra }));
  };

  const kantor = async (
    req: FastifyRequest,
    reply: FastifyReply,
    status: number,
    extra: { disetujui?: { nama: string; pin: string }; state?: FormState } = {},
  ) => {
    const kode = param(req, 'kode');
    const [rows, boleh] = await Promise.all([listMenunggu(d.db, kode), bolehDaftar(d.db, kode)]);
    reply.header('cache-control', 'no-store');
    return sendPage(reply, status, h(PendaftaranKantorPage, { ctx: pageCtx(req, reply), kode, rows, boleh, ...extra }));
  };

  async function showDaftar(req: FastifyRequest, reply: FastifyReply) {
    return daftar(req, reply, 200, 'identitas');
  }

  async function kirimDaftar(req: FastifyRequest, reply: FastifyReply) {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const berkas = Buffer.isBuffer(body.berkas) ? body.berkas : null;
    const step = LangkahSchema.safeParse(body);
    if (!step.success) throw badRequest('invalid');
    const { langkah, token } = step.data;
    const values = { ...keepValues(body), nik: '', no_kk: '' };
    try {
      if (langkah === 'identitas') {
        const parsed = parseForm(IdentitasSchema, body, req.m);
        if (!parsed.ok) return daftar(req, reply, 400, 'identitas', { state: parsed.state });
        const t = await mulaiPendaftaran(d.db, d.files, parsed.data, berkas, req.ip, batas);
        return daftar(req, reply, 200, 'kk', { token: t });
      }
      if (!token) throw badRequest('daftarKedaluwarsa');
      const hasil = await tambahBerkas(d.db, d.files, token, langkah, berkas, batas);
      return hasil === 'selesai' ? daftar(req, reply, 200, 'selesai') : daftar(req, reply, 200, 'swafoto', { token });
    } catch (error) {
      if (isHttpError(error) && error.status === 429) {
        reply.header('retry-after', String(Number(error.params.menit ?? 15) * 60));
        const state = { values, errors: {}, message: localise('tooManyAttempts', req.m, error.params) };
        return daftar(req, reply, 429, 'identitas', { state });
      }
      const form = formStateFromError(error, body, req.m);
      if (!form) throw error;
      // a refused identity starts again from step 1; a bad picture stays on its step
      const again = isHttpError(error) && Object.keys(error.fields).length === 0 ? 'identitas' : langkah;
      const state = { ...form.state, values: again === 'identitas' ? values : {} };
      return daftar(req, reply, form.status, again, again === 'identitas' ? { state } : { state, token: token ?? '' });
    }
  }

  async function putus(req: FastifyRequest, reply: FastifyReply) {
    const kode = param(req, 'kode');
    const parsed = parseForm(PutusanSchema, req.body, req.m);
    if (!parsed.ok) throw badRequest('invalid');
    const { intent, id } = parsed.data;
    const actor = actorOf(req);
    const t = req.m.anjungan.pendaftaran;
    if (intent === 'izin') {
      await aturPendaftaran(d.db, actor, kode, parsed.data.boleh === '1');
      setFlash(reply, t.izinDisimpan);
      return redirect(reply, `/desa/${kode}/mandiri/pendaftaran`);
    }
    if (!id) throw badRequest('invalid');
    try {
      if (intent === 'setujui') {
        const { pin, pendudukId } = await setujuiPendaftaran(d.db, actor, kode, id);
        const nama = (await findWargaByPenduduk(d.db, pendudukId))?.nama ?? '';
        // the PIN is shown on this response only
        return kantor(req, reply, 200, { disetujui: { nama, pin } });
      }
      await tolakPendaftaran(d.db, actor, kode, id, parsed.data.alasan ?? '');
    } catch (error) {
      const form = formStateFromError(error, req.body, req.m);
      if (!form || form.status === 404) throw error;
      return kantor(req, reply, form.status, { state: form.state });
    }
    setFlash(reply, t.ditolak);
    return redirect(reply, `/desa/${kode}/mandiri/pendaftaran`);
  }

  async function berkas(req: FastifyRequest, reply: FastifyReply) {
    const jenis = param(req, 'jenis');
    if (jenis !== 'ktp' && jenis !== 'kk' && jenis !== 'swafoto') throw badRequest('invalid');
    const buf = await bacaBerkas(d.db, d.files, actorOf(req), param(req, 'kode'), intParam(req, 'id'), jenis);
    return reply
      .header('content-type', 'image/jpeg')
      .header('cache-control', 'private, no-store')
      .header('x-content-type-options', 'nosniff')
      .send(buf);
  }

  const target = regionTarget;
  return [
    { method: 'GET', url: '/layanan-mandiri/daftar', access: 'public', handler: showDaftar },
    { method: 'POST', url: '/layanan-mandiri/daftar', access: 'public', fileLimit: batas, handler: kirimDaftar },
    {
      method: 'GET',
      url: '/desa/:kode/mandiri/pendaftaran',
      access: 'manage:mandiri',
      target,
      handler: (req, reply) => kantor(req, reply, 200),
    },
    { method: 'POST', url: '/desa/:kode/mandiri/pendaftaran', access: 'manage:mandiri', target, handler: putus },
    {
      method: 'GET',
      url: '/desa/:kode/mandiri/pendaftaran/:id/:jenis',
      access: 'manage:mandiri',
      target,
      handler: berkas,
    },
  ];
}
