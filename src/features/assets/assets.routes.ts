import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '#src/deps.js';
import { notFound } from '#src/lib/errors.js';
import { param } from '#src/lib/http/request.js';
import { PUBLIC_DIR } from '#src/lib/paths.js';

/**
 * The static files in /public (stylesheets, icons, the few scripts), listed and hashed once at start.
 * `/aset/<name>` is cached for a day; `/aset/<stem>.<hash>.<ext>` (from `asetUrl`) forever, since a change
 * of content is a new URL. Text files are kept in memory with their gzip form.
 */
interface Aset {
  hash: string;
  /** text files: the bytes and their gzip; binaries are streamed from disk */
  teks: { type: string; raw: Buffer; gzip: Buffer } | null;
}

const TEXT_TYPES: Record<string, string> = {
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  svg: 'image/svg+xml',
  json: 'application/json; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
};
const NAME = /^[a-z0-9][a-z0-9._-]*$/i;
const HASHED = /^(.+)\.([0-9a-f]{10})(\.[a-z0-9]+)$/;

let index: Map<string, Aset> | null = null;

function buildIndex(): Map<string, Aset> {
  const out = new Map<string, Aset>();
  for (const name of readdirSync(PUBLIC_DIR)) {
    if (!NAME.test(name)) continue;
    const bytes = readFileSync(join(PUBLIC_DIR, name));
    const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 10);
    const type = TEXT_TYPES[name.split('.').pop()?.toLowerCase() ?? ''];
    out.set(name, { hash, teks: type ? { type, raw: bytes, gzip: gzipSync(bytes, { level: 9 }) } : null });
  }
  return out;
}

function assets(): Map<string, Aset> {
  index ??= buildIndex();
  return index;
}

/** The URL of a file of /public that may be cached forever: `/aset/situs.3f2a9c01de.css` (plain name if unknown). */
export function asetUrl(name: string): string {
  const a = assets().get(name);
  if (!a) return `/aset/${name}`;
  const dot = name.lastIndexOf('.');
  return dot > 0 ? `/aset/${name.slice(0, dot)}.${a.hash}${name.slice(dot)}` : `/aset/${name}.${a.hash}`;
}

/** Whether the client takes gzip (a q=0 refusal counts as no). */
export function acceptsGzip(req: FastifyRequest): boolean {
  const header = req.headers['accept-encoding'];
  if (typeof header !== 'string') return false;
  return header.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding?.trim() !== 'gzip') return false;
    const q = params.map((x) => x.trim()).find((x) => x.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

export function assetRoutes(_d: Deps) {
  const list = assets();
  return {
    async file(req: FastifyRequest, reply: FastifyReply) {
      const asked = param(req, 'file');
      let name = asked;
      let immutable = false;
      const hashed = HASHED.exec(asked);
      if (!list.has(asked) && hashed) {
        name = `${hashed[1]}${hashed[3]}`;
        // an old hash (a page cached from before a deploy) still gets the current file, but not forever
        immutable = list.get(name)?.hash === hashed[2];
      }
      const a = list.get(name);
      if (!a) throw notFound();
      reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=86400');
      if (!a.teks) return reply.sendFile(name);
      const etag = `"${a.hash}"`;
      reply.header('etag', etag).header('vary', 'accept-encoding').header('content-type', a.teks.type);
      if (req.headers['if-none-match'] === etag) return reply.code(304).send();
      if (acceptsGzip(req)) return reply.header('content-encoding', 'gzip').send(a.teks.gzip);
      return reply.send(a.teks.raw);
    },
  };
}
