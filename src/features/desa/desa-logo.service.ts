import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { type Actor, audit } from '#src/lib/audit/audit.js';
import type { Db } from '#src/lib/db/connect.js';
import { nowIso } from '#src/lib/db/time.js';
import { HttpError, notFound } from '#src/lib/errors.js';
import type { FileStore } from '#src/lib/storage.js';
import * as repo from './desa.repository.js';

/** Raster formats accepted as a logo, decided by content (sharp reads the signature), never by name. */
const ACCEPTED = new Set(['jpeg', 'png', 'webp', 'gif', 'avif', 'heif', 'tiff']);
const MAX_SIDE = 512;

function rejectLogo(): HttpError {
  return new HttpError(400, 'invalid', {}, { logo: 'logoBukanGambar' });
}

/**
 * Validate an uploaded image by content and re-encode it (PNG, at most 512 px, metadata stripped) so that
 * nothing of the original bytes is served. Anything that is not a decodable raster image is refused.
 */
export async function normaliseLogo(input: Buffer): Promise<Buffer> {
  let format: string | undefined;
  try {
    format = (await sharp(input, { limitInputPixels: 40_000_000 }).metadata()).format;
  } catch {
    throw rejectLogo();
  }
  if (!format || !ACCEPTED.has(format)) throw rejectLogo();
  try {
    return await sharp(input, { limitInputPixels: 40_000_000, animated: false })
      .rotate()
      .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true })
      .png({ compressionLevel: 9 })
      .toBuffer();
  } catch {
    throw rejectLogo();
  }
}

export async function saveDesaLogo(
  db: Db,
  files: FileStore,
  actor: Actor,
  kode: string,
  upload: Buffer,
): Promise<void> {
  const desa = await repo.findDesa(db, kode);
  if (!desa) throw notFound('desaBelumAktif', { kode });
  const png = await normaliseLogo(upload);
  const name = `desa/${kode}/logo-${createHash('sha256').update(png).digest('hex').slice(0, 16)}.png`;
  await files.write(name, png);
  const previous = await db.transaction().execute(async (trx) => {
    const before = await repo.findDesa(trx, kode);
    await repo.updateDesa(trx, kode, { logo_berkas: name, diperbarui_pada: nowIso() });
    await audit.record(trx, actor, {
      aksi: 'ubah-logo',
      entitas: 'desa',
      entitasId: kode,
      desaKode: kode,
      perubahan: { logo_berkas: [before?.logo_berkas ?? null, name] },
    });
    return before?.logo_berkas ?? null;
  });
  if (previous && previous !== name) await files.remove(previous);
}

export async function readDesaLogo(db: Db, files: FileStore, kode: string): Promise<Buffer> {
  const desa = await repo.findDesa(db, kode);
  const data = desa?.logo_berkas ? await files.read(desa.logo_berkas) : null;
  if (!data) throw notFound();
  return data;
}
