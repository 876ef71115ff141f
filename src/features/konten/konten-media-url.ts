import { readJson } from '#src/lib/db/time.js';

/** Stored names: an image `{hash}` has variants `{hash}-{w}.webp` and `{hash}-{w}.jpg`; a PDF is `{hash}.pdf`. */
export const MEDIA_FILE = /^[a-f0-9]{20}(-\d{2,4}\.(webp|jpg)|\.pdf)$/;

export function widthsOf(varian: unknown): number[] {
  const list = readJson<number[]>(varian) ?? [];
  return [...list].sort((a, b) => a - b);
}

/** The variant closest to `target` px wide (the next larger one, else the largest). */
export function pickWidth(widths: number[], target: number): number | null {
  if (widths.length === 0) return null;
  return widths.find((w) => w >= target) ?? widths[widths.length - 1] ?? null;
}

/** Site-relative URL of an image variant, e.g. `/media/ab12…-640.jpg` (build the link with situsHref). */
export function mediaPath(berkas: string, lebar: number, format: 'webp' | 'jpg'): string {
  return `/media/${berkas}-${lebar}.${format}`;
}

export function pdfPath(berkas: string): string {
  return `/media/${berkas}.pdf`;
}

/** `srcset` for one format: every stored width. */
export function srcset(berkas: string, widths: number[], format: 'webp' | 'jpg', base: (p: string) => string) {
  return widths.map((w) => `${base(mediaPath(berkas, w, format))} ${w}w`).join(', ');
}
