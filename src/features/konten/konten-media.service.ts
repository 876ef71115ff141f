import { createHash, randomBytes } from 'node:crypto';
import { type Actor, audit } from '#src/lib/audit/audit.js';
import type { Db } from '#src/lib/db/connect.js';
import { nowIso } from '#src/lib/db/time.js';
import { notFound } from '#src/lib/errors.js';
import { olahGambar, periksaPdf } from '#src/lib/gambar/gambar.js';
import type { FileStore } from '#src/lib/storage.js';
import { MEDIA_FILE } from './konten-media-url.js';

export interface MediaDeps {
  db: Db;
  files: FileStore;
  batasByte: number;
}

/** Where a desa's media live in the file store (outside any served or executable path). */
const folder = (desaKode: string) => `konten/${desaKode}`;

/** A name nobody can guess before publication: content hash + randomness, 20 hex characters. */
function newName(buf: Buffer): string {
  return createHash('sha256').update(buf).update(randomBytes(16)).digest('hex').slice(0, 20);
}

/**
 * Store an uploaded image: checked by content and re-encoded by the image pipeline (WebP + JPEG at several
 * widths, EXIF stripped); the uploaded bytes themselves are never kept. Throws a 400 on field `kolom`.
 */
export async function simpanGambar(
  d: MediaDeps,
  actor: Actor,
  desaKode: string,
  buf: Buffer,
  opsi: { kolom: string; nama: string },
): Promise<number> {
  const hasil = await olahGambar(buf, { batasByte: d.batasByte, kolom: opsi.kolom });
  const berkas = newName(buf);
  for (const v of hasil.varian) {
    await d.files.write(`${folder(desaKode)}/${berkas}-${v.lebar}.webp`, v.webp);
    await d.files.write(`${folder(desaKode)}/${berkas}-${v.lebar}.jpg`, v.jpeg);
  }
  const besar = hasil.varian[hasil.varian.length - 1];
  return insertMedia(d.db, actor, desaKode, {
    jenis: 'gambar',
    berkas,
    nama_asli: opsi.nama,
    lebar: besar?.lebar ?? hasil.lebar,
    tinggi: besar?.tinggi ?? hasil.tinggi,
    varian: JSON.stringify(hasil.varian.map((v) => v.lebar)),
    ukuran: hasil.varian.reduce((n, v) => n + v.webp.length + v.jpeg.length, 0),
  });
}

/** Store a PDF attachment: a PDF by content, without scripts, actions or embedded files. */
export async function simpanPdf(
  d: MediaDeps,
  actor: Actor,
  desaKode: string,
  buf: Buffer,
  opsi: { kolom: string; nama: string },
): Promise<number> {
  periksaPdf(buf, { batasByte: d.batasByte, kolom: opsi.kolom });
  const berkas = newName(buf);
  await d.files.write(`${folder(desaKode)}/${berkas}.pdf`, buf);
  return insertMedia(d.db, actor, desaKode, {
    jenis: 'pdf',
    berkas,
    nama_asli: opsi.nama,
    lebar: null,
    tinggi: null,
    varian: null,
    ukuran: buf.length,
  });
}

async function insertMedia(
  db: Db,
  actor: Actor,
  desaKode: string,
  v: {
    jenis: 'gambar' | 'pdf';
    berkas: string;
    nama_asli: string;
    lebar: number | null;
    tinggi: number | null;
    varian: string | null;
    ukuran: number;
  },
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('media')
      .values({ ...v, desa_kode: desaKode, dibuat_oleh: actor.username, dibuat_pada: nowIso() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit.record(trx, actor, {
      aksi: v.jenis === 'pdf' ? 'unggah-lampiran' : 'unggah-gambar',
      entitas: 'artikel',
      entitasId: null,
      desaKode,
      perubahan: { media: [null, `${v.berkas} (${v.nama_asli})`] },
    });
    return row.id;
  });
}

export function findMedia(db: Db, desaKode: string, id: number) {
  return db.selectFrom('media').selectAll().where('desa_kode', '=', desaKode).where('id', '=', id).executeTakeFirst();
}

const TYPES: Record<string, string> = { webp: 'image/webp', jpg: 'image/jpeg', pdf: 'application/pdf' };

/** A stored file of a desa by its public name; 404 for anything else (no path ever built from raw input). */
export async function bacaMedia(files: FileStore, desaKode: string, file: string) {
  if (!MEDIA_FILE.test(file)) throw notFound();
  const data = await files.read(`${folder(desaKode)}/${file}`);
  if (!data) throw notFound();
  const ext = file.slice(file.lastIndexOf('.') + 1);
  return { data, type: TYPES[ext] ?? 'application/octet-stream' };
}
