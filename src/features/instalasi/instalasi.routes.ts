import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { Deps } from '#src/deps.js';
import { signIn } from '#src/features/auth/sign-in.js';
import { listKabupatenKota } from '#src/features/wilayah/wilayah.service.js';
import { type FormState, formStateFromError, parseForm } from '#src/lib/forms/form.js';
import { setFlash } from '#src/lib/http/flash.js';
import { pageCtx, sendPage } from '#src/lib/http/page.js';
import { param, redirect } from '#src/lib/http/request.js';
import { SetupSchema } from './instalasi.schema.js';
import { completeSetup, isSetupLinkValid } from './instalasi.service.js';
import { SetupInvalidPage, SetupPage } from './instalasi.views.js';

export function instalasiRoutes(d: Deps) {
  async function render(req: FastifyRequest, reply: FastifyReply, status: number, state?: FormState) {
    const token = param(req, 'token');
    if (!(await isSetupLinkValid(d.db, token))) {
      return sendPage(reply, 404, h(SetupInvalidPage, { ctx: pageCtx(req, reply) }));
    }
    const kabupaten = await listKabupatenKota(d.db);
    return sendPage(reply, status, h(SetupPage, { ctx: pageCtx(req, reply), token, kabupaten, state }));
  }

  return {
    showSetup: (req: FastifyRequest, reply: FastifyReply) => render(req, reply, 200),

    async setup(req: FastifyRequest, reply: FastifyReply) {
      const parsed = parseForm(SetupSchema, req.body, req.m);
      if (!parsed.ok) return render(req, reply, 400, parsed.state);
      let userId: number;
      try {
        userId = await completeSetup(d.db, param(req, 'token'), parsed.data);
      } catch (error) {
        const failed = formStateFromError(error, req.body, req.m);
        if (!failed || failed.status === 404) throw error;
        return render(req, reply, failed.status, failed.state);
      }
      await signIn(req, reply, d, { id: userId, username: parsed.data.username });
      setFlash(reply, req.m.flash.setupSelesai);
      return redirect(reply, '/');
    },
  };
}
