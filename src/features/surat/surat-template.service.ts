import { type Actor, audit } from '#src/lib/audit/audit.js';
import type { Db } from '#src/lib/db/connect.js';
import { invalid, notFound } from '#src/lib/errors.js';
import type { FileStore } from '#src/lib/storage.js';
import * as repo from './surat-jenis.repository.js';
import { ensureJenisBawaan, fromRow } from './surat-jenis.service.js';
import { nilaiDikenal } from './surat-nilai-kunci.js';
import { renderPratinjauDesa } from './surat-templat-pratinjau.service.js';
import { masalahTemplat, rapikanTemplat, TEMPLAT_MAKS } from './surat-template-periksa.js';

/**
 * A desa's own body text for a letter type (surat_jenis_desa.template) and its switch to stop using a type.
 * The text may only use the placeholders the type knows; anything else is refused with the names, so a typo
 * cannot reach a printed letter.
 */

/** The types of a desa with their marks, for the template list. */
export async function daftarTemplatDesa(db: Db, desaKode: string) {
  await ensureJenisBawaan(db);
  const rows = await repo.listJenisForDesa(db, desaKode);
  return rows
    .filter((r) => r.aktif === 1)
    .map((r) => ({
      slug: r.slug,
      kode: r.kode,
      nama: r.nama,
      asal: r.kabupaten_kode === null ? ('bawaan' as const) : ('kabupaten' as const),
      templateDesa: r.template_desa !== null && r.template_desa !== undefined,
      nonaktif: r.nonaktif_desa === 1,
    }));
}
export type TemplatDesaBaris = Awaited<ReturnType<typeof daftarTemplatDesa>>[number];

/** A type as the desa's editor sees it, also when the desa switched it off. */
export async function bukaTemplat(db: Db, desaKode: string, slug: string) {
  await ensureJenisBawaan(db);
  const row = await repo.findJenisBySlug(db, slug);
  if (row?.aktif !== 1 || (row.kabupaten_kode !== null && row.kabupaten_kode !== desaKode.slice(0, 5)))
    throw notFound('suratJenisTidakAda');
  const def = fromRow(row);
  const override = await repo.findOverride(db, desaKode, row.id);
  const own = override?.template ?? null;
  return {
    id: row.id,
    def,
    template: own ?? def.template,
    templateDesa: own !== null,
    nonaktif: override?.nonaktif === 1,
    dikenal: nilaiDikenal(def),
  };
}
export type Templat = Awaited<ReturnType<typeof bukaTemplat>>;

async function simpanOverride(
  db: Db,
  actor: Actor,
  desaKode: string,
  slug: string,
  ubah: (t: Templat) => { template: string | null; nonaktif: boolean },
  aksi: string,
): Promise<void> {
  const t = await bukaTemplat(db, desaKode, slug);
  const before = { template: t.templateDesa ? t.template : null, nonaktif: t.nonaktif };
  const after = ubah(t);
  if (before.template === after.template && before.nonaktif === after.nonaktif) return;
  await db.transaction().execute(async (trx) => {
    await repo.upsertOverride(trx, {
      desa_kode: desaKode,
      jenis_id: t.id,
      template: after.template,
      nonaktif: after.nonaktif ? 1 : 0,
      oleh: actor.username,
    });
    const perubahan: Record<string, [unknown, unknown]> = {};
    if (before.template !== after.template) perubahan.template = [before.template, after.template];
    if (before.nonaktif !== after.nonaktif) perubahan.nonaktif = [before.nonaktif, after.nonaktif];
    await audit.record(trx, actor, { aksi, entitas: 'surat_jenis', entitasId: slug, desaKode, perubahan });
  });
}

/** Save the desa's body text; text equal to the type's own is stored as "no desa text" (it follows updates). */
export async function simpanTemplatDesa(db: Db, actor: Actor, desaKode: string, slug: string, text: string) {
  const t = await bukaTemplat(db, desaKode, slug);
  const rapi = rapikanTemplat(text);
  const masalah = masalahTemplat(t.def, rapi);
  if (masalah) throw invalid({ template: masalah });
  const template = rapi === rapikanTemplat(t.def.template) ? null : rapi;
  await simpanOverride(db, actor, desaKode, slug, (x) => ({ template, nonaktif: x.nonaktif }), 'ubah_templat_desa');
}

/** "Kembalikan ke templat bawaan": the desa's text is removed. */
export function kembalikanTemplat(db: Db, actor: Actor, desaKode: string, slug: string) {
  return simpanOverride(
    db,
    actor,
    desaKode,
    slug,
    (x) => ({ template: null, nonaktif: x.nonaktif }),
    'ubah_templat_desa',
  );
}

/** Stop (or start again) offering a type in this desa; its text is kept. */
export function aturNonaktif(db: Db, actor: Actor, desaKode: string, slug: string, nonaktif: boolean) {
  const t = (x: Templat) => ({ template: x.templateDesa ? x.template : null, nonaktif });
  return simpanOverride(db, actor, desaKode, slug, t, nonaktif ? 'nonaktifkan_jenis_desa' : 'aktifkan_jenis_desa');
}

/** The typed text (or, when empty, the text in force) as a letter of this desa with made-up data. */
export async function pratinjauTemplatDesa(db: Db, files: FileStore, desaKode: string, slug: string, text: string) {
  const t = await bukaTemplat(db, desaKode, slug);
  const rapi = rapikanTemplat(text).slice(0, TEMPLAT_MAKS);
  return renderPratinjauDesa(db, files, desaKode, t.def, rapi === '' ? t.template : rapi);
}
