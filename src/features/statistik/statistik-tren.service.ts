import { hadirPada, perPenduduk } from '#src/domain/statistik-kehadiran.js';
import * as repo from './statistik.repository.js';
import type { StatistikContext } from './statistik.service.js';
import { listPernahDiDesaRingkas } from './statistik-tren.repository.js';

/** Living residents of a region on one day: men, women, everyone (sex unrecorded included). */
export interface JumlahPada {
  laki: number;
  perempuan: number;
  penduduk: number;
}

/**
 * Population at several past dates (a dashboard's monthly trend). Each desa's register and event history are
 * read once for all the dates, and each person's presence is decided by the same rule as every statistic
 * (`hadirPada`, by event date), so a point equals statistikWilayah's total at that date. Results are kept per
 * desa while its change mark stays the same: small (three numbers per date), unlike the full figures.
 */
const MAKS_CACHE = 4_000;
const cache = new Map<string, { versi: number; titik: JumlahPada[] }>();

export function lupakanTren(): void {
  cache.clear();
}

async function trenDesa(ctx: StatistikContext, kode: string, tanggal: readonly string[]): Promise<JumlahPada[]> {
  const [semua, events] = await Promise.all([
    listPernahDiDesaRingkas(ctx.db, kode),
    repo.listPeristiwaDesa(ctx.db, kode),
  ]);
  const byPerson = perPenduduk(events);
  const titik = tanggal.map(() => ({ laki: 0, perempuan: 0, penduduk: 0 }));
  for (const p of semua) {
    const evs = byPerson.get(p.id) ?? [];
    tanggal.forEach((t, i) => {
      if (!hadirPada(p, evs, kode, t)) return;
      const x = titik[i] as JumlahPada;
      x.penduduk += 1;
      if (p.sex === 1) x.laki += 1;
      else if (p.sex === 2) x.perempuan += 1;
    });
  }
  return titik;
}

/** The sum over `kodes` (active desa) at each of `tanggal` (days before today). */
export async function jumlahPadaTanggal(
  ctx: StatistikContext,
  kodes: readonly string[],
  tanggal: readonly string[],
  hariIni: string,
): Promise<JumlahPada[]> {
  const total = tanggal.map(() => ({ laki: 0, perempuan: 0, penduduk: 0 }));
  if (tanggal.length === 0) return total;
  const versi = await repo.versiDesa(ctx.db, ctx.dialect, kodes);
  for (const kode of kodes) {
    const key = `${kode}|${tanggal.join(',')}|${hariIni}`;
    const v = versi.get(kode)?.versi ?? 0;
    let hit = cache.get(key);
    if (!hit || hit.versi !== v) {
      hit = { versi: v, titik: await trenDesa(ctx, kode, tanggal) };
      if (cache.size >= MAKS_CACHE) cache.delete(cache.keys().next().value as string);
      cache.set(key, hit);
    }
    hit.titik.forEach((x, i) => {
      const t = total[i] as JumlahPada;
      t.laki += x.laki;
      t.perempuan += x.perempuan;
      t.penduduk += x.penduduk;
    });
  }
  return total;
}
