import { readdirSync } from 'node:fs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '#src/deps.js';
import { notFound } from '#src/lib/errors.js';
import { param } from '#src/lib/http/request.js';
import { PUBLIC_DIR } from '#src/lib/paths.js';

/** The static files (stylesheets, icons, the few scripts) in /public, by exact name, listed once at start. */
function listAssets(): Set<string> {
  return new Set(readdirSync(PUBLIC_DIR).filter((name) => /^[a-z0-9][a-z0-9._-]*$/i.test(name)));
}

export function assetRoutes(_d: Deps) {
  const assets = listAssets();
  return {
    async file(req: FastifyRequest, reply: FastifyReply) {
      const name = param(req, 'file');
      if (!assets.has(name)) throw notFound();
      return reply.header('cache-control', 'public, max-age=86400').sendFile(name);
    },
  };
}
