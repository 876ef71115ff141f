import type { JenisKamera } from './kamera.table.js';

/**
 * Per-page Content-Security-Policy for the camera pages only; the global policy (src/app.ts) stays 'self'.
 * The map page may load tiles from the tile server; the player page may load the one camera's stream
 * (media/XHR for HLS, an image for MJPEG, a frame for an embedded player). Everything else as globally.
 */
function policy(extra: { img?: string[]; media?: string[]; connect?: string[]; frame?: string[] }, https: boolean) {
  const d = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' data: ${(extra.img ?? []).join(' ')}`.trim(),
    `media-src 'self' ${(extra.media ?? []).join(' ')}`.trim(),
    `connect-src 'self' ${(extra.connect ?? []).join(' ')}`.trim(),
    `frame-src ${extra.frame?.length ? extra.frame.join(' ') : "'none'"}`,
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  if (https) d.push('upgrade-insecure-requests');
  return d.join('; ');
}

/** The tile server's origin; a `{s}` subdomain becomes a wildcard. */
export function tileSource(template: string): string {
  const url = new URL(template.replaceAll('{s}', 'a').replace(/\{[xyzr]\}/g, '0'));
  return template.includes('{s}.') ? `${url.protocol}//*.${url.host.split('.').slice(1).join('.')}` : url.origin;
}

export function mapCsp(tileTemplate: string, https: boolean): string {
  return policy({ img: [tileSource(tileTemplate)] }, https);
}

export function playerCsp(jenis: JenisKamera, streamUrl: string, https: boolean): string {
  const origin = new URL(streamUrl).origin;
  if (jenis === 'hls') return policy({ media: ['blob:', origin], connect: [origin] }, https);
  if (jenis === 'mjpeg') return policy({ img: [origin] }, https);
  return policy({ frame: [origin] }, https);
}
