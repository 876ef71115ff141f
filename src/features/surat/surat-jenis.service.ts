import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db } from '#src/lib/db/connect.js';
import { nowIso } from '#src/lib/db/time.js';
import { notFound } from '#src/lib/errors.js';
import { PROJECT_ROOT } from '#src/lib/paths.js';
import * as repo from './surat-jenis.repository.js';
import { type JenisSurat, JenisSuratSchema } from './surat-jenis.schema.js';

/** The built-in letter types (the 42 of OpenSID, cleaned up), shipped as data under seed/surat. */
export const BAWAAN_PATH = join(PROJECT_ROOT, 'seed', 'surat', 'jenis-surat.json');

const synced = new WeakMap<Db, Promise<void>>();

/**
 * Bring the built-in types in the database up to the shipped definitions, once per process and only when
 * the shipped file changed (its hash is kept as a setting). Desa overrides of the body text are kept.
 */
export function ensureJenisBawaan(db: Db): Promise<void> {
  let p = synced.get(db);
  if (!p) {
    p = syncJenisBawaan(db).catch((error) => {
      synced.delete(db);
      throw error;
    });
    synced.set(db, p);
  }
  return p;
}

async function syncJenisBawaan(db: Db): Promise<void> {
  const text = await readFile(BAWAAN_PATH, 'utf8');
  const versi = createHash('sha256').update(text).digest('hex');
  const current = await db
    .selectFrom('surat_setelan')
    .select('nilai')
    .where('lingkup', '=', '')
    .where('kunci', '=', 'jenis_bawaan_versi')
    .executeTakeFirst();
  if (current?.nilai === versi) return;
  const types = JenisSuratSchema.array().parse(JSON.parse(text));
  await db.transaction().execute(async (trx) => {
    const now = nowIso();
    for (const t of types) await repo.upsertJenis(trx, toRow(t, null, true, now));
    await trx
      .insertInto('surat_setelan')
      .values({
        lingkup: '',
        kunci: 'jenis_bawaan_versi',
        nilai: versi,
        diperbarui_oleh: 'sistem',
        diperbarui_pada: now,
      })
      .onConflict((oc) => oc.columns(['lingkup', 'kunci']).doUpdateSet({ nilai: versi, diperbarui_pada: now }))
      .execute();
  });
}

export function toRow(t: JenisSurat, kabupatenKode: string | null, bawaan: boolean, now: string) {
  return {
    slug: t.slug,
    kode: t.kode,
    nama: t.nama,
    kabupaten_kode: kabupatenKode,
    bawaan: bawaan ? 1 : 0,
    aktif: 1,
    mandiri: t.mandiri ? 1 : 0,
    qr: t.qr ? 1 : 0,
    blok: JSON.stringify(t.blok),
    isian: JSON.stringify(t.isian),
    syarat: JSON.stringify(t.syarat),
    lampiran: JSON.stringify(t.lampiran),
    masa_berlaku: t.masa_berlaku ?? null,
    satuan_masa_berlaku: t.satuan_masa_berlaku ?? null,
    kertas: t.kertas,
    orientasi: t.orientasi,
    margin: t.margin ? JSON.stringify(t.margin) : null,
    format_nomor: t.format_nomor ?? null,
    template: t.template,
    dibuat_pada: now,
    diperbarui_pada: now,
  };
}

export function fromRow(row: repo.JenisRow): JenisSurat {
  return JenisSuratSchema.parse({
    slug: row.slug,
    kode: row.kode,
    nama: row.nama,
    mandiri: row.mandiri === 1,
    qr: row.qr === 1,
    blok: repo.jsonOf(row.blok, []),
    isian: repo.jsonOf(row.isian, []),
    syarat: repo.jsonOf(row.syarat, []),
    lampiran: repo.jsonOf(row.lampiran, []),
    masa_berlaku: row.masa_berlaku,
    satuan_masa_berlaku: row.satuan_masa_berlaku,
    kertas: row.kertas,
    orientasi: row.orientasi,
    margin: repo.jsonOf(row.margin, undefined),
    format_nomor: row.format_nomor,
    template: row.template,
  });
}

/** A type as a desa uses it: its definition with the desa's own body text, if the desa wrote one. */
export interface JenisEfektif {
  id: number;
  def: JenisSurat;
  template: string;
  templateDesa: boolean;
}

export async function jenisUntukDesa(db: Db, desaKode: string, ref: { slug?: string; id?: number }) {
  await ensureJenisBawaan(db);
  const row = ref.id ? await repo.findJenis(db, ref.id) : ref.slug ? await repo.findJenisBySlug(db, ref.slug) : null;
  const kab = desaKode.slice(0, 5);
  if (!row || (row.kabupaten_kode !== null && row.kabupaten_kode !== kab)) throw notFound('suratJenisTidakAda');
  const override = await repo.findOverride(db, desaKode, row.id);
  if (row.aktif !== 1 || override?.nonaktif === 1) throw notFound('suratJenisTidakAda');
  const def = fromRow(row);
  return {
    id: row.id,
    def,
    template: override?.template ?? def.template,
    templateDesa: Boolean(override?.template),
  } satisfies JenisEfektif;
}
