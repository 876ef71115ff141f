import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { Deps } from '#src/deps.js';
import { getInstallationKabupaten } from '#src/features/instalasi/instalasi.service.js';
import { isHttpError } from '#src/lib/errors.js';
import { formStateFromError, keepValues, parseForm } from '#src/lib/forms/form.js';
import { setFlash } from '#src/lib/http/flash.js';
import { pageCtx, sendPage } from '#src/lib/http/page.js';
import { actorOf, query, redirect, safeReturnPath } from '#src/lib/http/request.js';
import { LANG_COOKIE, localise } from '#src/lib/i18n/messages.js';
import { ChangePasswordSchema, LanguageSchema, LoginSchema } from './auth.schema.js';
import { ChangePasswordPage, LoginPage } from './auth.views.js';
import { changeOwnPassword, verifyLogin } from './login.service.js';
import { endAllSessions, endSession } from './session.service.js';
import { clearSessionCookie, setPreferenceCookie, signIn } from './sign-in.js';

export function authRoutes(d: Deps) {
  const installation = async () => (await getInstallationKabupaten(d.db))?.nama ?? null;

  async function renderLogin(
    req: FastifyRequest,
    reply: FastifyReply,
    status: number,
    state?: Parameters<typeof LoginPage>[0]['state'],
  ) {
    const lanjut = safeReturnPath(query(req).lanjut ?? (req.body as { lanjut?: string } | undefined)?.lanjut, '');
    return sendPage(reply, status, h(LoginPage, { ctx: pageCtx(req, reply, await installation()), state, lanjut }));
  }

  return {
    async showLogin(req: FastifyRequest, reply: FastifyReply) {
      if (req.auth) return redirect(reply, '/');
      return renderLogin(req, reply, 200);
    },

    async login(req: FastifyRequest, reply: FastifyReply) {
      const parsed = parseForm(LoginSchema, req.body, req.m);
      if (!parsed.ok) return renderLogin(req, reply, 400, parsed.state);
      let user: { id: number; username: string };
      try {
        user = await verifyLogin(d.db, { username: parsed.data.username, password: parsed.data.sandi, ip: req.ip });
      } catch (error) {
        if (!isHttpError(error) || error.status >= 500) throw error;
        reply.headers(error.headers);
        const state = { values: keepValues(req.body), errors: {}, message: localise(error.key, req.m, error.params) };
        return renderLogin(req, reply, error.status, state);
      }
      await signIn(req, reply, d, user);
      setFlash(reply, req.m.flash.masuk);
      return redirect(reply, safeReturnPath(parsed.data.lanjut));
    },

    async logout(req: FastifyRequest, reply: FastifyReply) {
      const current = req.auth?.session?.idHash;
      if (current) await endSession(d.db, current);
      clearSessionCookie(reply, d);
      setFlash(reply, req.m.flash.keluar);
      return redirect(reply, '/masuk');
    },

    async logoutEverywhere(req: FastifyRequest, reply: FastifyReply) {
      await endAllSessions(d.db, actorOf(req).penggunaId);
      clearSessionCookie(reply, d);
      setFlash(reply, req.m.flash.keluarSemua);
      return redirect(reply, '/masuk');
    },

    async showChangePassword(req: FastifyRequest, reply: FastifyReply) {
      return sendPage(reply, 200, h(ChangePasswordPage, { ctx: pageCtx(req, reply, await installation()) }));
    },

    async changePassword(req: FastifyRequest, reply: FastifyReply) {
      const parsed = parseForm(ChangePasswordSchema, req.body, req.m);
      const render = async (status: number, state: Parameters<typeof ChangePasswordPage>[0]['state']) =>
        sendPage(reply, status, h(ChangePasswordPage, { ctx: pageCtx(req, reply, await installation()), state }));
      if (!parsed.ok) return render(400, parsed.state);
      try {
        await changeOwnPassword(
          d.db,
          actorOf(req),
          { lama: parsed.data.sandi_lama, baru: parsed.data.sandi },
          req.auth?.session?.idHash,
        );
      } catch (error) {
        const failed = formStateFromError(error, req.body, req.m);
        if (!failed) throw error;
        return render(failed.status, failed.state);
      }
      setFlash(reply, req.m.flash.sandiDiganti);
      return redirect(reply, '/');
    },

    /** Machine clients: who the token (or session) acts as, with its roles. */
    async me(req: FastifyRequest, reply: FastifyReply) {
      const auth = req.auth;
      if (!auth) throw new Error('me tanpa pengguna');
      return reply.header('cache-control', 'no-store').send({
        username: auth.user.username,
        nama: auth.user.nama,
        peran: auth.grants.map((g) => ({ peran: g.peran, lingkup: g.lingkupKode, lingkungan_id: g.lingkunganId })),
        via: auth.via,
      });
    },

    async setLanguage(req: FastifyRequest, reply: FastifyReply) {
      const parsed = parseForm(LanguageSchema, req.body, req.m);
      const back = safeReturnPath((req.body as { kembali?: string } | undefined)?.kembali);
      if (parsed.ok) setPreferenceCookie(reply, d, LANG_COOKIE, parsed.data.bahasa);
      return redirect(reply, back);
    },
  };
}
