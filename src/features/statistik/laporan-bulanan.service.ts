import { tambahAngka } from '#src/domain/laporan-angka.js';
import { bulanLalu, isBulan, type RentangBulan, rentangBulan } from '#src/domain/laporan-bulan.js';
import {
  cekIdentitas,
  GARIS,
  hitungMutasi,
  JENIS_PINDAH,
  type Mutasi,
  mutasiKosong,
  type PeristiwaMutasi,
} from '#src/domain/laporan-mutasi.js';
import { peristiwaBerlaku } from '#src/domain/statistik-kehadiran.js';
import { listLingkungan } from '#src/features/lingkungan/lingkungan.repository.js';
import { findRegionsByCodes } from '#src/features/wilayah/wilayah.repository.js';
import type { Db } from '#src/lib/db/connect.js';
import { badRequest } from '#src/lib/errors.js';
import { listKeluargaUnit, listNamaOrang, listOrangLaporan, listPeristiwaLaporan } from './laporan.repository.js';
import { jalurUnit, tempatDiDesa, type Unit } from './laporan-tempat.js';
import { versiDesa } from './statistik.repository.js';
import { desaDi, hariIni, type StatistikContext } from './statistik.service.js';

/**
 * Laporan Bulanan (statistics.md §6) of a desa, or of a kecamatan/kabupaten as the sum of its desa: the month's
 * changes from the event history by event date (domain/laporan-mutasi.ts), one row per dusun so that the Buku
 * Rekapitulasi (rekap.service.ts) is the same computation. Events reported this month about an earlier month are
 * listed apart: they changed a closed month, which is recomputed (by event date), never rewritten.
 */
export interface Susulan {
  desaKode: string;
  pendudukId: number;
  nama: string;
  kode: number;
  tglPeristiwa: string;
  tglLapor: string;
  /** 'susulan': a late report that stands; 'pembatalan': a correction of an earlier month's event */
  jenis: 'susulan' | 'pembatalan';
}

export interface BarisDusun {
  dusun: Unit | null;
  mutasi: Mutasi;
}

export interface MutasiDesa {
  kode: string;
  rentang: RentangBulan;
  total: Mutasi;
  perDusun: BarisDusun[];
  susulan: Susulan[];
  /** standing events of the month that changed nobody's presence (listed as a data-quality hint) */
  tanpaPengaruh: number;
}

/** The month asked for ('YYYY-MM', default last month); not after the current month. */
export function bulanDiminta(bulan: string | undefined, today = hariIni()): string {
  if (bulan === undefined || bulan === '') return bulanLalu(today);
  if (!isBulan(bulan)) throw badRequest('statistikTanggalSalah');
  if (bulan > today.slice(0, 7)) throw badRequest('statistikTanggalNanti');
  return bulan;
}

/** One desa's month, per dusun and in total. */
export async function mutasiDesa(db: Db, desaKode: string, bulan: string, today = hariIni()): Promise<MutasiDesa> {
  const rentang = rentangBulan(bulan, today);
  const [orang, semua, keluarga, units] = await Promise.all([
    listOrangLaporan(db, desaKode),
    listPeristiwaLaporan(db, desaKode),
    listKeluargaUnit(db, desaKode),
    listLingkungan(db, desaKode),
  ]);
  const berlaku = peristiwaBerlaku(semua) as PeristiwaMutasi[];
  const perOrang = new Map<number, PeristiwaMutasi[]>();
  for (const e of berlaku) {
    const list = perOrang.get(e.penduduk_id);
    if (list) list.push(e);
    else perOrang.set(e.penduduk_id, [e]);
  }
  const tempat = tempatDiDesa(desaKode, orang, semua, keluarga);
  const jalur = jalurUnit(units);
  const dusunOf = (unit: number | null) => jalur(unit).dusun?.id ?? null;
  const hasil = hitungMutasi({
    desaKode,
    awal: rentang.awal,
    akhir: rentang.akhir,
    orang,
    peristiwa: perOrang,
    keluargaOf: tempat.keluargaOf,
    kelompokOrang: (o) => dusunOf(tempat.unitOf(o)),
    kelompokKeluarga: (f): number | null => dusunOf(tempat.unitKeluarga(f)),
  });

  const perDusun: BarisDusun[] = units
    .filter((u) => u.tingkat === 'dusun')
    .map((u) => ({ dusun: { id: u.id, nama: u.nama }, mutasi: hasil.kelompok.get(u.id) ?? mutasiKosong() }));
  const tanpaDusun = hasil.kelompok.get(null);
  if (tanpaDusun) perDusun.push({ dusun: null, mutasi: tanpaDusun });
  const total = jumlahkan(perDusun.map((b) => b.mutasi));
  cekIdentitas(total, desaKode);

  return {
    kode: desaKode,
    rentang,
    total,
    perDusun,
    susulan: await susulanBulan(db, desaKode, rentang, semua, new Set(berlaku.map((e) => e.id))),
    tanpaPengaruh: hasil.tanpaPengaruh.length,
  };
}

/**
 * A desa's month is computed once per process and kept while the desa's change mark (statistik.repository
 * versiDesa, bumped by triggers on every write to its register) stays the same — as the dashboard does.
 */
const MAKS_CACHE = 2_000;
const cache = new Map<string, { versi: number; mutasi: MutasiDesa }>();

export function lupakanCacheLaporan(): void {
  cache.clear();
}

export async function mutasiDesaSemua(
  ctx: StatistikContext,
  kodes: readonly string[],
  bulan: string,
  today: string,
): Promise<MutasiDesa[]> {
  const versi = await versiDesa(ctx.db, ctx.dialect, kodes);
  const out: MutasiDesa[] = [];
  for (const kode of kodes) {
    const v = versi.get(kode)?.versi ?? 0;
    const key = `${kode}|${bulan}|${today}`;
    const hit = cache.get(key);
    if (hit && hit.versi === v) {
      out.push(hit.mutasi);
      continue;
    }
    const mutasi = await mutasiDesa(ctx.db, kode, bulan, today);
    if (cache.size >= MAKS_CACHE) cache.delete(cache.keys().next().value as string);
    cache.set(key, { versi: v, mutasi });
    out.push(mutasi);
  }
  return out;
}

/** Reported in this month about an earlier month: late reports that stand, and corrections (reversals). */
async function susulanBulan(
  db: Db,
  desaKode: string,
  r: RentangBulan,
  semua: readonly PeristiwaMutasi[],
  berlaku: ReadonlySet<number>,
): Promise<Susulan[]> {
  const found = semua.filter(
    (e) =>
      e.tgl_lapor >= r.mulai &&
      e.tgl_lapor <= r.akhirKalender &&
      e.tgl_peristiwa < r.mulai &&
      (berlaku.has(e.id) || e.membatalkan_id !== null),
  );
  if (found.length === 0) return [];
  const nama = await listNamaOrang(db, desaKode, [...new Set(found.map((e) => e.penduduk_id))]);
  return found
    .map((e) => ({
      desaKode,
      pendudukId: e.penduduk_id,
      nama: nama.get(e.penduduk_id)?.nama ?? '',
      kode: e.kode,
      tglPeristiwa: e.tgl_peristiwa,
      tglLapor: e.tgl_lapor,
      jenis: e.membatalkan_id === null ? ('susulan' as const) : ('pembatalan' as const),
    }))
    .sort((a, b) => (a.tglPeristiwa < b.tglPeristiwa ? -1 : a.tglPeristiwa > b.tglPeristiwa ? 1 : 0));
}

/** The sum of several rows (dusun into a desa, desa into a kecamatan). */
export function jumlahkan(parts: readonly Mutasi[]): Mutasi {
  const out = mutasiKosong();
  for (const m of parts) {
    tambahAngka(out.awal, m.awal);
    tambahAngka(out.akhir, m.akhir);
    for (const g of GARIS) tambahAngka(out.garis[g], m.garis[g]);
    for (const j of JENIS_PINDAH) tambahAngka(out.pindahJenis[j], m.pindahJenis[j]);
  }
  return out;
}

export interface LaporanBulanan {
  kode: string;
  nama: string;
  tingkat: string;
  rentang: RentangBulan;
  total: Mutasi;
  /** a desa: its dusun; a kecamatan or kabupaten: its desa */
  baris: { kode: string | null; nama: string; mutasi: Mutasi }[];
  susulan: Susulan[];
  tanpaPengaruh: number;
}

/** The monthly report of a desa, kecamatan or kabupaten code (a region is the sum of its active desa). */
export async function laporanBulanan(ctx: StatistikContext, kode: string, bulan?: string): Promise<LaporanBulanan> {
  const today = hariIni();
  const b = bulanDiminta(bulan, today);
  const kodes = await desaDi(ctx.db, kode);
  const names = new Map((await findRegionsByCodes(ctx.db, [kode, ...kodes])).map((w) => [w.kode, w]));
  const desa = await mutasiDesaSemua(ctx, kodes, b, today);
  const single = kodes.length === 1 && kodes[0] === kode ? desa[0] : undefined;
  const baris = single
    ? single.perDusun.map((r) => ({
        kode: r.dusun ? String(r.dusun.id) : null,
        nama: r.dusun?.nama ?? '',
        mutasi: r.mutasi,
      }))
    : desa.map((d) => ({ kode: d.kode, nama: names.get(d.kode)?.nama ?? d.kode, mutasi: d.total }));
  const total = single ? single.total : jumlahkan(desa.map((d) => d.total));
  cekIdentitas(total, kode);
  return {
    kode,
    nama: names.get(kode)?.nama ?? kode,
    tingkat: names.get(kode)?.tingkat ?? '',
    rentang: rentangBulan(b, today),
    total,
    baris,
    susulan: desa.flatMap((d) => d.susulan),
    tanpaPengaruh: desa.reduce((n, d) => n + d.tanpaPengaruh, 0),
  };
}
