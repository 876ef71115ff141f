import { z } from 'zod';
import { choice, optionalText, requiredText } from '#src/lib/forms/fields.js';
import { JENIS_KAMERA } from './kamera.table.js';

/**
 * The camera form. URLs are http(s) only; an HLS stream is a `.m3u8` playlist; an embedded player is https
 * and only from a host on the installation's allowlist (BALAI_IFRAME_HOSTS). Error texts are keys of
 * `m.layanan.err` (see kamera.routes.ts).
 */
const URL_MAX = 500;

function parseUrl(value: string): URL | null {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

const httpUrl = () =>
  z
    .string({ error: 'wajibDiisi' })
    .trim()
    .min(1, { error: 'wajibDiisi' })
    .max(URL_MAX, { error: `terlaluPanjang|${URL_MAX}` })
    .refine((v) => parseUrl(v) !== null && !/[\s"'<>]/.test(v), { error: 'urlKamera' });

const optionalHttpUrl = () =>
  z
    .string()
    .trim()
    .max(URL_MAX, { error: `terlaluPanjang|${URL_MAX}` })
    .refine((v) => v === '' || (parseUrl(v) !== null && !/[\s"'<>]/.test(v)), { error: 'urlKamera' })
    .optional()
    .transform((v) => (v ? v : null));

const coordinate = (limit: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? Number(v.replace(',', '.')) : null))
    .refine((v) => v === null || (Number.isFinite(v) && Math.abs(v) <= limit), { error: 'koordinat' });

export function kameraSchema(iframeHosts: readonly string[]) {
  return z
    .object({
      nama: requiredText(120),
      lokasi: optionalText(200),
      lat: coordinate(90),
      lng: coordinate(180),
      jenis: choice(JENIS_KAMERA),
      stream_url: httpUrl(),
      snapshot_url: optionalHttpUrl(),
      aktif: z
        .string()
        .optional()
        .transform((v) => (v === '1' ? 1 : 0)),
    })
    .superRefine((v, ctx) => {
      const stream = parseUrl(v.stream_url);
      if (!stream) return;
      if (v.jenis === 'hls' && !stream.pathname.toLowerCase().endsWith('.m3u8'))
        ctx.addIssue({ code: 'custom', path: ['stream_url'], message: 'hlsM3u8' });
      if (v.jenis === 'embed' && (stream.protocol !== 'https:' || !iframeHosts.includes(stream.hostname.toLowerCase())))
        ctx.addIssue({
          code: 'custom',
          path: ['stream_url'],
          message: `embedTidakDiizinkan|${iframeHosts.join(', ')}`,
        });
      if ((v.lat === null) !== (v.lng === null))
        ctx.addIssue({ code: 'custom', path: [v.lat === null ? 'lat' : 'lng'], message: 'koordinatBerpasangan' });
    });
}
export type KameraInput = z.output<ReturnType<typeof kameraSchema>>;
