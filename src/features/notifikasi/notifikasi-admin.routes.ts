import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { z } from 'zod';
import type { Deps } from '#src/deps.js';
import { regionTarget } from '#src/features/wilayah/wilayah.routes.js';
import { badRequest } from '#src/lib/errors.js';
import { requiredText } from '#src/lib/forms/fields.js';
import { type FormState, formStateFromError, parseForm } from '#src/lib/forms/form.js';
import { setFlash } from '#src/lib/http/flash.js';
import { pageCtx, sendPage } from '#src/lib/http/page.js';
import { actorOf, param, redirect } from '#src/lib/http/request.js';
import type { RouteDef } from '#src/lib/http/route.js';
import { hitungKeluar } from './notifikasi.repository.js';
import { daftarTemplat, kembalikanTemplat, simpanTemplat } from './notifikasi-admin.service.js';
import { NotifikasiAdminPage } from './notifikasi-admin.views.js';
import { JENIS_NOTIFIKASI } from './notifikasi-templat.js';
import { buatKodeTelegram } from './notifikasi-token.js';

const jenis = z.enum(JENIS_NOTIFIKASI, { error: 'pilihanTidakValid' });
const AksiSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('simpan'), jenis, subjek: requiredText(200), teks: requiredText(2000) }),
  z.object({ intent: z.literal('bawaan'), jenis }),
  z.object({ intent: z.literal('telegram-kode') }),
]);

/** The desa's notification page (admin-desa/operator: manage:mandiri on the desa). */
export function notifikasiAdminRouteDefs(d: Deps): RouteDef[] {
  const kanal = { telegram: Boolean(d.env.BALAI_TELEGRAM_TOKEN), email: Boolean(d.env.BALAI_SMTP_URL) };

  async function render(
    req: FastifyRequest,
    reply: FastifyReply,
    status: number,
    extra: { gagal?: { jenis: string; state: FormState }; kode_telegram?: string } = {},
  ) {
    const kode = param(req, 'kode');
    const [hitung, templat] = await Promise.all([hitungKeluar(d.db, kode), daftarTemplat(d.db, kode)]);
    reply.header('cache-control', 'no-store');
    return sendPage(
      reply,
      status,
      h(NotifikasiAdminPage, { ctx: pageCtx(req, reply), kode, kanal, hitung, templat, ...extra }),
    );
  }

  async function act(req: FastifyRequest, reply: FastifyReply) {
    const kode = param(req, 'kode');
    const parsed = parseForm(AksiSchema, req.body, req.m);
    const t = req.m.notifikasi.admin;
    const body = req.body as Record<string, unknown> | undefined;
    if (!parsed.ok) {
      const j = typeof body?.jenis === 'string' ? body.jenis : '';
      if (!(JENIS_NOTIFIKASI as readonly string[]).includes(j)) throw badRequest('invalid');
      return render(req, reply, 400, { gagal: { jenis: j, state: parsed.state } });
    }
    const a = parsed.data;
    const actor = actorOf(req);
    if (a.intent === 'telegram-kode') {
      if (!kanal.telegram) throw badRequest('notifikasiKanalMati');
      // shown on this response only
      return render(req, reply, 200, { kode_telegram: await buatKodeTelegram(d.db, { penggunaId: actor.penggunaId }) });
    }
    if (a.intent === 'bawaan') {
      await kembalikanTemplat(d.db, actor, kode, a.jenis);
      setFlash(reply, t.dikembalikan);
      return redirect(reply, `/desa/${kode}/notifikasi`);
    }
    try {
      await simpanTemplat(d.db, actor, kode, a);
    } catch (error) {
      const form = formStateFromError(error, req.body, req.m);
      if (!form) throw error;
      return render(req, reply, form.status, { gagal: { jenis: a.jenis, state: form.state } });
    }
    setFlash(reply, t.disimpan);
    return redirect(reply, `/desa/${kode}/notifikasi`);
  }

  return [
    {
      method: 'GET',
      url: '/desa/:kode/notifikasi',
      access: 'manage:mandiri',
      target: regionTarget,
      handler: (req, reply) => render(req, reply, 200),
    },
    { method: 'POST', url: '/desa/:kode/notifikasi', access: 'manage:mandiri', target: regionTarget, handler: act },
  ];
}
