import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { z } from 'zod';
import type { Deps } from '#src/deps.js';
import { getInstallationKabupaten } from '#src/features/instalasi/instalasi.service.js';
import { pageCtx, sendPage } from '#src/lib/http/page.js';
import { param } from '#src/lib/http/request.js';
import { kunciPublik, periksaBerkas, verifikasiSurat } from './surat-verifikasi.service.js';
import { VerifikasiPage } from './surat-verifikasi.views.js';

const UploadSchema = z.object({ berkas: z.instanceof(Buffer).optional() });
/** tokens are base64url; anything else is answered "not valid" without touching the database */
const TOKEN = /^[A-Za-z0-9_-]{20,600}$/;

/** The public letter verification page (the QR's target) and the published token keys. */
export function suratVerifikasiRoutes(d: Deps) {
  const installation = async () => (await getInstallationKabupaten(d.db))?.nama ?? null;
  const check = (token: string) =>
    TOKEN.test(token) ? verifikasiSurat(d.db, token) : Promise.resolve({ keadaan: 'tidak_sah' as const });

  return {
    async page(req: FastifyRequest, reply: FastifyReply) {
      const token = param(req, 'token');
      const hasil = await check(token);
      reply.header('cache-control', 'no-store');
      reply.header('x-robots-tag', 'noindex');
      return sendPage(reply, 200, h(VerifikasiPage, { ctx: pageCtx(req, reply, await installation()), token, hasil }));
    },

    async upload(req: FastifyRequest, reply: FastifyReply) {
      const token = param(req, 'token');
      const hasil = await check(token);
      const parsed = UploadSchema.safeParse(req.body);
      const file = parsed.success ? parsed.data.berkas : undefined;
      const berkas = !file || file.length === 0 ? 'kosong' : periksaBerkas(hasil, file);
      reply.header('cache-control', 'no-store');
      return sendPage(
        reply,
        berkas === 'kosong' ? 400 : 200,
        h(VerifikasiPage, { ctx: pageCtx(req, reply, await installation()), token, hasil, berkas }),
      );
    },

    async keys(_req: FastifyRequest, reply: FastifyReply) {
      reply.header('cache-control', 'public, max-age=3600');
      return reply.send({ kunci: await kunciPublik(d.db) });
    },
  };
}
