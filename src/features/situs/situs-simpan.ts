import type { FastifyReply, FastifyRequest } from 'fastify';
import { etagOf, type KirimOpsi, kirimTeks } from './situs-kirim.js';

/**
 * Rendered public pages kept a few seconds in memory (BALAI_SITUS_CACHE_DETIK): a busy desa site answers from
 * here instead of asking the database and rendering on every visit. The pages are public and the same for
 * everyone (the key holds what they depend on: language, scheme, host, path), and browsers and proxies may keep
 * them 60 s anyway, so a few seconds of delay after an edit changes nothing a visitor could rely on. Only 200
 * answers are kept; 404s and errors are worked out again each time.
 */
export interface Jawaban {
  body: string;
  type: string;
  opsi?: KirimOpsi;
}

const MAKS = 2_000;

export function createHalamanCache(detik: number) {
  const simpanan = new Map<string, { sampai: number; jawaban: Jawaban }>();

  return {
    /** A route handler serving `buat`'s answer, from memory while it is fresh. */
    sajikan(buat: (req: FastifyRequest) => Promise<Jawaban>) {
      return async (req: FastifyRequest, reply: FastifyReply) => {
        const kunci = `${req.lang}|${req.protocol}|${req.host}|${req.url}`;
        const now = Date.now();
        const hit = detik > 0 ? simpanan.get(kunci) : undefined;
        if (hit && hit.sampai > now) return kirimTeks(req, reply, hit.jawaban.body, hit.jawaban.type, hit.jawaban.opsi);
        const dibuat = await buat(req);
        const jawaban = { ...dibuat, opsi: { ...dibuat.opsi, etag: etagOf(dibuat.body) } };
        if (detik > 0) {
          if (simpanan.size >= MAKS) {
            for (const [k, v] of simpanan) if (v.sampai <= now || simpanan.size >= MAKS) simpanan.delete(k);
          }
          simpanan.set(kunci, { sampai: now + detik * 1000, jawaban });
        }
        return kirimTeks(req, reply, jawaban.body, jawaban.type, jawaban.opsi);
      };
    },
  };
}
