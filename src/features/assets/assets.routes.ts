import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '#src/deps.js';
import { notFound } from '#src/lib/errors.js';
import { param } from '#src/lib/http/request.js';

/** The few static files of the admin UI (stylesheet, icon), from /public, by exact name only. */
const ASSETS = new Set(['app.css', 'favicon.svg', 'surat-pratinjau.js']);

export function assetRoutes(_d: Deps) {
  return {
    async file(req: FastifyRequest, reply: FastifyReply) {
      const name = param(req, 'file');
      if (!ASSETS.has(name)) throw notFound();
      return reply.header('cache-control', 'public, max-age=86400').sendFile(name);
    },
  };
}
