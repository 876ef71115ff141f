import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { Deps } from '#src/deps.js';
import { signOutWarga, wargaCtx } from '#src/features/mandiri/warga.routes.js';
import { nowIso } from '#src/lib/db/time.js';
import { badRequest } from '#src/lib/errors.js';
import { type FormState, formStateFromError, keepValues, parseForm } from '#src/lib/forms/form.js';
import { setFlash } from '#src/lib/http/flash.js';
import { pageCtx, sendPage } from '#src/lib/http/page.js';
import { actorOf, param, query, redirect } from '#src/lib/http/request.js';
import { fill } from '#src/lib/i18n/messages.js';
import { listAnjungan } from './anjungan.repository.js';
import { KelolaAnjunganSchema, NamaAnjunganSchema, PasangSchema } from './anjungan.schema.js';
import { KelolaAnjunganPage } from './anjungan-kelola.views.js';
import { lepasKartu } from './anjungan-masuk.service.js';
import { PasangPage } from './anjungan-pasang.views.js';
import { pasangAnjungan, tambahAnjungan, terbitkanUlang, ubahAnjungan } from './anjungan-perangkat.service.js';

/** Browsers cap cookie lifetimes at 400 days; a kiosk visited daily keeps its cookie (re-issue when lost). */
const UMUR_COOKIE_DETIK = 400 * 24 * 3600;

/** The office's kiosk page /desa/{kode}/anjungan (manage:anjungan), and the public page that pairs a kiosk. */
export function anjunganKelolaRoutes(d: Deps) {
  const asal = (req: FastifyRequest) => d.origins[0] ?? `${req.protocol}://${req.host}`;

  const render = async (
    req: FastifyRequest,
    reply: FastifyReply,
    kode: string,
    status = 200,
    extra: { kodeBaru?: { nama: string; kode: string }; state?: FormState } = {},
  ) => {
    const rows = await listAnjungan(d.db, kode, nowIso());
    // a page with a one-time code must never be cached or restored from history
    reply.header('cache-control', 'no-store');
    const kb = extra.kodeBaru;
    const kodeBaru = kb && {
      ...kb,
      alamat: `${asal(req)}/anjungan/pasang`,
      tautan: `${asal(req)}/anjungan/pasang?kode=${encodeURIComponent(kb.kode)}`,
    };
    return sendPage(
      reply,
      status,
      h(KelolaAnjunganPage, { ctx: pageCtx(req, reply), kode, rows, kodeBaru, state: extra.state }),
    );
  };

  return {
    list: (req: FastifyRequest, reply: FastifyReply) => render(req, reply, param(req, 'kode')),

    async act(req: FastifyRequest, reply: FastifyReply) {
      const kode = param(req, 'kode');
      const parsed = parseForm(KelolaAnjunganSchema, req.body, req.m);
      if (!parsed.ok) return render(req, reply, kode, 400, { state: parsed.state });
      const { intent, id } = parsed.data;
      const actor = actorOf(req);
      const t = req.m.anjungan.kelola;
      try {
        if (intent === 'tambah' || intent === 'ubah') {
          const nama = parseForm(NamaAnjunganSchema, req.body, req.m);
          if (!nama.ok) return render(req, reply, kode, 400, { state: nama.state });
          if (intent === 'tambah') {
            const baru = await tambahAnjungan(d.db, actor, kode, nama.data.nama);
            return render(req, reply, kode, 200, { kodeBaru: { nama: nama.data.nama, kode: baru.kode } });
          }
          if (!id) throw badRequest('invalid');
          await ubahAnjungan(d.db, actor, kode, id, { nama: nama.data.nama });
        } else if (intent === 'lepas-kartu') {
          if (!parsed.data.nik) throw badRequest('invalid');
          await lepasKartu(d.db, actor, kode, parsed.data.nik);
          setFlash(reply, t.kartuDilepas);
          return redirect(reply, `/desa/${kode}/anjungan`);
        } else {
          if (!id) throw badRequest('invalid');
          if (intent === 'terbitkan') {
            const baru = await terbitkanUlang(d.db, actor, kode, id);
            const rows = await listAnjungan(d.db, kode, nowIso());
            const nama = rows.find((r) => r.id === id)?.nama ?? '';
            return render(req, reply, kode, 200, { kodeBaru: { nama, kode: baru } });
          }
          await ubahAnjungan(d.db, actor, kode, id, { aktif: intent === 'hidupkan' });
        }
      } catch (error) {
        const form = formStateFromError(error, req.body, req.m);
        if (!form || form.status === 404) throw error;
        form.state.values = { ...keepValues(req.body), nik: '' };
        return render(req, reply, kode, form.status, { state: form.state });
      }
      setFlash(reply, t.disimpan);
      return redirect(reply, `/desa/${kode}/anjungan`);
    },

    async showPasang(req: FastifyRequest, reply: FastifyReply) {
      reply.header('cache-control', 'no-store');
      const kode = (query(req).kode ?? '').slice(0, 30);
      return sendPage(reply, 200, h(PasangPage, { ctx: wargaCtx(req, reply), kode }));
    },

    async pasang(req: FastifyRequest, reply: FastifyReply) {
      const t = req.m.anjungan.pasang;
      const page = (status: number, message: string) =>
        sendPage(
          reply,
          status,
          h(PasangPage, { ctx: wargaCtx(req, reply), kode: '', state: { values: {}, errors: {}, message } }),
        );
      const parsed = parseForm(PasangSchema, req.body, req.m);
      if (!parsed.ok) return page(400, t.salah);
      const hasil = await pasangAnjungan(d.db, parsed.data.kode, req.ip);
      if (!hasil.ok) {
        if (hasil.alasan === 'terkunci') {
          reply.header('retry-after', String(hasil.detik));
          return page(429, fill(t.terkunci, { menit: Math.ceil(hasil.detik / 60) }));
        }
        return page(400, t.salah);
      }
      reply.setCookie(d.cookies.anjungan, hasil.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: d.cookies.secure,
        maxAge: UMUR_COOKIE_DETIK,
      });
      // whoever was signed in on this browser before it became a kiosk is signed out
      await signOutWarga(req, reply, d);
      setFlash(reply, t.berhasil);
      return redirect(reply, '/anjungan');
    },
  };
}
