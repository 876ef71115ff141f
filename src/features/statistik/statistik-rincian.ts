import { type HitunganSemua, type TabelStatistik, tabelDari } from '#src/domain/statistik-hitung.js';
import { kategoriDef } from './statistik.service.js';

/**
 * Pure pieces of the dashboards: the key figures of a region, the drill-down rows by sub-region and the
 * dates of the monthly trend. A drill-down's rows always add up to the region's own figures: every counted
 * resident and every counted family lands in exactly one row.
 */
export interface AngkaPokok {
  penduduk: number;
  laki: number;
  perempuan: number;
  keluarga: number;
  rumahTangga: number;
}

const NOL: AngkaPokok = { penduduk: 0, laki: 0, perempuan: 0, keluarga: 0, rumahTangga: 0 };

export function tabelKategori(h: HitunganSemua, slug: string): TabelStatistik {
  return tabelDari(kategoriDef(slug), h.get(slug));
}

/** Residents by sex (every counted resident), families and households with a counted member. */
export function angkaPokok(h: HitunganSemua): AngkaPokok {
  const jk = tabelKategori(h, 'jenis-kelamin').total;
  return {
    penduduk: jk.jumlah,
    laki: jk.laki,
    perempuan: jk.perempuan,
    keluarga: tabelKategori(h, 'keluarga-sejahtera').total.jumlah,
    rumahTangga: tabelKategori(h, 'rumah-tangga-dtks').total.jumlah,
  };
}

export function tambahAngka(a: AngkaPokok, b: AngkaPokok): AngkaPokok {
  return {
    penduduk: a.penduduk + b.penduduk,
    laki: a.laki + b.laki,
    perempuan: a.perempuan + b.perempuan,
    keluarga: a.keluarga + b.keluarga,
    rumahTangga: a.rumahTangga + b.rumahTangga,
  };
}

export const jumlahkan = (list: readonly AngkaPokok[]): AngkaPokok => list.reduce(tambahAngka, NOL);

/** Each desa's figures summed into the child region (kecamatan of a kabupaten, …) whose code prefixes it. */
export function perAnakWilayah(
  desa: readonly { kode: string; angka: AngkaPokok }[],
  tingkatAnak: number,
): Map<string, AngkaPokok> {
  const out = new Map<string, AngkaPokok>();
  for (const d of desa) {
    const anak = d.kode
      .split('.')
      .slice(0, tingkatAnak + 1)
      .join('.');
    out.set(anak, tambahAngka(out.get(anak) ?? NOL, d.angka));
  }
  return out;
}

export interface OrangRincian {
  id: number;
  sex: number | null;
  lingkungan_id: number | null;
  keluarga_id: number | null;
  kk_level: number | null;
}

/**
 * A desa's counted residents by dusun (`dusunOf` maps a unit id to its dusun id; null = not placed). A family
 * counts in the dusun of its head when the head is counted, else of its first counted member, so that the
 * families of the rows add up to the desa's families.
 */
export function perDusun(
  orang: readonly OrangRincian[],
  dusunOf: (lingkunganId: number | null) => number | null,
): Map<number | null, Omit<AngkaPokok, 'rumahTangga'>> {
  const out = new Map<number | null, Omit<AngkaPokok, 'rumahTangga'>>();
  const tempatKeluarga = new Map<number, { dusun: number | null; kepala: boolean; id: number }>();
  for (const o of orang) {
    const dusun = dusunOf(o.lingkungan_id);
    const row = out.get(dusun) ?? { penduduk: 0, laki: 0, perempuan: 0, keluarga: 0 };
    row.penduduk += 1;
    if (o.sex === 1) row.laki += 1;
    else if (o.sex === 2) row.perempuan += 1;
    out.set(dusun, row);
    if (o.keluarga_id === null) continue;
    const kepala = o.kk_level === 1;
    const now = tempatKeluarga.get(o.keluarga_id);
    if (!now || (kepala && !now.kepala) || (kepala === now.kepala && o.id < now.id))
      tempatKeluarga.set(o.keluarga_id, { dusun, kepala, id: o.id });
  }
  for (const { dusun } of tempatKeluarga.values()) {
    const row = out.get(dusun) ?? { penduduk: 0, laki: 0, perempuan: 0, keluarga: 0 };
    row.keluarga += 1;
    out.set(dusun, row);
  }
  return out;
}

/** The day before the first of a month: the end of the previous month (YYYY-MM-DD). */
function akhirBulanSebelum(tahun: number, bulan: number): string {
  return new Date(Date.UTC(tahun, bulan - 1, 0)).toISOString().slice(0, 10);
}

/** The trend's dates: the ends of the `n - 1` months before `tanggal`'s month, then `tanggal` itself. */
export function tanggalTren(tanggal: string, n = 12): string[] {
  const tahun = Number(tanggal.slice(0, 4));
  const bulan = Number(tanggal.slice(5, 7));
  const out: string[] = [];
  for (let k = n - 1; k >= 1; k--) out.push(akhirBulanSebelum(tahun, bulan - k + 1));
  out.push(tanggal);
  return out;
}
