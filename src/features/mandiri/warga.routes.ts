import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { Deps } from '#src/deps.js';
import { type KioskCtx, kioskCtx } from '#src/features/anjungan/anjungan-layout.js';
import { type FormState, formStateFromError, keepValues, parseForm } from '#src/lib/forms/form.js';
import { setFlash, takeFlash } from '#src/lib/http/flash.js';
import { sendPage } from '#src/lib/http/page.js';
import { redirect, safeReturnPath } from '#src/lib/http/request.js';
import { fill } from '#src/lib/i18n/messages.js';
import type { PageCtx } from '#src/lib/views/page-context.js';
import { GantiPinSchema, MasukWargaSchema } from './mandiri.schema.js';
import { namaDesa } from './mandiri-desa.js';
import { BerandaWargaPage, GantiPinPage, MasukWargaPage } from './warga.views.js';
import { gantiPin } from './warga-akun.service.js';
import { masukDenganNik } from './warga-masuk.service.js';
import { endWargaSesi, SESI_WARGA, startWargaSesi } from './warga-sesi.service.js';

export const WARGA_HOME = '/layanan-mandiri';

/** The page context of a resident's page: their own CSRF token, no staff menu. */
export function wargaCtx(req: FastifyRequest, reply: FastifyReply): PageCtx & KioskCtx {
  return {
    // at the kiosk the session was opened at: the touch layout and its idle timer
    ...kioskCtx(req, req.anjungan?.idleDetik ?? 60),
    m: req.m,
    lang: req.lang,
    user: null,
    csrf: req.warga?.sesi.csrf ?? null,
    flash: takeFlash(req, reply),
    nav: [],
    path: req.url.split('?')[0] ?? '/',
    installation: null,
  };
}

function cookie(d: Deps, maxAge?: number) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: d.cookies.secure,
    ...(maxAge === undefined ? {} : { maxAge }),
  };
}

/** Sign the resident in (a fresh session; any previous one of this browser ends) and set the cookie. */
export async function signInWarga(
  req: FastifyRequest,
  reply: FastifyReply,
  d: Deps,
  akunId: number,
  anjunganId: number | null = null,
) {
  if (req.warga) await endWargaSesi(d.db, req.warga.sesi.idHash);
  const s = await startWargaSesi(d.db, akunId, anjunganId);
  reply.setCookie(d.cookies.warga, s.token, cookie(d, anjunganId === null ? SESI_WARGA.maxMinutes * 60 : undefined));
}

export async function signOutWarga(req: FastifyRequest, reply: FastifyReply, d: Deps) {
  if (req.warga) await endWargaSesi(d.db, req.warga.sesi.idHash);
  reply.clearCookie(d.cookies.warga, cookie(d));
}

/** Resident login, logout, PIN change and home. */
export function wargaRoutes(d: Deps) {
  const renderMasuk = (req: FastifyRequest, reply: FastifyReply, status: number, state?: FormState, lanjut?: string) =>
    sendPage(reply, status, h(MasukWargaPage, { ctx: wargaCtx(req, reply), state, lanjut }));

  return {
    async showMasuk(req: FastifyRequest, reply: FastifyReply) {
      if (req.warga) return redirect(reply, WARGA_HOME);
      const lanjut = (req.query as Record<string, string | undefined>).lanjut;
      return renderMasuk(req, reply, 200, undefined, lanjut);
    },

    async masuk(req: FastifyRequest, reply: FastifyReply) {
      const parsed = parseForm(MasukWargaSchema, req.body, req.m);
      if (!parsed.ok) {
        parsed.state.values.pin = '';
        return renderMasuk(req, reply, 400, parsed.state);
      }
      const hasil = await masukDenganNik(d.db, parsed.data.nik, parsed.data.pin, req.ip);
      if (!hasil.ok) {
        const values = { ...keepValues(req.body), pin: '' };
        const t = req.m.mandiri.masuk;
        if (hasil.alasan === 'terkunci') {
          reply.header('retry-after', String(hasil.detik));
          const message = fill(t.terkunci, { menit: Math.ceil(hasil.detik / 60) });
          return renderMasuk(req, reply, 429, { values, errors: {}, message });
        }
        return renderMasuk(req, reply, 401, { values, errors: {}, message: t.gagal }, parsed.data.lanjut);
      }
      await signInWarga(req, reply, d, hasil.akunId);
      const lanjut = safeReturnPath(parsed.data.lanjut, WARGA_HOME);
      // 302 as the acceptance interface states (a POST answered with a GET-able page either way)
      return reply.redirect(lanjut.startsWith(WARGA_HOME) ? lanjut : WARGA_HOME, 302);
    },

    async keluar(req: FastifyRequest, reply: FastifyReply) {
      await signOutWarga(req, reply, d);
      return redirect(reply, '/layanan-mandiri/masuk');
    },

    async showPin(req: FastifyRequest, reply: FastifyReply) {
      const wajib = req.warga?.harusGantiPin ?? false;
      return sendPage(reply, 200, h(GantiPinPage, { ctx: wargaCtx(req, reply), wajib }));
    },

    async pin(req: FastifyRequest, reply: FastifyReply) {
      const warga = req.warga;
      if (!warga) throw new Error('pin without a resident');
      const wajib = warga.harusGantiPin;
      const parsed = parseForm(GantiPinSchema, req.body, req.m);
      const blank = (state: FormState) => ({ ...state, values: {} });
      if (!parsed.ok)
        return sendPage(reply, 400, h(GantiPinPage, { ctx: wargaCtx(req, reply), state: blank(parsed.state), wajib }));
      try {
        await gantiPin(
          d.db,
          warga.akunId,
          { pinLama: parsed.data.pin_lama, pinBaru: parsed.data.pin_baru, ulangi: parsed.data.ulangi },
          warga.sesi.idHash,
        );
      } catch (error) {
        const form = formStateFromError(error, req.body, req.m);
        if (!form) throw error;
        return sendPage(
          reply,
          form.status,
          h(GantiPinPage, { ctx: wargaCtx(req, reply), state: blank(form.state), wajib }),
        );
      }
      setFlash(reply, req.m.mandiri.pin.berhasil);
      return redirect(reply, WARGA_HOME);
    },

    async beranda(req: FastifyRequest, reply: FastifyReply) {
      const warga = req.warga;
      if (!warga) throw new Error('home without a resident');
      const desa = await namaDesa(d.db, warga.desaKode);
      return sendPage(reply, 200, h(BerandaWargaPage, { ctx: wargaCtx(req, reply), nama: warga.nama, desa }));
    },
  };
}
