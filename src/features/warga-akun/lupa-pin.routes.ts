import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { Deps } from '#src/deps.js';
import { namaDesa } from '#src/features/mandiri/mandiri-desa.js';
import { wargaCtx } from '#src/features/mandiri/warga.routes.js';
import { kirimEmail } from '#src/features/notifikasi/notifikasi-email.js';
import { tokenBerlaku } from '#src/features/notifikasi/notifikasi-token.js';
import { formStateFromError, parseForm } from '#src/lib/forms/form.js';
import { setFlash } from '#src/lib/http/flash.js';
import { sendPage } from '#src/lib/http/page.js';
import { query, redirect } from '#src/lib/http/request.js';
import type { RouteDef } from '#src/lib/http/route.js';
import { fill } from '#src/lib/i18n/messages.js';
import { aturPinDariTautan, mintaLupaPin } from './lupa-pin.service.js';
import { AturPinPage, LupaPinPage } from './lupa-pin.views.js';
import { AturPinSchema, LupaPinSchema } from './warga-akun.schema.js';

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

/** Forgotten PIN by email link (public pages; the Telegram way is the bot's /pin). */
export function lupaPinRouteDefs(d: Deps): RouteDef[] {
  type LupaProps = Omit<Parameters<typeof LupaPinPage>[0], 'ctx'>;
  type AturProps = Omit<Parameters<typeof AturPinPage>[0], 'ctx'>;
  const lupa = (req: FastifyRequest, reply: FastifyReply, status: number, props: LupaProps) => {
    reply.header('cache-control', 'no-store');
    return sendPage(reply, status, h(LupaPinPage, { ctx: wargaCtx(req, reply), ...props }));
  };
  const aturPage = (req: FastifyRequest, reply: FastifyReply, status: number, props: AturProps) => {
    reply.header('cache-control', 'no-store');
    return sendPage(reply, status, h(AturPinPage, { ctx: wargaCtx(req, reply), ...props }));
  };

  async function minta(req: FastifyRequest, reply: FastifyReply) {
    const parsed = parseForm(LupaPinSchema, req.body, req.m);
    if (!parsed.ok) return lupa(req, reply, 400, { state: parsed.state });
    const t = req.m.notifikasi.lupa;
    const hasil = await mintaLupaPin(d.db, parsed.data.nik, req.ip);
    if (hasil.terkunci > 0) {
      reply.header('retry-after', String(hasil.terkunci));
      const message = fill(t.terkunci, { menit: Math.ceil(hasil.terkunci / 60) });
      return lupa(req, reply, 429, { state: { values: {}, errors: {}, message } });
    }
    const smtp = d.env.BALAI_SMTP_URL;
    if ('kirim' in hasil && hasil.kirim && smtp) {
      const { email, token, desaKode } = hasil.kirim;
      const base = d.env.BALAI_PUBLIC_URL?.replace(/\/+$/, '') ?? `${req.protocol}://${req.host}`;
      const isi = fill(t.isi, {
        desa: await namaDesa(d.db, desaKode),
        tautan: `${base}/layanan-mandiri/lupa-pin/atur?t=${token}`,
      });
      // not awaited: the answer takes as long whether or not a link goes out (no hint that the NIK exists)
      kirimEmail({ url: smtp, dari: d.env.BALAI_SMTP_FROM }, email, t.subjek, isi).catch((err: unknown) =>
        req.log.warn({ err: err instanceof Error ? err.message : 'galat' }, 'email lupa PIN gagal dikirim'),
      );
    }
    return lupa(req, reply, 200, { pesan: t.terkirim });
  }

  async function showAtur(req: FastifyRequest, reply: FastifyReply) {
    const t = query(req).t;
    const live = typeof t === 'string' && TOKEN.test(t) && (await tokenBerlaku(d.db, t, 'pin-email'));
    return aturPage(req, reply, 200, { token: live ? t : null });
  }

  async function atur(req: FastifyRequest, reply: FastifyReply) {
    const parsed = parseForm(AturPinSchema, req.body, req.m);
    const body = req.body as Record<string, unknown> | undefined;
    const token = typeof body?.t === 'string' && TOKEN.test(body.t) ? body.t : null;
    if (!parsed.ok) return aturPage(req, reply, 400, { token, state: { ...parsed.state, values: {} } });
    try {
      const ok = await aturPinDariTautan(d.db, parsed.data.t, parsed.data.pin_baru, parsed.data.ulangi);
      if (!ok) return aturPage(req, reply, 400, { token: null });
    } catch (error) {
      const form = formStateFromError(error, req.body, req.m);
      if (!form) throw error;
      return aturPage(req, reply, form.status, { token, state: { ...form.state, values: {} } });
    }
    setFlash(reply, req.m.notifikasi.lupa.berhasil);
    return redirect(reply, '/layanan-mandiri/masuk');
  }

  return [
    {
      method: 'GET',
      url: '/layanan-mandiri/lupa-pin',
      access: 'public',
      handler: async (req, reply) => lupa(req, reply, 200, {}),
    },
    { method: 'POST', url: '/layanan-mandiri/lupa-pin', access: 'public', handler: minta },
    { method: 'GET', url: '/layanan-mandiri/lupa-pin/atur', access: 'public', handler: showAtur },
    { method: 'POST', url: '/layanan-mandiri/lupa-pin/atur', access: 'public', handler: atur },
  ];
}
