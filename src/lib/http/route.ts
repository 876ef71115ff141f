import type { FastifyReply, FastifyRequest } from 'fastify';
import { findGrant, grantsWith, type Target } from '#src/lib/auth/grants.js';
import type { Permission } from '#src/lib/auth/roles.js';
import { safeEqual } from '#src/lib/auth/tokens.js';
import { forbidden, HttpError, unauthorized } from '#src/lib/errors.js';
import { verifyCsrfToken, verifySameOrigin } from './csrf.js';
import { isApi } from './request.js';

/**
 * Every route declares who may call it: a permission (checked against the user's role scopes on the
 * route's target), `authenticated` (any signed-in user), `public`, `warga` (a resident signed in to layanan
 * mandiri, on a phone or at a kiosk) or `anjungan` (a registered kiosk device). The route table in src/routes.ts
 * is the only place routes are registered; a route without an access rule does not type-check, and the
 * role × route test walks the table.
 */
export type Access = Permission | 'authenticated' | 'public' | 'warga' | 'anjungan';

/** Where a resident without a session is sent (layanan mandiri). */
export const WARGA_LOGIN = '/layanan-mandiri/masuk';

export interface RouteDef {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  access: Access;
  /** where the permission is asked for; omitted or null = anywhere the user holds it */
  target?: (req: FastifyRequest) => Promise<Target | null> | Target | null;
  /** reachable while the user must still change an admin-set password */
  duringPasswordChange?: boolean;
  /** called by a machine that proves itself with its own secret header (a webhook): no same-origin check */
  crossSite?: boolean;
  bodyLimit?: number;
  /** largest file of a multipart upload to this route (instead of BALAI_UPLOAD_LIMIT) */
  fileLimit?: number;
  handler: (req: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** the route's declared access rule (see src/routes.ts) */
    access?: Access;
  }
}

export const PASSWORD_PAGE = '/akun/sandi';

/**
 * Before a large body is read: the caller is signed in and holds the route's permission somewhere (where
 * exactly, and the CSRF token, are checked by requirePermission once the body is parsed).
 */
export async function requireHolder(req: FastifyRequest, def: RouteDef) {
  if (def.access === 'public' || def.access === 'authenticated') return;
  if (def.access === 'warga') {
    if (!req.warga) throw unauthorized();
    return;
  }
  if (def.access === 'anjungan') {
    if (!req.anjungan) throw forbidden('anjunganTidakDikenal');
    return;
  }
  if (!req.auth) throw unauthorized();
  if (grantsWith(req.auth.grants, def.access).length === 0) throw forbidden();
}

/** The one permission check, run before every handler: requirePermission for the route's declared access. */
export async function requirePermission(
  req: FastifyRequest,
  reply: FastifyReply,
  def: RouteDef,
  origins: readonly string[],
) {
  const changes = req.method !== 'GET' && req.method !== 'HEAD';
  if (changes && !def.crossSite) verifySameOrigin(req, origins);
  if (def.access === 'public') return;
  if (def.access === 'warga') return requireWarga(req, reply, def, changes);
  if (def.access === 'anjungan') {
    if (!req.anjungan) throw forbidden('anjunganTidakDikenal');
    return;
  }

  const auth = req.auth;
  if (!auth) {
    if (isApi(req) || req.method !== 'GET') throw unauthorized();
    return reply.redirect(`/masuk?lanjut=${encodeURIComponent(req.url)}`, 303);
  }
  if (changes && auth.via === 'session') verifyCsrfToken(req);
  if (auth.user.harusGantiSandi && !def.duringPasswordChange) {
    if (isApi(req) || req.method !== 'GET') throw new HttpError(403, 'harusGantiSandi');
    return reply.redirect(PASSWORD_PAGE, 303);
  }
  if (def.access === 'authenticated') return;

  // no role carries the permission at all → 403; it does, but not over this target → 404 (existence hidden)
  if (grantsWith(auth.grants, def.access).length === 0) throw forbidden();
  const target = def.target ? await def.target(req) : null;
  const grant = findGrant(auth.grants, def.access, target);
  if (!grant) throw new HttpError(404, 'notFound');
  req.grant = grant;
}

/** Layanan mandiri: a resident's session (own CSRF token), and a forced PIN change before anything else. */
function requireWarga(req: FastifyRequest, reply: FastifyReply, def: RouteDef, changes: boolean) {
  const warga = req.warga;
  if (!warga) {
    if (isApi(req) || changes) throw unauthorized();
    return reply.redirect(`${WARGA_LOGIN}?lanjut=${encodeURIComponent(req.url)}`, 303);
  }
  if (changes) {
    const body = req.body as Record<string, unknown> | undefined;
    const sent = typeof body?._csrf === 'string' ? body._csrf : req.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !safeEqual(sent, warga.sesi.csrf)) throw forbidden('csrfTidakValid');
  }
  if (warga.harusGantiPin && !def.duringPasswordChange) {
    if (isApi(req) || changes) throw new HttpError(403, 'mandiriHarusGantiPin');
    return reply.redirect(WARGA_PIN_PAGE, 303);
  }
}

export const WARGA_PIN_PAGE = '/layanan-mandiri/pin';
