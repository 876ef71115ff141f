/**
 * Uploaded images and documents, judged by their content (never by name or declared type).
 *
 * Images: only JPEG, PNG, WebP and GIF that sharp can decode; SVG is refused (it is a script container).
 * Every accepted image is decoded and re-encoded — turned upright by its EXIF orientation, then all metadata
 * (GPS position, camera, comments) dropped — so none of the uploaded bytes are ever served; anything appended to
 * or hidden in the file (a PHP webshell, an HTML/JS polyglot) does not survive the round trip.
 */
import sharp, { type Metadata } from 'sharp';
import { berkasDitolak, megabita } from './ditolak.js';

/** Formats accepted as input, as sharp names them after reading the file's signature. */
const FORMAT_DITERIMA = new Set(['jpeg', 'png', 'webp', 'gif']);
/** Largest decoded image (width × height): a 40 MP photo is fine, a decompression bomb is not. */
export const PIKSEL_MAKS = 40_000_000;
/** Same default as env BALAI_UPLOAD_LIMIT; callers pass the configured limit. */
const BATAS_BYTE_BAWAAN = 5_242_880;
export const LEBAR_BAWAAN: readonly number[] = [320, 640, 1280];

export interface OpsiGambar {
  /** target widths; never upscaled (a smaller original gives one variant at its own width) */
  lebar?: number[];
  /** largest accepted file in bytes (env BALAI_UPLOAD_LIMIT) */
  batasByte?: number;
  /** the form field the error is shown next to */
  kolom?: string;
}

export interface VarianGambar {
  lebar: number;
  tinggi: number;
  webp: Buffer;
  jpeg: Buffer;
}

export interface GambarOlahan {
  /** upright size of the original */
  lebar: number;
  tinggi: number;
  varian: VarianGambar[];
}

/**
 * Check that `buf` is a raster image Balai accepts and return its upright size. Throws a 400 with a plain
 * message for an empty or oversized file, a non-image (SVG, HTML, PHP, PDF…), a truncated file or a bomb.
 */
export async function pastikanGambar(
  buf: Buffer,
  opsi: Pick<OpsiGambar, 'batasByte' | 'kolom'> = {},
): Promise<{ format: string; lebar: number; tinggi: number }> {
  const kolom = opsi.kolom ?? 'berkas';
  const batas = opsi.batasByte ?? BATAS_BYTE_BAWAAN;
  if (buf.length === 0) throw berkasDitolak('berkasKosong', kolom);
  if (buf.length > batas) throw berkasDitolak('berkasTerlaluBesar', kolom, megabita(batas));
  let meta: Metadata;
  try {
    meta = await sharp(buf, { limitInputPixels: false }).metadata(); // header only: the size is judged below
  } catch {
    throw berkasDitolak('gambarTidakValid', kolom);
  }
  if (meta.format === 'svg') throw berkasDitolak('gambarSvgDitolak', kolom);
  if (!meta.format || !FORMAT_DITERIMA.has(meta.format) || !meta.width || !meta.height)
    throw berkasDitolak('gambarTidakValid', kolom);
  if (meta.width * meta.height > PIKSEL_MAKS) throw berkasDitolak('gambarTerlaluBanyakPiksel', kolom);
  const tegak = (meta.orientation ?? 1) >= 5;
  return {
    format: meta.format,
    lebar: tegak ? meta.height : meta.width,
    tinggi: tegak ? meta.width : meta.height,
  };
}

/** The widths to produce for an original `lebarAsli` wide: the requested ones below it, else the original's. */
export function lebarVarian(lebarAsli: number, diminta: readonly number[] = LEBAR_BAWAAN): number[] {
  const lebar = [...new Set(diminta.filter((w) => Number.isInteger(w) && w > 0))].sort((a, b) => a - b);
  const muat = lebar.filter((w) => w < lebarAsli);
  return muat.length < lebar.length ? [...muat, lebarAsli] : muat;
}

/**
 * Validate an uploaded image by content and re-encode it as WebP and JPEG at several widths (upright, metadata
 * stripped, transparency flattened on white for the JPEG). The first animation frame is used for a GIF.
 */
export async function olahGambar(buf: Buffer, opsi: OpsiGambar = {}): Promise<GambarOlahan> {
  const kolom = opsi.kolom ?? 'berkas';
  const { lebar, tinggi } = await pastikanGambar(buf, opsi);
  const varian: VarianGambar[] = [];
  try {
    // decode once (failOn 'warning' refuses truncated and corrupt files instead of serving half an image)
    const tegak = await sharp(buf, { limitInputPixels: PIKSEL_MAKS, animated: false, failOn: 'warning' })
      .rotate()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const { width, height, channels } = tegak.info;
    for (const w of lebarVarian(width, opsi.lebar)) {
      const base = () =>
        sharp(tegak.data, { raw: { width, height, channels } }).resize({ width: w, withoutEnlargement: true });
      const [webp, jpeg] = await Promise.all([
        base().webp({ quality: 78 }).toBuffer({ resolveWithObject: true }),
        base().flatten({ background: '#ffffff' }).jpeg({ quality: 80, mozjpeg: true, progressive: true }).toBuffer(),
      ]);
      varian.push({ lebar: webp.info.width, tinggi: webp.info.height, webp: webp.data, jpeg });
    }
  } catch {
    throw berkasDitolak('gambarTidakValid', kolom);
  }
  return { lebar, tinggi, varian };
}

export { berkasDitolak } from './ditolak.js';
export { periksaPdf } from './pdf.js';
