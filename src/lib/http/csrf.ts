import type { FastifyRequest } from 'fastify';
import { safeEqual } from '#src/lib/auth/tokens.js';
import { forbidden } from '#src/lib/errors.js';

/**
 * Cross-site request forgery protection for every state-changing request:
 * 1. the request must come from this site (Origin, else Sec-Fetch-Site, else Referer) — machine clients
 *    with a Bearer token carry no ambient credentials and are exempt;
 * 2. with a session cookie, the form's `_csrf` field (or X-CSRF-Token header) must equal the session's
 *    synchronizer token. Cookies are also SameSite=Lax.
 */
export function verifySameOrigin(req: FastifyRequest, allowedOrigins: readonly string[]): void {
  if (req.auth?.via === 'token') return;
  const own = hostOf(req.headers.host);
  const allowed = (origin: string) => {
    try {
      const url = new URL(origin);
      return (own !== null && url.host === own) || allowedOrigins.includes(url.origin);
    } catch {
      return false;
    }
  };
  const origin = req.headers.origin;
  if (origin !== undefined) {
    if (!allowed(origin)) throw forbidden('asalDitolak');
    return;
  }
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined) {
    if (site !== 'same-origin' && site !== 'none') throw forbidden('asalDitolak');
    return;
  }
  const referer = req.headers.referer;
  if (referer === undefined || !allowed(referer)) throw forbidden('asalDitolak');
}

/** The Host header as URL.host normalises it (a default port dropped), or null if it is not a host. */
function hostOf(header: string | undefined): string | null {
  if (!header) return null;
  try {
    const url = new URL(`http://${header}`);
    return url.port === '443' ? url.hostname : url.host;
  } catch {
    return null;
  }
}

export function verifyCsrfToken(req: FastifyRequest): void {
  const expected = req.auth?.session?.csrf;
  if (!expected) return;
  const body = req.body as Record<string, unknown> | undefined;
  const sent = typeof body?._csrf === 'string' ? body._csrf : req.headers['x-csrf-token'];
  if (typeof sent !== 'string' || !safeEqual(sent, expected)) throw forbidden('csrfTidakValid');
}
