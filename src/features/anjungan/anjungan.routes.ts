import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { Deps } from '#src/deps.js';
import type { AnjunganState } from '#src/features/mandiri/anjungan-state.js';
import { namaDesa } from '#src/features/mandiri/mandiri-desa.js';
import { signInWarga, signOutWarga, wargaCtx } from '#src/features/mandiri/warga.routes.js';
import type { HasilMasuk } from '#src/features/mandiri/warga-masuk.service.js';
import type { WargaState } from '#src/features/mandiri/warga-sesi.service.js';
import { safeEqual } from '#src/lib/auth/tokens.js';
import { forbidden } from '#src/lib/errors.js';
import { type FormState, formStateFromError, parseForm } from '#src/lib/forms/form.js';
import { setFlash } from '#src/lib/http/flash.js';
import { sendPage } from '#src/lib/http/page.js';
import { intParam, query, redirect } from '#src/lib/http/request.js';
import { WARGA_PIN_PAGE } from '#src/lib/http/route.js';
import { fill } from '#src/lib/i18n/messages.js';
import { KartuSchema, NikAnjunganSchema, PinKartuSchema } from './anjungan.schema.js';
import { BerandaAnjunganPage, KartuSayaPage, LayananPage, NikPage, PinPage } from './anjungan.views.js';
import { infoDesa } from './anjungan-beranda.service.js';
import { normalisasiUid } from './anjungan-kartu.js';
import { daftarkanKartu, masukDenganKartu, masukDenganNikDiAnjungan, punyaKartu } from './anjungan-masuk.service.js';
import { tiketPermohonan } from './anjungan-tiket.service.js';
import { TiketPage } from './anjungan-tiket.views.js';

/** The resident signed in at this very kiosk (a session from elsewhere does not count here). */
function wargaDiSini(req: FastifyRequest): WargaState | null {
  const w = req.warga;
  return w && req.anjungan && w.anjunganId === req.anjungan.id ? w : null;
}

function kiosk(req: FastifyRequest): AnjunganState {
  if (!req.anjungan) throw forbidden('anjunganTidakDikenal');
  return req.anjungan;
}

/**
 * The kiosk (access 'anjungan': a browser holding a registered kiosk's device token): home with the desa's
 * info, sign-in by e-KTP tap or NIK + PIN, the resident's menu, card registration, queue tickets, and the end
 * of a resident's session (idle or "done"). Resident pages check the resident's own session and CSRF token here,
 * so that a kiosk without one goes back home rather than to the phone login.
 */
export function anjunganRoutes(d: Deps) {
  const idleDetik = d.env.BALAI_ANJUNGAN_IDLE_DETIK;
  const base = (req: FastifyRequest, reply: FastifyReply) => ({ ctx: wargaCtx(req, reply), idleDetik, desa: '' });
  const nama = (req: FastifyRequest) => namaDesa(d.db, kiosk(req).desaKode);
  const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store');

  const renderBeranda = async (req: FastifyRequest, reply: FastifyReply, status: number, state?: FormState) => {
    const info = await infoDesa(d, kiosk(req).desaKode);
    noStore(reply);
    return sendPage(
      reply,
      status,
      h(BerandaAnjunganPage, { ...base(req, reply), desa: info.nama, info, state, lanjut: wargaDiSini(req) !== null }),
    );
  };

  /** After a PIN check: sign in with a kiosk session, or the same page again with the refusal. */
  const selesaiMasuk = async (
    req: FastifyRequest,
    reply: FastifyReply,
    hasil: HasilMasuk,
    ulang: (status: number, message: string) => unknown,
    gagal: string,
  ) => {
    if (!hasil.ok) {
      if (hasil.alasan === 'terkunci') {
        reply.header('retry-after', String(hasil.detik));
        return ulang(429, fill(req.m.anjungan.masuk.terkunci, { menit: Math.ceil(hasil.detik / 60) }));
      }
      return ulang(401, gagal);
    }
    await signInWarga(req, reply, d, hasil.akunId, kiosk(req).id);
    return redirect(reply, '/anjungan/layanan');
  };

  /** A resident page at the kiosk: the resident signed in here, else home; a forced PIN change comes first. */
  const wargaAtau = (req: FastifyRequest, reply: FastifyReply): WargaState | null => {
    const w = wargaDiSini(req);
    if (!w) {
      redirect(reply, '/anjungan');
      return null;
    }
    if (w.harusGantiPin) {
      redirect(reply, WARGA_PIN_PAGE);
      return null;
    }
    if (req.method !== 'GET') {
      const sent = (req.body as Record<string, unknown> | undefined)?._csrf;
      if (typeof sent !== 'string' || !safeEqual(sent, w.sesi.csrf)) throw forbidden('csrfTidakValid');
    }
    return w;
  };

  return {
    beranda: (req: FastifyRequest, reply: FastifyReply) => renderBeranda(req, reply, 200),

    /** The card reader typed a UID (+ Enter): the PIN pad, with the normalised UID carried in the form. */
    async kartu(req: FastifyRequest, reply: FastifyReply) {
      const parsed = parseForm(KartuSchema, req.body, req.m);
      const uid = parsed.ok ? normalisasiUid(parsed.data.uid) : null;
      if (!uid) {
        const message = req.m.anjungan.masuk.kartuTidakTerbaca;
        return renderBeranda(req, reply, 400, { values: {}, errors: { uid: message }, message });
      }
      noStore(reply);
      return sendPage(reply, 200, h(PinPage, { ...base(req, reply), desa: await nama(req), uid }));
    },

    async pin(req: FastifyRequest, reply: FastifyReply) {
      const parsed = parseForm(PinKartuSchema, req.body, req.m);
      const uid = parsed.ok ? parsed.data.uid : '';
      const desa = await nama(req);
      const ulang = (status: number, message: string) => {
        noStore(reply);
        const state = { values: {}, errors: {}, message };
        return sendPage(reply, status, h(PinPage, { ...base(req, reply), desa, uid, state }));
      };
      if (!parsed.ok) return ulang(400, req.m.anjungan.masuk.gagal);
      const hasil = await masukDenganKartu(d.db, kiosk(req).desaKode, uid, parsed.data.pin, kiosk(req).id);
      return selesaiMasuk(req, reply, hasil, ulang, req.m.anjungan.masuk.gagal);
    },

    async showNik(req: FastifyRequest, reply: FastifyReply) {
      noStore(reply);
      return sendPage(reply, 200, h(NikPage, { ...base(req, reply), desa: await nama(req) }));
    },

    async nik(req: FastifyRequest, reply: FastifyReply) {
      const desa = await nama(req);
      const parsed = parseForm(NikAnjunganSchema, req.body, req.m);
      const page = (status: number, state: FormState) => {
        noStore(reply);
        return sendPage(reply, status, h(NikPage, { ...base(req, reply), desa, state }));
      };
      if (!parsed.ok) return page(400, { ...parsed.state, values: { nik: parsed.state.values.nik ?? '' } });
      const { nik, pin } = parsed.data;
      const hasil = await masukDenganNikDiAnjungan(d.db, kiosk(req).desaKode, nik, pin, kiosk(req).id);
      const ulang = (status: number, message: string) => page(status, { values: { nik }, errors: {}, message });
      return selesaiMasuk(req, reply, hasil, ulang, req.m.anjungan.masuk.gagalNik);
    },

    async layanan(req: FastifyRequest, reply: FastifyReply) {
      const w = wargaAtau(req, reply);
      if (!w) return reply;
      noStore(reply);
      return sendPage(reply, 200, h(LayananPage, { ...base(req, reply), desa: await nama(req), nama: w.nama }));
    },

    async showKartuSaya(req: FastifyRequest, reply: FastifyReply) {
      const w = wargaAtau(req, reply);
      if (!w) return reply;
      return renderKartuSaya(req, reply, w, 200);
    },

    async kartuSaya(req: FastifyRequest, reply: FastifyReply) {
      const w = wargaAtau(req, reply);
      if (!w) return reply;
      const parsed = parseForm(KartuSchema, req.body, req.m);
      try {
        await daftarkanKartu(d.db, w.akunId, parsed.ok ? parsed.data.uid : '', req);
      } catch (error) {
        const form = formStateFromError(error, req.body, req.m);
        if (!form) throw error;
        return renderKartuSaya(req, reply, w, form.status, { ...form.state, values: {} });
      }
      setFlash(reply, req.m.anjungan.kartu.berhasil);
      return redirect(reply, '/anjungan/layanan');
    },

    /** The end of a resident's turn (idle timer, "done" button, or the page refresh without JavaScript). */
    async selesai(req: FastifyRequest, reply: FastifyReply) {
      kiosk(req);
      // any resident session in the kiosk's browser ends, also one opened through the phone login by mistake
      await signOutWarga(req, reply, d);
      return redirect(reply, '/anjungan');
    },

    async tiket(req: FastifyRequest, reply: FastifyReply) {
      const w = wargaAtau(req, reply);
      if (!w) return reply;
      const tiket = await tiketPermohonan(d.db, w, kiosk(req).desaKode, intParam(req, 'id'));
      const kertas = query(req).kertas === '80' ? 80 : 58;
      noStore(reply);
      return sendPage(reply, 200, h(TiketPage, { ctx: wargaCtx(req, reply), idleDetik, tiket, kertas }));
    },
  };

  async function renderKartuSaya(
    req: FastifyRequest,
    reply: FastifyReply,
    w: WargaState,
    status: number,
    state?: FormState,
  ) {
    noStore(reply);
    const props = { ...base(req, reply), desa: await nama(req), punyaKartu: await punyaKartu(d.db, w.akunId), state };
    return sendPage(reply, status, h(KartuSayaPage, props));
  }
}
