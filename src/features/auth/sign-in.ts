import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '#src/deps.js';
import { recordLogin } from './login.service.js';
import { endSession, startSession } from './session.service.js';

function cookieOptions(d: Deps, maxAgeSeconds?: number) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: d.cookies.secure,
    ...(maxAgeSeconds === undefined ? {} : { maxAge: maxAgeSeconds }),
  };
}

/**
 * Sign a verified user in: whatever session the browser had is ended, a brand-new session id is issued
 * (rotation on login), the login is audited and the cookie set (HttpOnly, SameSite=Lax, Secure on https).
 */
export async function signIn(
  req: FastifyRequest,
  reply: FastifyReply,
  d: Deps,
  user: { id: number; username: string },
) {
  const old = req.auth?.session?.idHash;
  if (old) await endSession(d.db, old);
  const session = await startSession(
    d.db,
    user.id,
    { ip: req.ip, agen: req.headers['user-agent'] ?? null },
    d.sessionPolicy,
  );
  await recordLogin(d.db, {
    penggunaId: user.id,
    username: user.username,
    peran: null,
    lingkup: null,
    requestId: req.id,
    ip: req.ip,
  });
  reply.setCookie(d.cookies.session, session.token, cookieOptions(d, d.sessionPolicy.maxDays * 86_400));
}

export function clearSessionCookie(reply: FastifyReply, d: Deps) {
  reply.clearCookie(d.cookies.session, cookieOptions(d));
}

export function setPreferenceCookie(reply: FastifyReply, d: Deps, name: string, value: string) {
  reply.setCookie(name, value, cookieOptions(d, 365 * 86_400));
}
