import { todayIn } from '#src/domain/age.js';
import { levelOf } from '#src/domain/region-code.js';
import { gabungHitungan, type HitunganSemua, type TabelStatistik, tabelDari } from '#src/domain/statistik-hitung.js';
import { KATEGORI, KATEGORI_BY_SLUG, type KategoriDef } from '#src/domain/statistik-kategori.js';
import { KATEGORI_KELUARGA } from '#src/domain/statistik-keluarga.js';
import { listActiveDesaCodes } from '#src/features/wilayah/wilayah.repository.js';
import type { Db, DialectName } from '#src/lib/db/connect.js';
import { badRequest, notFound } from '#src/lib/errors.js';
import * as repo from './statistik.repository.js';
import { hitungDesa, type StatDesa } from './statistik-desa.js';

export const SEMUA_KATEGORI: readonly KategoriDef[] = [...KATEGORI, ...KATEGORI_KELUARGA];
const BY_SLUG = new Map<string, KategoriDef>([
  ...KATEGORI_BY_SLUG,
  ...KATEGORI_KELUARGA.map((k) => [k.slug, k] as const),
]);

export interface StatistikContext {
  db: Db;
  dialect: DialectName;
}

/**
 * A desa's figures at a date are computed once per process and kept while the desa's change mark (bumped by
 * triggers on every write to its register) stays the same: a kecamatan or the kabupaten is the sum of its
 * desa, so one edit recomputes one desa. Several processes each keep their own copy; none is ever stale,
 * because the mark is read from the database on every request.
 */
const MAKS_CACHE = 4_000;
const cache = new Map<string, { versi: number; stat: StatDesa }>();

export function lupakanCache(): void {
  cache.clear();
}

export function hariIni(): string {
  return todayIn();
}

function checkTanggal(per: string | undefined, today: string): string {
  if (per === undefined || per === '') return today;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(per) || Number.isNaN(Date.parse(per))) throw badRequest('statistikTanggalSalah');
  if (per > today) throw badRequest('statistikTanggalNanti');
  return per;
}

/** The active desa under a region code (a desa itself, a kecamatan, a kabupaten). */
export async function desaDi(db: Db, kode: string): Promise<string[]> {
  const level = levelOf(kode);
  if (level === 3) {
    const found = await db.selectFrom('desa').select('kode').where('kode', '=', kode).executeTakeFirst();
    if (!found) throw notFound('desaBelumAktif', { kode });
    return [kode];
  }
  if (level < 0 || level > 3) throw notFound();
  return listActiveDesaCodes(db, kode);
}

/** Figures of each desa at a date, from the cache when the desa has not changed. */
export async function statDesa(ctx: StatistikContext, kodes: readonly string[], tanggal: string): Promise<StatDesa[]> {
  const today = hariIni();
  const versi = await repo.versiDesa(ctx.db, ctx.dialect, kodes);
  const out: StatDesa[] = [];
  for (const kode of kodes) {
    const v = versi.get(kode);
    const key = `${kode}|${tanggal}|${today}`;
    const hit = cache.get(key);
    if (hit && hit.versi === (v?.versi ?? 0)) {
      out.push(hit.stat);
      continue;
    }
    // only the counts are kept: a desa's residents stay out of the cache (a kabupaten is ~650,000 rows)
    const { hitungan } = await hitungDesa(ctx.db, kode, tanggal, today);
    const stat: StatDesa = { hitungan };
    if (cache.size >= MAKS_CACHE) cache.delete(cache.keys().next().value as string);
    cache.set(key, { versi: v?.versi ?? 0, stat });
    out.push(stat);
    if (ctx.dialect === 'postgres' && v && v.baris > 500) await repo.rangkumUbah(ctx.db, kode);
  }
  return out;
}

export interface StatistikWilayah {
  kode: string;
  tanggal: string;
  hitungan: HitunganSemua;
  desa: StatDesa[];
}

/** Every category of a region (desa, kecamatan, kabupaten) at a date (default today). */
export async function statistikWilayah(ctx: StatistikContext, kode: string, per?: string): Promise<StatistikWilayah> {
  const tanggal = checkTanggal(per, hariIni());
  const kodes = await desaDi(ctx.db, kode);
  const desa = await statDesa(ctx, kodes, tanggal);
  return {
    kode,
    tanggal,
    hitungan: desa.length === 1 ? (desa[0] as StatDesa).hitungan : gabungHitungan(desa.map((d) => d.hitungan)),
    desa,
  };
}

export function kategoriDef(slug: string): KategoriDef {
  const def = BY_SLUG.get(slug);
  if (!def) throw notFound('statistikKategoriTidakAda');
  return def;
}

/** One category of a region at a date, in the reference's table shape. */
export async function tabelWilayah(
  ctx: StatistikContext,
  kode: string,
  slug: string,
  per?: string,
): Promise<TabelStatistik & { kode: string; tanggal: string }> {
  const def = kategoriDef(slug);
  const s = await statistikWilayah(ctx, kode, per);
  return { ...tabelDari(def, s.hitungan.get(slug)), kode, tanggal: s.tanggal };
}

/** One category for part of a desa (a dusun, RW or RT: the units under `lingkunganIds`), computed fresh. */
export async function tabelLingkungan(
  ctx: StatistikContext,
  desaKode: string,
  lingkunganIds: ReadonlySet<number>,
  slug: string,
  per?: string,
) {
  const def = kategoriDef(slug);
  const today = hariIni();
  const tanggal = checkTanggal(per, today);
  const stat = await hitungDesa(
    ctx.db,
    desaKode,
    tanggal,
    today,
    (o) => o.lingkungan_id !== null && lingkunganIds.has(o.lingkungan_id),
  );
  return { ...tabelDari(def, stat.hitungan.get(slug)), kode: desaKode, tanggal };
}
