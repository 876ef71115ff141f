import type { FastifyReply, FastifyRequest } from 'fastify';

/** One-shot message shown on the next page (post/redirect/get). Text only; rendered escaped. */
const FLASH_COOKIE = 'balai_flash';

export function setFlash(reply: FastifyReply, message: string): void {
  reply.setCookie(FLASH_COOKIE, message, { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 60 });
}

export function takeFlash(req: FastifyRequest, reply: FastifyReply): string | null {
  const value = req.cookies[FLASH_COOKIE];
  if (!value) return null;
  reply.clearCookie(FLASH_COOKIE, { path: '/' });
  return value.slice(0, 300);
}
