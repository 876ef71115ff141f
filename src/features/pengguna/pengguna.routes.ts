import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { Deps } from '#src/deps.js';
import { getInstallationKabupaten } from '#src/features/instalasi/instalasi.service.js';
import { findGrant, grantsWith, type Target } from '#src/lib/auth/grants.js';
import { notFound } from '#src/lib/errors.js';
import { type FormState, formStateFromError, parseForm } from '#src/lib/forms/form.js';
import { setFlash } from '#src/lib/http/flash.js';
import { pageCtx, sendPage } from '#src/lib/http/page.js';
import { actorOf, grantsOf, intParam, redirect } from '#src/lib/http/request.js';
import { findUserById } from './pengguna.repository.js';
import { CreateUserSchema, UserActionSchema } from './pengguna.schema.js';
import { applyUserAction, createUser, getUserWithGrants, listUsers } from './pengguna.service.js';
import { NewUserPage, UserDetailPage, UserListPage } from './pengguna.views.js';
import { assignmentOptions } from './pengguna-options.service.js';

export function penggunaRoutes(d: Deps) {
  const installation = async () => (await getInstallationKabupaten(d.db))?.nama ?? null;

  async function renderNew(req: FastifyRequest, reply: FastifyReply, status: number, state?: FormState) {
    const options = await assignmentOptions(d.db, grantsOf(req));
    return sendPage(reply, status, h(NewUserPage, { ctx: pageCtx(req, reply, await installation()), options, state }));
  }

  async function renderDetail(
    req: FastifyRequest,
    reply: FastifyReply,
    status: number,
    failed: { intent: string; state: FormState } | null = null,
  ) {
    const user = await getUserWithGrants(d.db, intParam(req, 'id'));
    const grants = grantsOf(req);
    const canManage = findGrant(grants, 'manage:pengguna', { kode: user.lingkup_kode }) !== null;
    const options = canManage ? await assignmentOptions(d.db, grants) : null;
    return sendPage(
      reply,
      status,
      h(UserDetailPage, { ctx: pageCtx(req, reply, await installation()), user, grants, options, failed }),
    );
  }

  return {
    /** Permission target of /pengguna/:id: the account's home region. */
    async userTarget(req: FastifyRequest): Promise<Target> {
      const user = await findUserById(d.db, intParam(req, 'id'));
      if (!user) throw notFound('penggunaTidakDitemukan');
      return { kode: user.lingkup_kode };
    },

    async list(req: FastifyRequest, reply: FastifyReply) {
      const grants = grantsOf(req);
      const users = await listUsers(
        d.db,
        grantsWith(grants, 'read:pengguna').map((g) => g.lingkupKode),
      );
      const canCreate = findGrant(grants, 'manage:pengguna', null) !== null;
      return sendPage(
        reply,
        200,
        h(UserListPage, { ctx: pageCtx(req, reply, await installation()), users, canCreate }),
      );
    },

    showNew: (req: FastifyRequest, reply: FastifyReply) => renderNew(req, reply, 200),

    async create(req: FastifyRequest, reply: FastifyReply) {
      const parsed = parseForm(CreateUserSchema, req.body, req.m);
      if (!parsed.ok) return renderNew(req, reply, 400, parsed.state);
      const { username, nama, email, sandi, peran, lingkup_kode, lingkungan_id } = parsed.data;
      let id: number;
      try {
        id = await createUser(
          d.db,
          actorOf(req),
          { username, nama, email, sandi, harusGantiSandi: true, assignment: { peran, lingkup_kode, lingkungan_id } },
          grantsWith(grantsOf(req), 'manage:pengguna'),
        );
      } catch (error) {
        const failed = formStateFromError(error, req.body, req.m);
        if (!failed) throw error;
        return renderNew(req, reply, failed.status, failed.state);
      }
      setFlash(reply, req.m.flash.penggunaDibuat);
      return redirect(reply, `/pengguna/${id}`);
    },

    show: (req: FastifyRequest, reply: FastifyReply) => renderDetail(req, reply, 200),

    async act(req: FastifyRequest, reply: FastifyReply) {
      const id = intParam(req, 'id');
      const intent = String((req.body as { intent?: unknown } | undefined)?.intent ?? '');
      const parsed = parseForm(UserActionSchema, req.body, req.m);
      if (!parsed.ok) return renderDetail(req, reply, 400, { intent, state: parsed.state });
      try {
        await applyUserAction(d.db, actorOf(req), grantsWith(grantsOf(req), 'manage:pengguna'), id, parsed.data);
      } catch (error) {
        const failed = formStateFromError(error, req.body, req.m);
        if (!failed || failed.status === 404) throw error;
        return renderDetail(req, reply, failed.status, { intent, state: failed.state });
      }
      setFlash(reply, req.m.flash.disimpan);
      return redirect(reply, `/pengguna/${id}`);
    },
  };
}
