import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { type Actor, audit } from '#src/lib/audit/audit.js';
import type { Db } from '#src/lib/db/connect.js';
import { HttpError, notFound } from '#src/lib/errors.js';
import type { FileStore } from '#src/lib/storage.js';
import { getPenduduk } from './penduduk.service.js';
import { setFoto } from './penduduk-screens.repository.js';

/** Raster formats accepted as a photo, decided by content (sharp reads the signature), never by name. */
const ACCEPTED = new Set(['jpeg', 'png', 'webp', 'gif', 'avif', 'heif', 'tiff']);
const MAX_SIDE = 600;
const PIXELS = 40_000_000;

const reject = () => new HttpError(400, 'invalid', {}, { foto: 'fotoBukanGambar' });

/**
 * Validate an uploaded photo by content and re-encode it as JPEG (at most 600 px, turned upright, metadata
 * such as GPS position and camera stripped), so none of the uploaded bytes are ever served.
 */
export async function normaliseFoto(input: Buffer): Promise<Buffer> {
  let format: string | undefined;
  try {
    format = (await sharp(input, { limitInputPixels: PIXELS }).metadata()).format;
  } catch {
    throw reject();
  }
  if (!format || !ACCEPTED.has(format)) throw reject();
  try {
    return await sharp(input, { limitInputPixels: PIXELS, animated: false })
      .rotate()
      .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 82, mozjpeg: true })
      .toBuffer();
  } catch {
    throw reject();
  }
}

/** Store a person's photo under penduduk/<desa>/<id>-<hash>.jpg and point the record at it (audited). */
export async function savePendudukFoto(
  db: Db,
  files: FileStore,
  actor: Actor,
  id: number,
  upload: Buffer,
): Promise<void> {
  const person = await getPenduduk(db, id);
  const jpeg = await normaliseFoto(upload);
  const name = `penduduk/${person.desa_kode}/${id}-${createHash('sha256').update(jpeg).digest('hex').slice(0, 16)}.jpg`;
  await files.write(name, jpeg);
  const previous = await db.transaction().execute(async (trx) => {
    const before = await getPenduduk(trx, id);
    await setFoto(trx, id, name);
    await audit.record(trx, actor, {
      aksi: 'ubah-foto',
      entitas: 'penduduk',
      entitasId: id,
      desaKode: before.desa_kode,
      perubahan: { foto: [before.foto, name] },
    });
    return before.foto;
  });
  if (previous && previous !== name) await files.remove(previous);
}

export async function readPendudukFoto(db: Db, files: FileStore, id: number): Promise<Buffer> {
  const person = await getPenduduk(db, id);
  const data = person.foto ? await files.read(person.foto) : null;
  if (!data) throw notFound();
  return data;
}
