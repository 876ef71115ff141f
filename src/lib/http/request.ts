import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AnjunganState } from '#src/features/mandiri/anjungan-state.js';
import type { WargaState } from '#src/features/mandiri/warga-sesi.service.js';
import type { Actor } from '#src/lib/audit/audit.js';
import type { AuthState } from '#src/lib/auth/auth-state.js';
import { type Grant, scopeLabel } from '#src/lib/auth/grants.js';
import { notFound } from '#src/lib/errors.js';
import type { Lang, Messages } from '#src/lib/i18n/messages.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** who is asking (null = anonymous), resolved once per request */
    auth: AuthState | null;
    /** the role assignment that allowed this route (permission routes only) */
    grant: Grant | null;
    lang: Lang;
    m: Messages;
    /** the resident signed in to layanan mandiri (own cookie, separate from staff sessions) */
    warga: WargaState | null;
    /** the registered kiosk this request comes from (device-token cookie) */
    anjungan: AnjunganState | null;
  }
}

export const isApi = (req: FastifyRequest) => req.url.startsWith('/api/');

export function param(req: FastifyRequest, name: string): string {
  const value = (req.params as Record<string, string | undefined>)[name];
  if (value === undefined) throw notFound();
  return value;
}

export function intParam(req: FastifyRequest, name: string): number {
  const n = Number(param(req, name));
  if (!Number.isSafeInteger(n) || n <= 0) throw notFound();
  return n;
}

export function query(req: FastifyRequest): Record<string, string | undefined> {
  return (req.query ?? {}) as Record<string, string | undefined>;
}

/** The audit actor for this request: the user, the role/scope that allowed the action, request id and IP. */
export function actorOf(req: FastifyRequest): Actor & { penggunaId: number } {
  const user = req.auth?.user;
  if (!user) throw new Error('actorOf dipanggil tanpa pengguna');
  return {
    penggunaId: user.id,
    username: user.username,
    peran: req.grant?.peran ?? null,
    lingkup: req.grant ? scopeLabel(req.grant) : user.lingkupKode,
    requestId: req.id,
    ip: req.ip,
  };
}

/** Grants of the signed-in user that carry a permission (for services that filter by scope). */
export function grantsOf(req: FastifyRequest): Grant[] {
  return req.auth?.grants ?? [];
}

export function redirect(reply: FastifyReply, to: string) {
  return reply.redirect(to, 303);
}

/** Only same-site relative paths are followed after login or a language switch. */
export function safeReturnPath(value: string | undefined, fallback = '/'): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  return value;
}
