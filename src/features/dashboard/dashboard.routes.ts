import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { Deps } from '#src/deps.js';
import { getInstallationKabupaten } from '#src/features/instalasi/instalasi.service.js';
import { pageCtx, sendPage } from '#src/lib/http/page.js';
import { grantsOf } from '#src/lib/http/request.js';
import { summarise } from './dashboard.service.js';
import { DashboardPage } from './dashboard.views.js';

export function dashboardRoutes(d: Deps) {
  return {
    async show(req: FastifyRequest, reply: FastifyReply) {
      const [summaries, installation] = await Promise.all([
        summarise(d.db, grantsOf(req)),
        getInstallationKabupaten(d.db),
      ]);
      return sendPage(
        reply,
        200,
        h(DashboardPage, { ctx: pageCtx(req, reply, installation?.nama ?? null), summaries }),
      );
    },
  };
}
