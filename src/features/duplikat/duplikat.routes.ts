import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { Deps } from '#src/deps.js';
import { getInstallationKabupaten } from '#src/features/instalasi/instalasi.service.js';
import { findGrant, grantsWith, type Target } from '#src/lib/auth/grants.js';
import { badRequest, notFound } from '#src/lib/errors.js';
import { parseForm } from '#src/lib/forms/form.js';
import { setFlash } from '#src/lib/http/flash.js';
import { pageCtx, sendPage } from '#src/lib/http/page.js';
import { actorOf, grantsOf, intParam, param, redirect } from '#src/lib/http/request.js';
import { findPair } from './duplikat.repository.js';
import { DuplikatActionSchema } from './duplikat.schema.js';
import { dismissPair, listQueue, mergePair, scanRegion } from './duplikat.service.js';
import { DuplikatPage } from './duplikat.views.js';

export function duplikatRoutes(d: Deps) {
  const reviewers = (req: FastifyRequest) => grantsWith(grantsOf(req), 'review:duplikat');

  async function render(req: FastifyRequest, reply: FastifyReply, scopes: string[], scanAction: string | null) {
    const pairs = await listQueue(d.db, scopes);
    const showNik = scopes.every((kode) => findGrant(grantsOf(req), 'read:nik', { kode }) !== null);
    const installation = (await getInstallationKabupaten(d.db))?.nama ?? null;
    return sendPage(
      reply,
      200,
      h(DuplikatPage, { ctx: pageCtx(req, reply, installation), pairs, showNik, scanAction }),
    );
  }

  return {
    /** Permission target of /duplikat/:id: the desa of the pair's first record (the service checks both). */
    async pairTarget(req: FastifyRequest): Promise<Target> {
      const pair = await findPair(d.db, intParam(req, 'id'));
      if (!pair) throw notFound();
      const a = await d.db
        .selectFrom('penduduk')
        .select('desa_kode')
        .where('id', '=', pair.penduduk_a)
        .executeTakeFirstOrThrow();
      return { kode: a.desa_kode };
    },

    desaQueue: (req: FastifyRequest, reply: FastifyReply) => {
      const kode = param(req, 'kode');
      return render(req, reply, [kode], `/desa/${kode}/duplikat/pindai`);
    },

    /** Across every scope the reviewer holds (the kabupaten sees pairs that span desa). */
    allQueue: (req: FastifyRequest, reply: FastifyReply) =>
      render(req, reply, [...new Set(reviewers(req).map((g) => g.lingkupKode))], null),

    async scan(req: FastifyRequest, reply: FastifyReply) {
      const kode = param(req, 'kode');
      const added = await scanRegion(d.db, kode);
      setFlash(reply, req.m.registry.antrian.pindaiHasil(added));
      return redirect(reply, `/desa/${kode}/duplikat`);
    },

    async act(req: FastifyRequest, reply: FastifyReply) {
      const id = intParam(req, 'id');
      const parsed = parseForm(DuplikatActionSchema, req.body, req.m);
      if (!parsed.ok) throw badRequest('pilihanTidakValid');
      const pair = await findPair(d.db, id);
      if (!pair) throw notFound();
      const first = await d.db
        .selectFrom('penduduk')
        .select('desa_kode')
        .where('id', '=', pair.penduduk_a)
        .executeTakeFirstOrThrow();
      if (parsed.data.intent === 'gabung') {
        await mergePair(d.db, actorOf(req), id, parsed.data.pertahankan_id, reviewers(req));
        setFlash(reply, req.m.registry.antrian.digabung);
        return redirect(reply, `/penduduk/${parsed.data.pertahankan_id}`);
      }
      await dismissPair(d.db, actorOf(req), id, reviewers(req));
      setFlash(reply, req.m.registry.antrian.diabaikan);
      return redirect(reply, `/desa/${first.desa_kode}/duplikat`);
    },
  };
}
