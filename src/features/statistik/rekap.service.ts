import { type Angka, angkaKosong, jiwa, tambahAngka } from '#src/domain/laporan-angka.js';
import type { RentangBulan } from '#src/domain/laporan-bulan.js';
import type { Mutasi } from '#src/domain/laporan-mutasi.js';
import { levelOf } from '#src/domain/region-code.js';
import { notFound } from '#src/lib/errors.js';
import { bulanDiminta, type MutasiDesa, mutasiDesaSemua, type Susulan } from './laporan-bulanan.service.js';
import { desaDi, hariIni, type StatistikContext } from './statistik.service.js';

/**
 * B3 Buku Rekapitulasi Jumlah Penduduk (administration-books.md): one row per dusun, the monthly report's own
 * numbers (the same computation, laporan-bulanan.service.ts), laid out in the book's 33 columns. The book has
 * two removal groups only: "Pindah" here holds moves out plus missing (hilang) plus "pergi", which the
 * Keterangan column spells out. "Jumlah KK" counts families living here, "anggota keluarga" the other persons
 * (jiwa − KK), so that column 9 = 7 + 8 and 32 = 30 + 31 as the book defines.
 */
export interface RekapBaris {
  no: number | null;
  nama: string;
  mutasi: Mutasi;
}

export interface Rekap {
  kode: string;
  rentang: RentangBulan;
  baris: RekapBaris[];
  total: RekapBaris;
  susulan: Susulan[];
}

export async function rekapBulanan(ctx: StatistikContext, kode: string, bulan?: string): Promise<Rekap> {
  const today = hariIni();
  const b = bulanDiminta(bulan, today);
  if (levelOf(kode) !== 3) throw notFound();
  await desaDi(ctx.db, kode);
  const [m] = (await mutasiDesaSemua(ctx, [kode], b, today)) as [MutasiDesa];
  return {
    kode,
    rentang: m.rentang,
    baris: m.perDusun.map((r, i) => ({ no: i + 1, nama: r.dusun?.nama ?? '', mutasi: r.mutasi })),
    total: { no: null, nama: '', mutasi: m.total },
    susulan: m.susulan,
  };
}

/** WNA L, WNA P, WNI L, WNI P: the book's order. */
const wnaWni = (a: Angka) => [a.wna.l, a.wna.p, a.wni.l, a.wni.p];

/** Moves out, missing and "pergi" together: the book's "Pindah". */
export function keluarLain(m: Mutasi): Angka {
  const a = angkaKosong();
  tambahAngka(a, m.garis.pindah);
  tambahAngka(a, m.garis.hilang);
  tambahAngka(a, m.garis.pergi);
  return a;
}

/** Columns 3–32 of a row (30 numbers), as the page and the workbook show them. */
export function kolomRekap(m: Mutasi): number[] {
  const keadaan = (a: Angka) => [...wnaWni(a), a.kk, jiwa(a) - a.kk, jiwa(a)];
  return [
    ...keadaan(m.awal),
    ...wnaWni(m.garis.lahir),
    ...wnaWni(m.garis.datang),
    ...wnaWni(m.garis.mati),
    ...wnaWni(keluarLain(m)),
    ...keadaan(m.akhir),
  ];
}

/** What column 33 notes for a row: missing and pergi inside "Pindah", persons without a recorded sex. */
export function keteranganRekap(m: Mutasi): { hilang: number; pergi: number; tanpaJk: number } {
  return {
    hilang: jiwa(m.garis.hilang),
    pergi: jiwa(m.garis.pergi),
    tanpaJk: m.akhir.wni.x + m.akhir.wna.x,
  };
}
