import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { acceptsGzip } from '#src/features/assets/assets.routes.js';

/**
 * How public pages leave the server: a weak ETag of the body (304 when the browser has it), one minute of
 * caching by anyone, and gzip (kept per ETag, so a page that did not change is compressed once). A page that
 * sets a cookie or shows something for this visitor only (a flash message, a form's answer) is `pribadi` and
 * never cached. `Vary: Cookie` because the language comes from a cookie.
 */
export interface KirimOpsi {
  status?: number;
  /** shows something for this visitor only: no-store, no ETag */
  pribadi?: boolean;
  /** seconds; default 60 */
  maxAge?: number;
  /** the body's ETag when already known (kept pages) */
  etag?: string;
}

/** A weak ETag of a body. */
export function etagOf(body: string): string {
  return `W/"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;
}

const MAKS_GZIP = 500;
const gzipCache = new Map<string, Buffer>();

function gzipOf(etag: string, body: string): Buffer {
  const hit = gzipCache.get(etag);
  if (hit) return hit;
  const out = gzipSync(body, { level: 6 });
  if (gzipCache.size >= MAKS_GZIP) gzipCache.delete(gzipCache.keys().next().value as string);
  gzipCache.set(etag, out);
  return out;
}

/** Whether If-None-Match names this ETag (weak comparison, several tags or `*`). */
export function cocokEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || tag.replace(/^W\//, '') === bare;
  });
}

export function kirimTeks(req: FastifyRequest, reply: FastifyReply, body: string, type: string, opsi: KirimOpsi = {}) {
  const status = opsi.status ?? 200;
  reply.code(status).header('content-type', type).header('vary', 'accept-encoding, cookie');
  const pribadi = opsi.pribadi || status !== 200 || reply.hasHeader('set-cookie');
  if (pribadi) {
    reply.header('cache-control', 'no-store');
    return reply.send(body);
  }
  const etag = opsi.etag ?? etagOf(body);
  reply.header('etag', etag).header('cache-control', `public, max-age=${opsi.maxAge ?? 60}`);
  if (cocokEtag(req.headers['if-none-match'], etag)) return reply.code(304).send();
  if (body.length > 1024 && acceptsGzip(req)) return reply.header('content-encoding', 'gzip').send(gzipOf(etag, body));
  return reply.send(body);
}

// biome-ignore lint/suspicious/noExplicitAny: any page component's props
export function kirimHalaman(req: FastifyRequest, reply: FastifyReply, page: VNode<any>, opsi: KirimOpsi = {}) {
  return kirimTeks(req, reply, `<!doctype html>${renderToString(page)}`, 'text/html; charset=utf-8', opsi);
}
