import { levelOf, type Tingkat } from '#src/domain/region-code.js';
import type { HitunganSemua } from '#src/domain/statistik-hitung.js';
import { getTree, type LingkunganNode } from '#src/features/lingkungan/lingkungan.service.js';
import { getRegion } from '#src/features/wilayah/wilayah.service.js';
import { desaDi, hariIni, type StatistikContext, statistikWilayah } from './statistik.service.js';
import { orangPada } from './statistik-desa.js';
import { type AngkaPokok, angkaPokok, jumlahkan, perAnakWilayah, perDusun, tanggalTren } from './statistik-rincian.js';
import { jumlahPadaTanggal } from './statistik-tren.service.js';

export interface BarisRincian extends Omit<AngkaPokok, 'rumahTangga'> {
  /** region code, or the dusun id as text */
  kode: string;
  nama: string;
  tingkat: Tingkat | 'dusun';
  /** false: a region without any desa using Balai (no figures) */
  aktif: boolean;
  /** the dusun's id, for its category pages */
  dusunId?: number | null;
}

export interface Rincian {
  tingkat: Tingkat | 'dusun';
  baris: BarisRincian[];
  total: AngkaPokok;
}

export interface TitikTren {
  tanggal: string;
  penduduk: number;
  laki: number;
  perempuan: number;
}

export interface DashboardData {
  wilayah: { kode: string; nama: string; tingkat: Tingkat };
  tanggal: string;
  hitungan: HitunganSemua;
  angka: AngkaPokok;
  tren: TitikTren[];
  rincian: Rincian | null;
}

/**
 * A region's dashboard at a date: every category (one statistikWilayah call), the trend over the last 12 month
 * ends (the 11 earlier ones from one read of each desa's register and history, cached per desa), and the
 * drill-down by sub-region (kabupaten → kecamatan, kecamatan → desa, desa → dusun when `dusun` is allowed).
 */
export async function dashboardWilayah(
  ctx: StatistikContext,
  kode: string,
  tanggal: string,
  opsi: { dusun: boolean },
): Promise<DashboardData> {
  const region = await getRegion(ctx.db, kode);
  const kodes = await desaDi(ctx.db, kode);
  const s = await statistikWilayah(ctx, kode, tanggal);
  if (s.desa.length !== kodes.length) throw new Error('daftar desa berubah selama perhitungan');
  const angka = angkaPokok(s.hitungan);
  const perDesa = kodes.map((k, i) => ({ kode: k, stat: s.desa[i] as (typeof s.desa)[number] }));

  const tanggalLalu = tanggalTren(s.tanggal).slice(0, -1);
  const lalu = await jumlahPadaTanggal(ctx, kodes, tanggalLalu, hariIni());
  const tren: TitikTren[] = [
    ...lalu.map((a, i) => ({ tanggal: tanggalLalu[i] as string, ...a })),
    { tanggal: s.tanggal, penduduk: angka.penduduk, laki: angka.laki, perempuan: angka.perempuan },
  ];

  let rincian: Rincian | null = null;
  const level = levelOf(kode);
  if (level < 3) {
    const anak = perAnakWilayah(
      perDesa.map((d) => ({ kode: d.kode, angka: angkaPokok(d.stat.hitungan) })),
      level + 1,
    );
    const baris = region.anak.map((c) => {
      const { rumahTangga: _, ...a } = anak.get(c.kode) ?? jumlahkan([]);
      return { kode: c.kode, nama: c.nama, tingkat: c.tingkat, aktif: c.aktif, ...a };
    });
    rincian = { tingkat: region.anak[0]?.tingkat ?? 'desa', baris, total: angka };
  } else if (opsi.dusun) {
    const orang = perDesa[0]?.stat.orang ?? (await orangPada(ctx.db, kode, s.tanggal, hariIni())).hidup;
    rincian = await rincianDusun(ctx, kode, orang, angka);
  }
  return {
    wilayah: { kode: region.kode, nama: region.nama, tingkat: region.tingkat },
    tanggal: s.tanggal,
    hitungan: s.hitungan,
    angka,
    tren,
    rincian,
  };
}

/** A desa by dusun; residents not placed in any dusun get a row of their own (only when there are some). */
async function rincianDusun(
  ctx: StatistikContext,
  kode: string,
  orang: Parameters<typeof perDusun>[0],
  angka: AngkaPokok,
): Promise<Rincian> {
  const tree = await getTree(ctx.db, kode);
  const dusunOfUnit = new Map<number, number>();
  const mark = (node: LingkunganNode, dusun: number) => {
    dusunOfUnit.set(node.id, dusun);
    for (const c of node.anak) mark(c, dusun);
  };
  for (const root of tree) mark(root, root.id);
  const counts = perDusun(orang, (id) => (id === null ? null : (dusunOfUnit.get(id) ?? null)));
  const nol = { penduduk: 0, laki: 0, perempuan: 0, keluarga: 0 };
  const baris: BarisRincian[] = tree.map((d) => ({
    kode: String(d.id),
    nama: d.nama,
    tingkat: 'dusun',
    aktif: true,
    dusunId: d.id,
    ...nol,
    ...counts.get(d.id),
  }));
  const lepas = counts.get(null);
  if (lepas) baris.push({ kode: '-', nama: '', tingkat: 'dusun', aktif: true, dusunId: null, ...nol, ...lepas });
  return { tingkat: 'dusun', baris, total: angka };
}
