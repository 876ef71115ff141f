import { type Rentan, rentanKosong, tambahRentan, tambahRentanKe } from '#src/domain/laporan-rentan.js';
import { levelOf } from '#src/domain/region-code.js';
import { listLingkungan } from '#src/features/lingkungan/lingkungan.repository.js';
import type { Db } from '#src/lib/db/connect.js';
import { badRequest, notFound } from '#src/lib/errors.js';
import { isCalendarDate } from '#src/lib/forms/penduduk-fields.js';
import { listKeluargaUnit, listPeristiwaLaporan } from './laporan.repository.js';
import {
  jalurUnit,
  type Tempat,
  type Tingkat,
  tempatDiDesa,
  urutWilayah,
  type Wilayah,
  wilayahDi,
  wilayahSemua,
} from './laporan-tempat.js';
import type { OrangBaris } from './statistik.repository.js';
import { desaDi, hariIni, type StatistikContext } from './statistik.service.js';
import { orangPada } from './statistik-desa.js';

/**
 * Laporan Kelompok Rentan of a desa at a date: one row per dusun (or RW, or RT), then the desa. The persons are
 * the dashboard's (orangPada: the living residents at the date), so the totals equal the dashboard's categories
 * where they overlap (disability, chronic illness, pregnancy, population). A family counts once, in the row of
 * its address, when at least one member lives in the desa at the date.
 */
export interface LaporanRentan {
  kode: string;
  tanggal: string;
  tingkat: Tingkat;
  baris: { wilayah: Wilayah; rentan: Rentan }[];
  total: Rentan;
}

/** A report date: default today, a calendar date, not after today. */
export function tanggalLaporan(per: string | undefined, today = hariIni()): string {
  if (per === undefined || per === '') return today;
  if (!isCalendarDate(per)) throw badRequest('statistikTanggalSalah');
  if (per > today) throw badRequest('statistikTanggalNanti');
  return per;
}

/** The living residents of a desa at a date, with where each counts (their unit and family there). */
export async function pendudukBertempat(
  db: Db,
  desaKode: string,
  tanggal: string,
  today: string,
): Promise<{ hidup: OrangBaris[]; tempat: Tempat; units: Awaited<ReturnType<typeof listLingkungan>> }> {
  const [{ hidup }, keluarga, units] = await Promise.all([
    orangPada(db, desaKode, tanggal, today),
    listKeluargaUnit(db, desaKode),
    listLingkungan(db, desaKode),
  ]);
  // only someone who has since left for another desa needs the family written on their events here
  const pindahan = hidup.some((o) => o.desa_kode !== desaKode);
  const events = pindahan ? await listPeristiwaLaporan(db, desaKode) : [];
  return { hidup, tempat: tempatDiDesa(desaKode, hidup, events, keluarga), units };
}

export async function laporanRentan(
  ctx: StatistikContext,
  kode: string,
  per?: string,
  tingkat: Tingkat = 'dusun',
): Promise<LaporanRentan> {
  if (levelOf(kode) !== 3) throw notFound();
  await desaDi(ctx.db, kode);
  const today = hariIni();
  const tanggal = tanggalLaporan(per, today);
  const { hidup, tempat, units } = await pendudukBertempat(ctx.db, kode, tanggal, today);
  const jalur = jalurUnit(units);
  const wilayah = wilayahSemua(units, jalur, tingkat);
  const rows = new Map<string, Rentan>();
  const rowOf = (unit: number | null) => {
    const w = wilayahDi(jalur(unit), tingkat);
    if (!wilayah.has(w.kunci)) wilayah.set(w.kunci, w);
    let r = rows.get(w.kunci);
    if (!r) {
      r = rentanKosong();
      rows.set(w.kunci, r);
    }
    return r;
  };
  const keluarga = new Set<number>();
  for (const o of hidup) {
    tambahRentan(rowOf(tempat.unitOf(o)), o, tanggal);
    const f = tempat.keluargaOf(o);
    if (f !== null) keluarga.add(f);
  }
  for (const f of keluarga) rowOf(tempat.unitKeluarga(f)).kk += 1;

  const baris = [...wilayah.values()]
    .sort(urutWilayah)
    .map((w) => ({ wilayah: w, rentan: rows.get(w.kunci) ?? rentanKosong() }));
  const total = rentanKosong();
  for (const b of baris) tambahRentanKe(total, b.rentan);
  return { kode, tanggal, tingkat, baris, total };
}
