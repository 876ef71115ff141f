import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { Deps } from '#src/deps.js';
import { getInstallationKabupaten } from '#src/features/instalasi/instalasi.service.js';
import { grantsWith } from '#src/lib/auth/grants.js';
import { parseForm } from '#src/lib/forms/form.js';
import { pageCtx, sendPage } from '#src/lib/http/page.js';
import { grantsOf } from '#src/lib/http/request.js';
import { AuditFilterSchema } from './audit.schema.js';
import { browseAudit } from './audit.service.js';
import { AuditPage } from './audit.views.js';

export function auditRoutes(d: Deps) {
  return {
    async browse(req: FastifyRequest, reply: FastifyReply) {
      const parsed = parseForm(AuditFilterSchema, req.query, req.m);
      const filter = parsed.ok ? parsed.data : AuditFilterSchema.parse({});
      const { rows, next, entities } = await browseAudit(d.db, grantsWith(grantsOf(req), 'read:audit'), filter);
      const installation = (await getInstallationKabupaten(d.db))?.nama ?? null;
      return sendPage(
        reply,
        parsed.ok ? 200 : 400,
        h(AuditPage, { ctx: pageCtx(req, reply, installation), rows, next, filter, entities }),
      );
    },
  };
}
