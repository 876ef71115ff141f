import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { Deps } from '#src/deps.js';
import * as mandiri from '#src/features/mandiri/mandiri.repository.js';
import { namaDesa } from '#src/features/mandiri/mandiri-desa.js';
import { wargaCtx } from '#src/features/mandiri/warga.routes.js';
import { kirimEmail } from '#src/features/notifikasi/notifikasi-email.js';
import { buatKodeTelegram } from '#src/features/notifikasi/notifikasi-token.js';
import { badRequest, notFound } from '#src/lib/errors.js';
import { type FormState, parseForm } from '#src/lib/forms/form.js';
import { setFlash } from '#src/lib/http/flash.js';
import { sendPage } from '#src/lib/http/page.js';
import { query, redirect } from '#src/lib/http/request.js';
import type { RouteDef } from '#src/lib/http/route.js';
import { fill, localise } from '#src/lib/i18n/messages.js';
import { AksiAkunWargaSchema, VerifikasiEmailSchema } from './warga-akun.schema.js';
import { AkunPage, VerifikasiEmailPage } from './warga-akun.views.js';
import { hapusEmail, mintaVerifikasiEmail, putuskanTelegram, verifikasiEmail } from './warga-kanal.service.js';

const AKUN = '/layanan-mandiri/akun';

/** The resident's account page (/layanan-mandiri/akun) and the email verification link's landing page. */
export function wargaAkunRouteDefs(d: Deps): RouteDef[] {
  const kanal = { telegram: Boolean(d.env.BALAI_TELEGRAM_TOKEN), email: Boolean(d.env.BALAI_SMTP_URL) };

  async function render(
    req: FastifyRequest,
    reply: FastifyReply,
    status: number,
    extra: { state?: FormState; kode?: string } = {},
  ) {
    const warga = req.warga;
    if (!warga) throw notFound();
    const akun = await mandiri.findAkun(d.db, warga.akunId);
    if (!akun) throw notFound();
    const data = {
      desa: await namaDesa(d.db, warga.desaKode),
      telegramTerhubung: akun.telegram_chat_id !== null,
      email: akun.email,
      emailTerverifikasi: akun.email_terverifikasi === 1,
      kanal,
    };
    reply.header('cache-control', 'no-store');
    return sendPage(reply, status, h(AkunPage, { ctx: wargaCtx(req, reply), data, ...extra }));
  }

  async function act(req: FastifyRequest, reply: FastifyReply) {
    const warga = req.warga;
    if (!warga) throw notFound();
    const parsed = parseForm(AksiAkunWargaSchema, req.body, req.m);
    if (!parsed.ok) return render(req, reply, 400, { state: parsed.state });
    const t = req.m.notifikasi.akun;
    const a = parsed.data;
    if (a.intent === 'telegram-kode') {
      if (!kanal.telegram) throw badRequest('notifikasiKanalMati');
      // the code is shown on this response only (not in a redirect, cookie or log)
      return render(req, reply, 200, { kode: await buatKodeTelegram(d.db, { akunId: warga.akunId }) });
    }
    if (a.intent === 'telegram-putus') {
      await putuskanTelegram(d.db, warga.akunId, warga.desaKode);
      setFlash(reply, t.telegramDiputus);
      return redirect(reply, AKUN);
    }
    if (a.intent === 'email-hapus') {
      await hapusEmail(d.db, warga.akunId, warga.desaKode);
      setFlash(reply, t.emailDihapus);
      return redirect(reply, AKUN);
    }
    const smtp = d.env.BALAI_SMTP_URL;
    if (!smtp) throw badRequest('notifikasiKanalMati');
    const token = await mintaVerifikasiEmail(d.db, warga.akunId, a.email, warga.desaKode);
    const base = d.env.BALAI_PUBLIC_URL?.replace(/\/+$/, '') ?? `${req.protocol}://${req.host}`;
    const v = req.m.notifikasi.verifikasi;
    const isi = fill(v.isi, {
      desa: await namaDesa(d.db, warga.desaKode),
      tautan: `${base}/layanan-mandiri/email?t=${token}`,
    });
    try {
      // sent at once, not through the outbox: the link is a secret and stays out of the database
      await kirimEmail({ url: smtp, dari: d.env.BALAI_SMTP_FROM }, a.email, v.subjek, isi);
    } catch (err) {
      req.log.warn({ err: err instanceof Error ? err.message : 'galat' }, 'email verifikasi gagal dikirim');
      const state = { values: { email: a.email }, errors: { email: localise('notifikasiEmailGagal', req.m) } };
      return render(req, reply, 502, { state });
    }
    setFlash(reply, fill(t.emailTerkirim, { email: a.email }));
    return redirect(reply, AKUN);
  }

  async function showVerifikasi(req: FastifyRequest, reply: FastifyReply) {
    const parsed = VerifikasiEmailSchema.safeParse(query(req));
    reply.header('cache-control', 'no-store');
    return sendPage(
      reply,
      200,
      h(VerifikasiEmailPage, { ctx: wargaCtx(req, reply), token: parsed.success ? parsed.data.t : null }),
    );
  }

  async function verifikasi(req: FastifyRequest, reply: FastifyReply) {
    const parsed = VerifikasiEmailSchema.safeParse(req.body);
    const akunId = parsed.success ? await verifikasiEmail(d.db, parsed.data.t) : null;
    const v = req.m.notifikasi.verifikasi;
    if (akunId === null)
      return sendPage(reply, 400, h(VerifikasiEmailPage, { ctx: wargaCtx(req, reply), token: null }));
    return sendPage(reply, 200, h(VerifikasiEmailPage, { ctx: wargaCtx(req, reply), token: null, pesan: v.berhasil }));
  }

  return [
    { method: 'GET', url: AKUN, access: 'warga', handler: (req, reply) => render(req, reply, 200) },
    { method: 'POST', url: AKUN, access: 'warga', handler: act },
    { method: 'GET', url: '/layanan-mandiri/email', access: 'public', handler: showVerifikasi },
    { method: 'POST', url: '/layanan-mandiri/email', access: 'public', handler: verifikasi },
  ];
}
